// Independent checks of an issued credential: bound to the holder, and its Data Integrity proof
// verified with @digitalbazaar/vc wherever the issuer's key can be had without the network.
import {readFileSync} from 'node:fs';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {cryptosuite as ecdsaRdfc2019} from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import {createVerifyCryptosuite as createEcdsaJcs2019Verify} from
  '@digitalbazaar/ecdsa-jcs-2019-cryptosuite';

import {WalletError, documentLoader as bundledLoader} from './common.mjs';

/**
 * A documentLoader that also serves one issuer DID document from a file (for a did:web issuer:
 * the wallet never resolves did:web over the network).
 */
export function issuerDocumentLoader(file) {
  if(typeof file !== 'string') {
    return bundledLoader;
  }
  const didDocument = JSON.parse(readFileSync(file, 'utf8'));
  if(typeof didDocument.id !== 'string') {
    throw new Error(`--issuer-did-document ${file} has no id`);
  }
  return async url => {
    if(url === didDocument.id) {
      return {contextUrl: null, documentUrl: url, document: didDocument};
    }
    if(typeof url === 'string' && url.startsWith(didDocument.id + '#')) {
      const fragment = url.slice(didDocument.id.length);
      const method = [].concat(didDocument.verificationMethod ?? [])
        .find(m => m?.id === url || m?.id === fragment);
      if(!method) {
        throw new Error(`${url} is not a verification method of ${file}`);
      }
      return {contextUrl: null, documentUrl: url, document: {
        '@context': didDocument['@context'], ...method, id: url,
        controller: method.controller ?? didDocument.id}};
    }
    return bundledLoader(url);
  };
}

/**
 * Checks the issued credential independently: its subject is the holder, and (where the issuer's
 * key can be had without the network) its Data Integrity proof verifies with @digitalbazaar/vc.
 */
export async function checkCredential(credential, holderDid, documentLoader) {
  const subjects = [].concat(credential?.credentialSubject ?? []);
  if(subjects.length === 0 || !subjects.every(s => s?.id === holderDid)) {
    throw new WalletError(`credentialSubject.id is not the holder ${holderDid}`,
      {credentialSubject: credential?.credentialSubject});
  }
  const issuer = typeof credential.issuer === 'string' ? credential.issuer : credential.issuer?.id;
  const proofs = [].concat(credential.proof ?? []);
  if(proofs.length === 0) {
    throw new WalletError('the credential has no proof', {credential});
  }
  const result = {subjectIsHolder: true, issuer,
    proofCryptosuites: proofs.map(p => p?.cryptosuite ?? p?.type)};
  if(credential.credentialStatus) {
    result.status = 'not checked (status list not fetched)';
  }
  let issuerKeyKnown = false;
  if(typeof issuer === 'string' && issuer.startsWith('did:')) {
    try {
      await documentLoader(issuer);
      issuerKeyKnown = true;
    } catch {
      // the issuer's DID document is not available offline
    }
  }
  if(!issuerKeyKnown) {
    result.signature = `skipped: issuer ${issuer} cannot be resolved without the network ` +
      '(pass --issuer-did-document for a did:web issuer)';
    return result;
  }
  const verified = await vc.verifyCredential({
    credential,
    suite: [
      new DataIntegrityProof({cryptosuite: eddsaRdfc2022}),
      new DataIntegrityProof({cryptosuite: ecdsaRdfc2019}),
      new DataIntegrityProof({cryptosuite: createEcdsaJcs2019Verify()})
    ],
    documentLoader,
    // a status list is another credential on the server; this wallet does not fetch it
    checkStatus: async () => ({verified: true})
  });
  if(!verified.verified) {
    throw new WalletError('the credential does not verify', {
      error: String(verified.error?.message ?? verified.error),
      errors: (verified.error?.errors ?? verified.results?.map(r => r.error) ?? [])
        .filter(Boolean).map(e => String(e?.message ?? e))
    });
  }
  result.signature = 'verified';
  return result;
}
