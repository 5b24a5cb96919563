#!/usr/bin/env node
// An OpenID for Verifiable Credential Issuance 1.0 wallet (pre-authorized code flow) built on the
// OpenWallet Foundation's client library @openid4vc/openid4vci, with jose for the key proof JWT.
//
//   node oid4vci-wallet.mjs <credentialOfferUri> [--p256] [--wrong-nonce | --wrong-aud | --reuse]
//        [--issuer-did-document=<file>]
//
// Prints one JSON line; exit 0 on success (or, in a negative mode, when the server refused as the
// specification says), 1 otherwise. See README.md for the full contract.
import './lib/loopback-guard.mjs'; // first: no connection beyond loopback from here on
import {createHash, randomBytes} from 'node:crypto';

import {
  Openid4vciClient, Openid4vciRetrieveCredentialsError, Openid4vciVersion, setGlobalConfig
} from '@openid4vc/openid4vci';
import {
  HashAlgorithm, Oauth2ClientErrorResponseError, clientAuthenticationAnonymous
} from '@openid4vc/oauth2';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import * as jose from 'jose';

import {
  WalletError, assertLoopback, finish, generateHolder, loopbackFetch, parseArgs, runCli
} from './lib/common.mjs';
import {checkCredential, issuerDocumentLoader} from './lib/verify.mjs';

const OPTIONS = ['p256', 'wrong-nonce', 'wrong-aud', 'reuse', 'issuer-did-document'];
const EXPECTED = {
  'wrong-nonce': {status: 400, error: 'invalid_nonce'},
  'wrong-aud': {status: 400, error: 'invalid_proof'},
  reuse: {status: 400, error: 'invalid_grant'}
};

// The library insists on https:// for every metadata URL; the test server is plain http on
// 127.0.0.1 (loopbackFetch below refuses every other host).
setGlobalConfig({allowInsecureUrls: true});

