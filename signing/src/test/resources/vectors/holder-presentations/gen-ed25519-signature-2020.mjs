import * as vc from '@digitalbazaar/vc';
import {Ed25519Signature2020} from '@digitalbazaar/ed25519-signature-2020';
import {Ed25519VerificationKey2020} from '@digitalbazaar/ed25519-verification-key-2020';
import {securityLoader} from '@digitalbazaar/security-document-loader';

const seed = new Uint8Array(32).fill(7);
const key = await Ed25519VerificationKey2020.generate({seed});
const did = 'did:key:' + key.fingerprint();
key.id = did + '#' + key.fingerprint();
key.controller = did;
const loader = securityLoader().build();
const presentation = vc.createPresentation({holder: did, version: Number(process.argv[2] || 2)});
const suite = new Ed25519Signature2020({key, date: '2026-06-01T11:59:30Z'});
const signed = await vc.signPresentation({presentation, suite, challenge: 'lcw-challenge-2101', domain: 'https://trainproof.example.org', documentLoader: loader});
console.log(JSON.stringify(signed, null, 2));
const r = await vc.verify({presentation: signed, challenge: 'lcw-challenge-2101', domain: 'https://trainproof.example.org', suite: new Ed25519Signature2020(), documentLoader: loader});
console.error('verified', r.verified, JSON.stringify(r.error||''));
