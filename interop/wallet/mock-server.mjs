#!/usr/bin/env node
// TEST ONLY: a minimal stand-in for Trainproof's wallet endpoints (VC API exchange and OpenID4VCI
// pre-authorized flow), on node:http and 127.0.0.1 only, so the two wallets can be run end to end
// before the Java server exists. It checks challenge, domain, holder binding, nonce and audience
// so the wallets' negative modes have something to be refused by; it is not a reference issuer.
//
//   node mock-server.mjs [--port=N]   prints {"baseUrl":..., "issuer":...} and serves until killed;
//   POST <baseUrl>/test/exchanges      creates an exchange: {"interactionUrl", "credentialOfferUri"}
import http from 'node:http';
import {randomBytes, randomUUID} from 'node:crypto';
import {fileURLToPath} from 'node:url';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {cryptosuite as ecdsaRdfc2019} from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import {createVerifyCryptosuite as ecdsaJcs2019Verify} from
  '@digitalbazaar/ecdsa-jcs-2019-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import * as jose from 'jose';

import {CONTEXT_URLS, documentLoader, generateHolder} from './lib/common.mjs';

const ORG = 'org-1';
const PRE_AUTH = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';
const CONFIG_ID = 'TrainproofCertificate';
const EXCHANGE_TTL_MS = 15 * 60 * 1000;

/**
 * Starts the mock on 127.0.0.1 (port 0: any free port). Resolves to {baseUrl, issuer, issuerDid,
 * issuerDidDocument, requests, createExchange, close}. Options, for the wallets' own tests:
 * - lenient: issue whatever is presented (no challenge, domain, holder, nonce or aud checks);
 * - credentialMetadata: false leaves `credential_metadata` out of the configuration;
 * - didWeb: the issuer is did:web:127.0.0.1%3A<port> (its DID document in issuerDidDocument);
 * - wrongSubject: the credential names another DID as its subject (a binding the wallet refuses).
 */