runCli(async () => {
  const {flags, positional} = parseArgs(process.argv.slice(2), OPTIONS);
  if(positional.length !== 1) {
    throw new Error('usage: oid4vci-wallet.mjs <credentialOfferUri> [--p256] ' +
      '[--wrong-nonce | --wrong-aud | --reuse] [--issuer-did-document=FILE]');
  }
  const negative = Object.keys(EXPECTED).filter(f => flags[f]);
  if(negative.length > 1) {
    throw new Error(`choose one negative mode, not ${negative.join(' and ')}`);
  }
  const mode = negative[0];
  const documentLoader = issuerDocumentLoader(flags['issuer-did-document']);

  const holder = await generateHolder({p256: Boolean(flags.p256)});
  const alg = flags.p256 ? 'ES256' : 'EdDSA';
  const multikey = flags.p256 ? EcdsaMultikey : Ed25519Multikey;
  const privateJwk = await multikey.toJwk({keyPair: holder.keyPair, secretKey: true});
  if(privateJwk.kty === 'OKP' && privateJwk.d) {
    // @digitalbazaar/ed25519-multikey 1.3.1 writes the 64-byte NaCl secret key (seed || public
    // key) as "d"; RFC 8037 and jose want the 32-byte seed.
    privateJwk.d = Buffer.from(privateJwk.d, 'base64url').subarray(0, 32).toString('base64url');
  }
  const privateKey = await jose.importJWK(privateJwk, alg);
  const publicJwk = await multikey.toJwk({keyPair: holder.keyPair});

  const client = new Openid4vciClient({callbacks: {
    fetch: loopbackFetch,
    hash: (data, algorithm) => createHash(nodeHashName(algorithm)).update(data).digest(),
    generateRandom: byteLength => randomBytes(byteLength),
    clientAuthentication: clientAuthenticationAnonymous(),
    signJwt: async (signer, {header, payload}) => {
      if(signer.method !== 'did' || signer.didUrl !== holder.keyPair.id) {
        throw new Error(`asked to sign for ${JSON.stringify(signer)}, not the holder key`);
      }
      const signed = mode === 'wrong-aud'
        ? {...payload, aud: 'https://wrong-audience.invalid'} : payload;
      const jwt = await new jose.SignJWT(signed).setProtectedHeader(header).sign(privateKey);
      return {jwt, signerJwk: publicJwk};
    }
  }});

  // 1. The offer (by value) and the issuer's metadata, with its authorization server's.
  const credentialOffer = await client.resolveCredentialOffer(positional[0]);
  assertLoopback(credentialOffer.credential_issuer);
  const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
  if(issuerMetadata.originalDraftVersion !== Openid4vciVersion.V1) {
    throw new WalletError(`@openid4vc/openid4vci reads the issuer metadata as OpenID4VCI ` +
      `${issuerMetadata.originalDraftVersion}, not 1.0 (it takes a credential configuration with ` +
      `credential_metadata as the sign of 1.0)`, {metadata: issuerMetadata.credentialIssuer});
  }
  const credentialConfigurationId = credentialOffer.credential_configuration_ids[0];

  // 2. Token request with the pre-authorized code.
  const {accessTokenResponse} = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
    credentialOffer, issuerMetadata});

  // 3. Nonce, key proof, credential request.
  const {c_nonce: nonce} = await client.requestNonce({issuerMetadata});
  const {jwt} = await client.createCredentialRequestJwtProof({
    issuerMetadata, credentialConfigurationId,
    signer: {method: 'did', didUrl: holder.keyPair.id, alg},
    nonce: mode === 'wrong-nonce' ? `wrong-${nonce}` : nonce,
    issuedAt: new Date()
  });
  let credentialResponse;
  try {
    ({credentialResponse} = await client.retrieveCredentials({
      issuerMetadata, credentialConfigurationId, accessToken: accessTokenResponse.access_token,
      proofs: {jwt: [jwt]}}));
  } catch(error) {
    if(!(error instanceof Openid4vciRetrieveCredentialsError)) {
      throw error;
    }
    const refused = {status: error.response.response.status,
      body: error.response.credentialErrorResponseResult?.data ??
        await error.response.response.clone().text()};
    if(mode === 'wrong-nonce' || mode === 'wrong-aud') {
      return judgeRefusal(mode, refused, holder.did, {proofJwt: jwt});
    }
    throw new WalletError(`credential request refused with ${refused.status}`, refused);
  }
  if(mode === 'wrong-nonce' || mode === 'wrong-aud') {
    return finish({ok: false, mode, issued: true, expected: EXPECTED[mode], holder: holder.did,
      response: credentialResponse, proofJwt: jwt}, 1);
  }

  const credentials = credentialResponse.credentials ?? [];
  if(credentials.length !== 1 || typeof credentials[0]?.credential !== 'object') {
    throw new WalletError('expected {"credentials":[{"credential":{...}}]} with one ldp_vc',
      credentialResponse);
  }
  const credential = credentials[0].credential;
  const verification = await checkCredential(credential, holder.did, documentLoader);
  const result = {ok: true, holder: holder.did, keyType: holder.keyType, alg,
    specVersion: issuerMetadata.originalDraftVersion, credentialConfigurationId, verification,
    credential};

  if(mode === 'reuse') {
    // 4. The same pre-authorized code a second time: the token endpoint must refuse it.
    try {
      const again = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
        credentialOffer, issuerMetadata});
      return finish({...result, ok: false, mode, issued: true, expected: EXPECTED.reuse,
        secondTokenResponse: again.accessTokenResponse}, 1);
    } catch(error) {
      if(!(error instanceof Oauth2ClientErrorResponseError)) {
        throw error;
      }
      return judgeRefusal(mode, {status: error.response.status, body: error.errorResponse},
        holder.did, {credential});
    }
  }
  finish(result, 0);
});

/** Exit 0 only if the server refused with the status and error code the specification names. */
function judgeRefusal(mode, {status, body}, holderDid, extra) {
  const expected = EXPECTED[mode];
  const asExpected = status === expected.status && body?.error === expected.error;
  finish({ok: asExpected, mode, refused: status, body, expected, holder: holderDid, ...extra},
    asExpected ? 0 : 1);
}

function nodeHashName(algorithm) {
  switch(algorithm) {
    case HashAlgorithm.Sha256: return 'sha256';
    case HashAlgorithm.Sha384: return 'sha384';
    case HashAlgorithm.Sha512: return 'sha512';
    default: throw new Error(`unsupported hash ${algorithm}`);
  }
}
