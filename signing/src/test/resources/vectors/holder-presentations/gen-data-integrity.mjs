import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsa} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {cryptosuite as ecdsa} from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import {securityLoader} from '@digitalbazaar/security-document-loader';

const kind = process.argv[2];
const version = Number(process.argv[3]);
let key, cryptosuite;
if (kind === 'ed') {
  key = await Ed25519Multikey.generate({seed: new Uint8Array(32).fill(9)});
  cryptosuite = eddsa;
} else {
  key = await EcdsaMultikey.generate({curve: 'P-256'});
  cryptosuite = ecdsa;
}
const fp = key.publicKeyMultibase;
const did = 'did:key:' + fp;
key.id = did + '#' + fp;
key.controller = did;
const loader = securityLoader().build();
const presentation = vc.createPresentation({holder: did, version});
const suite = new DataIntegrityProof({signer: key.signer(), cryptosuite, date: '2026-06-01T11:59:30Z'});
const signed = await vc.signPresentation({presentation, suite, challenge: 'dbvc-challenge-2101', domain: 'https://trainproof.example.org', documentLoader: loader});
console.log(JSON.stringify(signed, null, 2));
const r = await vc.verify({presentation: signed, challenge: 'dbvc-challenge-2101', domain: 'https://trainproof.example.org', suite: new DataIntegrityProof({cryptosuite}), documentLoader: loader});
console.error('verified', r.verified, r.error ? r.error.message || JSON.stringify(r.error) : '');
