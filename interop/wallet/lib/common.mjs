// Shared pieces of the interop wallets: keys and did:key, a documentLoader that never goes to the
// network, HTTP helpers that only talk to loopback, and the one-JSON-line output contract.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import path from 'node:path';

import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import {driver as didKeyDriverFactory} from '@digitalbazaar/did-method-key';
import {contexts as credentialsContexts} from '@digitalbazaar/credentials-context';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The JSON-LD contexts Trainproof's Java signer bundles (signing/src/main/resources/.../contexts).
 * Open Badges 3.0.3 and Trainproof's own context are read from there, so the wallet expands the
 * credential with byte-identical contexts; the W3C contexts come from their npm packages (the same
 * bytes the Java copies were taken from).
 */
export const JAVA_CONTEXTS_DIR = path.resolve(
  here, '../../../signing/src/main/resources/io/trainproof/signing/contexts');

export const CONTEXT_URLS = {
  CREDENTIALS_V1: 'https://www.w3.org/2018/credentials/v1',
  CREDENTIALS_V2: 'https://www.w3.org/ns/credentials/v2',
  DATA_INTEGRITY_V2: 'https://w3id.org/security/data-integrity/v2',
  OPEN_BADGES_V3: 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  TRAINPROOF_V1: 'https://trainproof.io/ns/credentials/v1'
};

function readJavaContext(file) {
  return JSON.parse(readFileSync(path.join(JAVA_CONTEXTS_DIR, file), 'utf8'));
}

const STATIC_CONTEXTS = new Map([
  [CONTEXT_URLS.CREDENTIALS_V1, credentialsContexts.get(CONTEXT_URLS.CREDENTIALS_V1)],
  [CONTEXT_URLS.CREDENTIALS_V2, credentialsContexts.get(CONTEXT_URLS.CREDENTIALS_V2)],
  [CONTEXT_URLS.DATA_INTEGRITY_V2, dataIntegrityContext.contexts.get(CONTEXT_URLS.DATA_INTEGRITY_V2)],
  [CONTEXT_URLS.OPEN_BADGES_V3, readJavaContext('ob-context-3.0.3.json')],
  [CONTEXT_URLS.TRAINPROOF_V1, readJavaContext('trainproof-v1.jsonld')]
]);
for(const [url, doc] of STATIC_CONTEXTS) {
  if(!doc || typeof doc !== 'object') {
    throw new Error(`bundled context ${url} is missing`);
  }
}

/** did:key for Ed25519 (z6Mk…) and P-256 (zDn…), resolved locally: no network. */
export const didKeyDriver = didKeyDriverFactory();
didKeyDriver.use({multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from});
didKeyDriver.use({multibaseMultikeyHeader: 'zDna', fromMultibase: EcdsaMultikey.from});

/**
 * A jsonld documentLoader serving only the bundled contexts and did:key documents. Anything else
 * (any http(s) URL, did:web, ...) throws: the wallet never loads a document over the network.
 */
export async function documentLoader(url) {
  if(STATIC_CONTEXTS.has(url)) {
    return {contextUrl: null, documentUrl: url, document: structuredClone(STATIC_CONTEXTS.get(url))};
  }
  if(typeof url === 'string' && url.startsWith('did:key:')) {
    const document = await didKeyDriver.get({url});
    return {contextUrl: null, documentUrl: url, document};
  }
  throw new Error(`documentLoader refuses to load "${url}": only bundled contexts and did:key are served (no network)`);
}

/** A new holder key: Ed25519 (default) or P-256, with its did:key and verification method id. */
export async function generateHolder({p256 = false} = {}) {
  const keyPair = p256
    ? await EcdsaMultikey.generate({curve: 'P-256'})
    : await Ed25519Multikey.generate();
  const {didDocument} = await didKeyDriver.fromKeyPair({verificationKeyPair: keyPair});
  const did = didDocument.id;
  keyPair.controller = did;
  keyPair.id = `${did}#${keyPair.publicKeyMultibase}`;
  return {did, keyPair, keyType: p256 ? 'P-256' : 'Ed25519'};
}

/** Only loopback URLs may be contacted: a server elsewhere is a test set-up error, never a target. */
export function assertLoopback(url) {
  const u = new URL(url);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if(!(host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host))) {
    throw new Error(`refusing to contact ${u.origin}: only 127.0.0.0/8, localhost and [::1] are allowed`);
  }
  if(u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new Error(`refusing ${u.protocol} URL ${url}`);
  }
  return u;
}

/** fetch that refuses any non-loopback URL; handed to every library that takes a fetch. */
export async function loopbackFetch(input, init) {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  assertLoopback(url);
  return fetch(input, init);
}

/** POSTs or GETs JSON; returns {status, body} with body parsed when it is JSON, text otherwise. */
export async function httpJson(method, url, body, headers = {}) {
  const init = {method, headers: {Accept: 'application/json', ...headers}, redirect: 'manual'};
  if(body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await loopbackFetch(url, init);
  const text = await res.text();
  let parsed = text;
  try {
    parsed = text.length ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return {status: res.status, body: parsed};
}

/** Prints exactly one JSON line to stdout and exits with the given code. */
export function finish(result, code) {
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exitCode = code;
}

/** Runs main, turning any thrown error into {"ok":false,"error":...} and exit code 1. */
export function runCli(main) {
  main().catch(error => {
    const result = {ok: false, error: String(error?.message ?? error)};
    const details = error?.details ?? httpDetails(error);
    if(details !== undefined) {
      result.details = details;
    }
    finish(result, 1);
  });
}

/** {status, body} of a library error that carries the HTTP response (@openid4vc errors do). */
function httpDetails(error) {
  const status = error?.response?.status ?? error?.response?.response?.status;
  if(typeof status !== 'number') {
    return undefined;
  }
  let body = error.errorResponse ?? error.response?.credentialErrorResponseResult?.data ??
    error.textResponse;
  if(typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      // keep the text
    }
  }
  return {status, body};
}

/** Splits argv into positional arguments and --flags (with --name=value values). */
export function parseArgs(argv, known) {
  const flags = {};
  const positional = [];
  for(const arg of argv) {
    if(arg.startsWith('--')) {
      const [name, value] = arg.slice(2).split(/=(.*)/s, 2);
      if(!known.includes(name)) {
        throw new Error(`unknown option --${name}; known: ${known.map(k => '--' + k).join(' ')}`);
      }
      flags[name] = value ?? true;
    } else {
      positional.push(arg);
    }
  }
  return {flags, positional};
}

export class WalletError extends Error {
  constructor(message, details) {
    super(message);
    this.details = details;
  }
}