export async function startMockServer({port = 0, lenient = false, credentialMetadata = true,
  didWeb = false, wrongSubject = false} = {}) {
  const issuerKey = await generateHolder();
  const requests = []; // "METHOD /path" of every request, in order
  let issuerDidDocument;
  const exchanges = new Map(); // id -> {challenge, domain, preAuthorizedCode, used, expires}
  const codes = new Map(); // pre-authorized code -> exchange id
  const tokens = new Map(); // access token -> exchange id
  const nonces = new Set();
  let baseUrl;
  let issuer;

  const server = http.createServer((req, res) => {
    handle(req, res).catch(error => {
      send(res, 500, {error: 'server_error', error_description: String(error?.stack ?? error)});
    });
  });

  async function handle(req, res) {
    const url = new URL(req.url, baseUrl);
    const p = url.pathname;
    requests.push(`${req.method} ${p}`);
    const prefix = `/wallet/${ORG}`;
    if(req.method === 'POST' && p === '/test/exchanges') {
      return send(res, 201, createExchange());
    }
    if(req.method === 'GET' && p === `/.well-known/openid-credential-issuer${prefix}`) {
      return send(res, 200, issuerMetadata());
    }
    if(req.method === 'GET' && p === `/.well-known/oauth-authorization-server${prefix}`) {
      return send(res, 200, {
        issuer,
        token_endpoint: `${issuer}/token`,
        grant_types_supported: [PRE_AUTH],
        'pre-authorized_grant_anonymous_access_supported': true
      });
    }
    let m;
    if(req.method === 'GET' && (m = p.match(/^\/wallet\/[^/]+\/interactions\/([^/]+)$/))) {
      const exchange = exchanges.get(m[1]);
      if(!exchange) {
        return send(res, 404, {error: 'not_found'});
      }
      const wantsJson = url.searchParams.get('iuv') === '1' ||
        (req.headers.accept ?? '').includes('application/json');
      if(!wantsJson) {
        return send(res, 406, {error: 'ask with Accept: application/json or ?iuv=1'});
      }
      return send(res, 200, {protocols: {
        vcapi: `${issuer}/exchanges/${m[1]}`,
        OID4VCI: offerUri(exchange)
      }});
    }
    if(req.method === 'POST' && (m = p.match(/^\/wallet\/[^/]+\/exchanges\/([^/]+)$/))) {
      return vcApiExchange(m[1], await readJson(req), res);
    }
    if(req.method === 'POST' && p === `${prefix}/token`) {
      return token(new URLSearchParams(await readText(req)), res);
    }
    if(req.method === 'POST' && p === `${prefix}/nonce`) {
      const nonce = randomBytes(16).toString('base64url');
      nonces.add(nonce);
      return send(res, 200, {c_nonce: nonce}, {'Cache-Control': 'no-store'});
    }
    if(req.method === 'POST' && p === `${prefix}/credential`) {
      return credentialEndpoint(req.headers.authorization, await readJson(req), res);
    }
    return send(res, 404, {error: 'not_found', path: p});
  }

  function createExchange() {
    const id = randomUUID();
    const exchange = {id, challenge: randomUUID(), domain: new URL(baseUrl).host,
      preAuthorizedCode: randomBytes(24).toString('base64url'), used: false,
      expires: Date.now() + EXCHANGE_TTL_MS};
    exchanges.set(id, exchange);
    codes.set(exchange.preAuthorizedCode, id);
    return {id, interactionUrl: `${issuer}/interactions/${id}`, credentialOfferUri: offerUri(exchange)};
  }

  function offerUri(exchange) {
    const offer = {credential_issuer: issuer, credential_configuration_ids: [CONFIG_ID],
      grants: {[PRE_AUTH]: {'pre-authorized_code': exchange.preAuthorizedCode}}};
    return 'openid-credential-offer://?credential_offer=' + encodeURIComponent(JSON.stringify(offer));
  }

  function issuerMetadata() {
    return {
      credential_issuer: issuer,
      credential_endpoint: `${issuer}/credential`,
      nonce_endpoint: `${issuer}/nonce`,
      credential_configurations_supported: {[CONFIG_ID]: {
        format: 'ldp_vc',
        credential_definition: {
          '@context': [CONTEXT_URLS.CREDENTIALS_V2, CONTEXT_URLS.OPEN_BADGES_V3],
          type: ['VerifiableCredential', 'OpenBadgeCredential']
        },
        cryptographic_binding_methods_supported: ['did:key'],
        credential_signing_alg_values_supported: ['eddsa-rdfc-2022'],
        proof_types_supported: {jwt: {proof_signing_alg_values_supported: ['EdDSA', 'ES256']}},
        // OpenID4VCI 1.0 §12.2.4: display goes in credential_metadata. Its presence is also what
        // tells @openid4vc/openid4vci that the issuer speaks 1.0 (not draft 14).
        ...(credentialMetadata ? {credential_metadata:
          {display: [{name: 'HIPAA training certificate', locale: 'en'}]}} : {})
      }}
    };
  }

  async function vcApiExchange(id, body, res) {
    const exchange = exchanges.get(id);
    if(!exchange) {
      return send(res, 404, {name: 'NotFoundError', message: 'no such exchange'});
    }
    if(exchange.used || Date.now() > exchange.expires) {
      return send(res, 410, {name: 'GoneError', message: 'exchange already used or expired'});
    }
    const vp = body?.verifiablePresentation;
    if(!vp) {
      return send(res, 200, {verifiablePresentationRequest: {
        query: [{type: 'DIDAuthentication', acceptedMethods: [{method: 'key'}],
          acceptedCryptosuites: [{cryptosuite: 'eddsa-rdfc-2022'}, {cryptosuite: 'ecdsa-jcs-2019'},
            {cryptosuite: 'ecdsa-rdfc-2019'}]}],
        challenge: exchange.challenge,
        domain: exchange.domain
      }});
    }
    const result = lenient ? {verified: true} : await vc.verify({presentation: vp, challenge: exchange.challenge,
      domain: exchange.domain, documentLoader, suite: [
        new DataIntegrityProof({cryptosuite: eddsaRdfc2022}),
        new DataIntegrityProof({cryptosuite: ecdsaRdfc2019}),
        new DataIntegrityProof({cryptosuite: ecdsaJcs2019Verify()})]});
    if(!result.verified) {
      return send(res, 400, {name: 'DataError', message: 'presentation does not verify: ' +
        String(result.error?.errors?.[0]?.message ?? result.error?.message ??
          result.presentationResult?.results?.[0]?.error?.message)});
    }
    const holder = typeof vp.holder === 'string' ? vp.holder : vp.holder?.id;
    const signer = [].concat(vp.proof)[0].verificationMethod.split('#')[0];
    if(!lenient && (!holder || holder !== signer)) {
      return send(res, 400, {name: 'DataError',
        message: `presentation signed by ${signer}, not by its holder ${holder}`});
    }
    exchange.used = true;
    const credential = await issueCredential(holder);
    return send(res, 200, {verifiablePresentation: {
      '@context': [CONTEXT_URLS.CREDENTIALS_V2], type: ['VerifiablePresentation'],
      verifiableCredential: [credential]}});
  }

  function token(form, res) {
    if(form.get('grant_type') !== PRE_AUTH) {
      return send(res, 400, {error: 'unsupported_grant_type'});
    }
    const id = codes.get(form.get('pre-authorized_code'));
    const exchange = id && exchanges.get(id);
    if(!exchange || (exchange.used && !lenient) || Date.now() > exchange.expires) {
      return send(res, 400, {error: 'invalid_grant',
        error_description: 'pre-authorized code unknown, used or expired'});
    }
    exchange.used = true;
    const accessToken = randomBytes(24).toString('base64url');
    tokens.set(accessToken, id);
    return send(res, 200, {access_token: accessToken, token_type: 'Bearer', expires_in: 300},
      {'Cache-Control': 'no-store'});
  }

  async function credentialEndpoint(authorization, body, res) {
    const accessToken = (authorization ?? '').match(/^Bearer (.+)$/)?.[1];
    if(!accessToken || !tokens.has(accessToken)) {
      return send(res, 401, {error: 'invalid_token'}, {'WWW-Authenticate': 'Bearer error="invalid_token"'});
    }
    if(body?.credential_configuration_id !== CONFIG_ID) {
      return send(res, 400, {error: 'invalid_credential_request',
        error_description: 'credential_configuration_id must be ' + CONFIG_ID});
    }
    const jwts = body?.proofs?.jwt;
    if(!Array.isArray(jwts) || jwts.length !== 1) {
      return send(res, 400, {error: 'invalid_proof', error_description: 'one proofs.jwt expected'});
    }
    let header;
    let payload;
    try {
      header = jose.decodeProtectedHeader(jwts[0]);
      if(header.typ !== 'openid4vci-proof+jwt' || typeof header.kid !== 'string' ||
        !header.kid.startsWith('did:key:')) {
        throw new Error('typ must be openid4vci-proof+jwt and kid a did:key URL');
      }
      const method = await documentLoader(header.kid);
      const lib = method.document.publicKeyMultibase.startsWith('z6Mk')
        ? Ed25519Multikey : EcdsaMultikey;
      const jwk = await lib.toJwk({keyPair: await lib.from(method.document)});
      ({payload} = await jose.jwtVerify(jwts[0], await jose.importJWK(jwk, header.alg),
        {algorithms: ['EdDSA', 'ES256'], typ: 'openid4vci-proof+jwt'}));
    } catch(error) {
      return send(res, 400, {error: 'invalid_proof', error_description: String(error.message)});
    }
    if(!lenient && payload.aud !== issuer) {
      return send(res, 400, {error: 'invalid_proof', error_description: `aud must be ${issuer}`});
    }
    if(!nonces.delete(payload.nonce) && !lenient) {
      return send(res, 400, {error: 'invalid_nonce', error_description: 'unknown or used nonce'});
    }
    tokens.delete(accessToken);
    const credential = await issueCredential(header.kid.split('#')[0]);
    return send(res, 200, {credentials: [{credential}]});
  }

  async function issueCredential(holderDid) {
    if(wrongSubject) {
      holderDid = (await generateHolder()).did;
    }
    const now = new Date();
    const credential = {
      '@context': [CONTEXT_URLS.CREDENTIALS_V2, CONTEXT_URLS.OPEN_BADGES_V3],
      id: `urn:uuid:${randomUUID()}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: {id: issuerDidDocument?.id ?? issuerKey.did, type: ['Profile'], name: 'Mock Practice'},
      name: 'HIPAA Privacy and Security',
      validFrom: now.toISOString().replace(/\.\d+Z$/, 'Z'),
      credentialSubject: {
        id: holderDid,
        type: ['AchievementSubject'],
        achievement: {id: 'urn:uuid:6f4a2c8e-3c1b-4a53-9d7e-2b8a1f0c9e11', type: ['Achievement'],
          name: 'HIPAA Privacy and Security', description: 'Annual HIPAA training',
          criteria: {narrative: 'Completed the course and passed the quiz.'}}
      }
    };
    const suite = new DataIntegrityProof({signer: issuerKey.keyPair.signer(),
      cryptosuite: eddsaRdfc2022});
    return vc.issue({credential, suite, documentLoader});
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  baseUrl = `http://127.0.0.1:${server.address().port}`;
  issuer = `${baseUrl}/wallet/${ORG}`;
  if(didWeb) {
    // the wallet never resolves did:web; the test hands this document to --issuer-did-document
    const did = `did:web:127.0.0.1%3A${server.address().port}`;
    issuerKey.keyPair.id = `${did}#key-1`;
    issuerKey.keyPair.controller = did;
    issuerDidDocument = {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      verificationMethod: [{id: `${did}#key-1`, type: 'Multikey', controller: did,
        publicKeyMultibase: issuerKey.keyPair.publicKeyMultibase}],
      assertionMethod: [`${did}#key-1`]
    };
  }
  return {baseUrl, issuer, issuerDid: issuerDidDocument?.id ?? issuerKey.did, issuerDidDocument,
    requests, createExchange, close: () => new Promise(resolve => server.close(resolve))};
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, {'Content-Type': 'application/json', ...headers});
  res.end(JSON.stringify(body));
}

async function readText(req) {
  let size = 0;
  const chunks = [];
  for await (const chunk of req) {
    size += chunk.length;
    if(size > 1_000_000) {
      throw new Error('request body over 1 MB');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readJson(req) {
  const text = await readText(req);
  return text.length ? JSON.parse(text) : {};
}

if(process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const portArg = process.argv.slice(2).find(a => a.startsWith('--port='));
  const mock = await startMockServer({port: portArg ? Number(portArg.slice(7)) : 0});
  process.stdout.write(JSON.stringify({baseUrl: mock.baseUrl, issuer: mock.issuer,
    issuerDid: mock.issuerDid}) + '\n');
}
