#!/usr/bin/env node
// A VC API wallet (the exchange protocol the Learner Credential Wallet speaks), built only from
// independent npm libraries: Digital Bazaar's vc, data-integrity and cryptosuites.
//
//   node vcapi-wallet.mjs <interactionUrl> [--p256] [--cryptosuite=<name>]
//        [--other-key[=forged]] [--wrong-challenge] [--wrong-domain] [--issuer-did-document=<file>]
//
// Prints one JSON line; exit 0 on success (or, in a negative mode, when the server refused with
// 4xx), 1 otherwise. See README.md for the full contract.
import './lib/loopback-guard.mjs'; // first: no connection beyond loopback from here on
import {randomUUID} from 'node:crypto';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {cryptosuite as ecdsaRdfc2019} from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import {createSignCryptosuite as createEcdsaJcs2019Sign} from
  '@digitalbazaar/ecdsa-jcs-2019-cryptosuite';

import {WalletError, finish, generateHolder, httpJson, parseArgs, runCli} from './lib/common.mjs';
import {checkCredential, issuerDocumentLoader} from './lib/verify.mjs';

const OPTIONS = ['p256', 'cryptosuite', 'other-key', 'wrong-challenge', 'wrong-domain',
  'issuer-did-document'];

const SIGN_SUITES = {
  'eddsa-rdfc-2022': {keyType: 'Ed25519', create: () => eddsaRdfc2022},
  'ecdsa-rdfc-2019': {keyType: 'P-256', create: () => ecdsaRdfc2019},
  'ecdsa-jcs-2019': {keyType: 'P-256', create: () => createEcdsaJcs2019Sign()}
};

runCli(async () => {
  const {flags, positional} = parseArgs(process.argv.slice(2), OPTIONS);
  if(positional.length !== 1) {
    throw new Error('usage: vcapi-wallet.mjs <interactionUrl> [--p256] [--cryptosuite=NAME] ' +
      '[--other-key[=forged]] [--wrong-challenge] [--wrong-domain] [--issuer-did-document=FILE]');
  }
  const negative = ['other-key', 'wrong-challenge', 'wrong-domain'].filter(f => flags[f]);
  if(negative.length > 1) {
    throw new Error(`choose one negative mode, not ${negative.join(' and ')}`);
  }
  const documentLoader = issuerDocumentLoader(flags['issuer-did-document']);

  // 1. The interaction URL names the protocols; take the VC API exchange.
  const interaction = await httpJson('GET', positional[0]);
  if(interaction.status !== 200 || typeof interaction.body?.protocols?.vcapi !== 'string') {
    throw new WalletError(`interaction URL answered ${interaction.status} without protocols.vcapi`,
      interaction);
  }
  const exchangeUrl = new URL(interaction.body.protocols.vcapi, positional[0]).href;

  // 2. Start the exchange: the server asks for DID Authentication.
  const started = await httpJson('POST', exchangeUrl, {});
  const vpr = started.body?.verifiablePresentationRequest;
  if(started.status !== 200 || !vpr) {
    throw new WalletError(`exchange start answered ${started.status} without a ` +
      'verifiablePresentationRequest', started);
  }
  const query = [].concat(vpr.query ?? []).find(q => q?.type === 'DIDAuthentication');
  if(!query) {
    throw new WalletError('the presentation request has no DIDAuthentication query', vpr);
  }
  if(typeof vpr.challenge !== 'string' || vpr.challenge.length === 0) {
    throw new WalletError('the presentation request has no challenge', vpr);
  }
  const acceptedMethods = [].concat(query.acceptedMethods ?? []).map(m => m?.method);
  if(acceptedMethods.length > 0 && !acceptedMethods.includes('key')) {
    throw new WalletError(`the server does not accept did:key (accepts ${acceptedMethods})`, vpr);
  }
  const acceptedSuites = [].concat(query.acceptedCryptosuites ?? []).map(s => s?.cryptosuite);
  const cryptosuiteName = chooseCryptosuite(flags, acceptedSuites);
  const suiteInfo = SIGN_SUITES[cryptosuiteName];

  // 3. Holder key and DID Authentication presentation.
  const holder = await generateHolder({p256: suiteInfo.keyType === 'P-256'});
  let signingKey = holder.keyPair;
  if(flags['other-key']) {
    const other = await generateHolder({p256: suiteInfo.keyType === 'P-256'});
    if(flags['other-key'] === 'forged') {
      // another key's signature under the holder's verification method id: the signature is wrong
      signingKey = other.keyPair;
      signingKey.id = holder.keyPair.id;
      signingKey.controller = holder.did;
    } else {
      // a valid signature by another DID's key, on a presentation that claims the holder's DID
      signingKey = other.keyPair;
    }
  }
  const challenge = flags['wrong-challenge'] ? `wrong-${randomUUID()}` : vpr.challenge;
  const domain = flags['wrong-domain'] ? 'wrong-domain.invalid' : vpr.domain;

  const presentation = vc.createPresentation({holder: holder.did, id: `urn:uuid:${randomUUID()}`,
    version: 2.0});
  const suite = new DataIntegrityProof({signer: signingKey.signer(),
    cryptosuite: suiteInfo.create()});
  const vp = await vc.signPresentation({presentation, suite, challenge, domain, documentLoader});

  // 4. Present it; the server answers with the credential bound to the holder.
  const answered = await httpJson('POST', exchangeUrl, {verifiablePresentation: vp});
  const credentials = [].concat(answered.body?.verifiablePresentation?.verifiableCredential ?? []);

  if(negative.length === 1) {
    const mode = flags['other-key'] === 'forged' ? 'other-key=forged' : negative[0];
    if(answered.status >= 400 && answered.status < 500) {
      finish({ok: true, mode, refused: answered.status, body: answered.body, holder: holder.did,
        cryptosuite: cryptosuiteName, presentation: vp}, 0);
    } else {
      finish({ok: false, mode, issued: answered.status === 200 && credentials.length > 0,
        status: answered.status, body: answered.body, holder: holder.did, presentation: vp}, 1);
    }
    return;
  }
  if(answered.status !== 200 || credentials.length !== 1) {
    throw new WalletError(`presenting answered ${answered.status} without exactly one credential`,
      answered);
  }
  const credential = credentials[0];
  const verification = await checkCredential(credential, holder.did, documentLoader);
  finish({ok: true, holder: holder.did, keyType: holder.keyType, cryptosuite: cryptosuiteName,
    verification, credential, presentation: vp}, 0);
});

/** The suite to sign with: --cryptosuite, else the best the server accepts for the key type. */
function chooseCryptosuite(flags, accepted) {
  if(typeof flags.cryptosuite === 'string') {
    if(!SIGN_SUITES[flags.cryptosuite]) {
      throw new Error(`--cryptosuite must be one of ${Object.keys(SIGN_SUITES).join(', ')}`);
    }
    if(Boolean(flags.p256) !== (SIGN_SUITES[flags.cryptosuite].keyType === 'P-256')) {
      throw new Error(`--cryptosuite=${flags.cryptosuite} does not fit the key type ` +
        `(${flags.p256 ? 'P-256' : 'Ed25519'})`);
    }
    return flags.cryptosuite;
  }
  const preference = flags.p256 ? ['ecdsa-jcs-2019', 'ecdsa-rdfc-2019'] : ['eddsa-rdfc-2022'];
  const found = accepted.length === 0 ? preference[0] : preference.find(s => accepted.includes(s));
  if(!found) {
    throw new WalletError(`the server accepts none of ${preference.join(', ')} ` +
      `(accepts ${accepted.join(', ')})`);
  }
  return found;
}
