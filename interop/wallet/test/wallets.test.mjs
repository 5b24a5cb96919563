// Runs both wallets, as the Java interop test will (a child process per run, one JSON line out),
// against the test-only mock server on 127.0.0.1.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

import {startMockServer} from '../mock-server.mjs';
import {documentLoader} from '../lib/common.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a wallet script; resolves to {code, result (the parsed JSON line), stderr}. */
function wallet(script, ...args) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(root, script), ...args], {
      cwd: root, timeout: 60_000,
      env: {...process.env, NODE_OPTIONS: '--dns-result-order=ipv4first'}
    }, (error, stdout, stderr) => {
      if(error && typeof error.code !== 'number') {
        return reject(error);
      }
      const lines = stdout.trim().split('\n');
      assert.equal(lines.length, 1, `one JSON line expected, got: ${stdout}`);
      assert.doesNotMatch(stderr, /loopback-guard: blocked/);
      resolve({code: error ? error.code : 0, result: JSON.parse(lines[0]), stderr});
    });
  });
}

function assertIssuedTo(result, {keyPrefix}) {
  assert.equal(result.ok, true, JSON.stringify(result));
  assert.ok(result.holder.startsWith(keyPrefix), result.holder);
  assert.equal(result.credential.credentialSubject.id, result.holder);
  assert.deepEqual(result.credential.type, ['VerifiableCredential', 'OpenBadgeCredential']);
  assert.equal(result.verification.subjectIsHolder, true);
}

describe('against the strict mock', () => {
  let mock;
  before(async () => {
    mock = await startMockServer();
  });
  after(() => mock.close());

  test('VC API: Ed25519 holder, eddsa-rdfc-2022 DID Authentication', async () => {
    const {code, result} = await wallet('vcapi-wallet.mjs', mock.createExchange().interactionUrl);
    assert.equal(code, 0);
    assertIssuedTo(result, {keyPrefix: 'did:key:z6Mk'});
    assert.equal(result.cryptosuite, 'eddsa-rdfc-2022');
    assert.equal(result.verification.signature, 'verified');
    assert.equal(result.presentation.holder, result.holder);
    assert.equal(result.presentation.proof.proofPurpose, 'authentication');
  });

  test('VC API: P-256 holder signs with ecdsa-jcs-2019 when the server accepts it', async () => {
    const {code, result} = await wallet('vcapi-wallet.mjs', mock.createExchange().interactionUrl,
      '--p256');
    assert.equal(code, 0);
    assertIssuedTo(result, {keyPrefix: 'did:key:zDn'});
    assert.equal(result.cryptosuite, 'ecdsa-jcs-2019');
    assert.equal(result.presentation.proof.cryptosuite, 'ecdsa-jcs-2019');
  });

  test('VC API: P-256 holder with ecdsa-rdfc-2019 on request', async () => {
    const {code, result} = await wallet('vcapi-wallet.mjs', mock.createExchange().interactionUrl,
      '--p256', '--cryptosuite=ecdsa-rdfc-2019');
    assert.equal(code, 0);
    assertIssuedTo(result, {keyPrefix: 'did:key:zDn'});
    assert.equal(result.presentation.proof.cryptosuite, 'ecdsa-rdfc-2019');
  });

  test('VC API: the interaction URL also answers ?iuv=1, and an exchange is single-use', async () => {
    const url = mock.createExchange().interactionUrl + '?iuv=1';
    assert.equal((await wallet('vcapi-wallet.mjs', url)).code, 0);
    const second = await wallet('vcapi-wallet.mjs', url);
    assert.equal(second.code, 1);
    assert.equal(second.result.ok, false);
  });

  test('OpenID4VCI: Ed25519 holder, EdDSA key proof, library reads the issuer as 1.0', async () => {
    const exchange = mock.createExchange();
    const from = mock.requests.length;
    const {code, result} = await wallet('oid4vci-wallet.mjs', exchange.credentialOfferUri);
    assert.equal(code, 0);
    assertIssuedTo(result, {keyPrefix: 'did:key:z6Mk'});
    assert.equal(result.specVersion, 'V1');
    assert.equal(result.alg, 'EdDSA');
    assert.equal(result.verification.signature, 'verified');
    assert.deepEqual(mock.requests.slice(from), [
      'GET /.well-known/openid-credential-issuer/wallet/org-1',
      'GET /.well-known/oauth-authorization-server/wallet/org-1',
      'POST /wallet/org-1/token',
      'POST /wallet/org-1/nonce',
      'POST /wallet/org-1/credential'
    ]);
  });

  test('OpenID4VCI: P-256 holder, ES256 key proof', async () => {
    const {code, result} = await wallet('oid4vci-wallet.mjs',
      mock.createExchange().credentialOfferUri, '--p256');
    assert.equal(code, 0);
    assertIssuedTo(result, {keyPrefix: 'did:key:zDn'});
    assert.equal(result.alg, 'ES256');
  });

  for(const mode of ['--other-key', '--other-key=forged', '--wrong-challenge', '--wrong-domain']) {
    test(`VC API ${mode}: refused with 4xx, wallet exits 0`, async () => {
      const {code, result} = await wallet('vcapi-wallet.mjs', mock.createExchange().interactionUrl,
        mode);
      assert.equal(code, 0, JSON.stringify(result));
      assert.equal(result.ok, true);
      assert.equal(result.refused, 400);
      assert.equal(result.mode, mode.slice(2));
    });
  }

  for(const [mode, error] of [['--wrong-nonce', 'invalid_nonce'], ['--wrong-aud', 'invalid_proof'],
    ['--reuse', 'invalid_grant']]) {
    test(`OpenID4VCI ${mode}: refused with 400 ${error}, wallet exits 0`, async () => {
      const {code, result} = await wallet('oid4vci-wallet.mjs',
        mock.createExchange().credentialOfferUri, mode);
      assert.equal(code, 0, JSON.stringify(result));
      assert.equal(result.refused, 400);
      assert.equal(result.body.error, error);
    });
  }
});

describe('against a lenient mock that issues whatever it is shown', () => {
  let mock;
  before(async () => {
    mock = await startMockServer({lenient: true});
  });
  after(() => mock.close());

  for(const mode of ['--other-key', '--wrong-challenge', '--wrong-domain']) {
    test(`VC API ${mode}: the server issued, wallet exits 1`, async () => {
      const {code, result} = await wallet('vcapi-wallet.mjs', mock.createExchange().interactionUrl,
        mode);
      assert.equal(code, 1);
      assert.equal(result.ok, false);
      assert.equal(result.issued, true);
    });
  }

  for(const mode of ['--wrong-nonce', '--wrong-aud', '--reuse']) {
    test(`OpenID4VCI ${mode}: the server issued, wallet exits 1`, async () => {
      const {code, result} = await wallet('oid4vci-wallet.mjs',
        mock.createExchange().credentialOfferUri, mode);
      assert.equal(code, 1);
      assert.equal(result.ok, false);
      assert.equal(result.issued, true);
    });
  }
});

describe('issuer metadata and issuer DIDs', () => {
  test('without credential_metadata the library reads draft 14: the wallet says so', async () => {
    const mock = await startMockServer({credentialMetadata: false});
    try {
      const {code, result} = await wallet('oid4vci-wallet.mjs',
        mock.createExchange().credentialOfferUri);
      assert.equal(code, 1);
      assert.match(result.error, /Draft14, not 1\.0/);
    } finally {
      await mock.close();
    }
  });

  test('did:web issuer: signature skipped without its DID document, verified with it', async () => {
    const mock = await startMockServer({didWeb: true});
    try {
      const skipped = await wallet('vcapi-wallet.mjs', mock.createExchange().interactionUrl);
      assert.equal(skipped.code, 0);
      assert.equal(skipped.result.verification.issuer, mock.issuerDid);
      assert.match(skipped.result.verification.signature, /^skipped: /);

      const file = path.join(mkdtempSync(path.join(tmpdir(), 'wallet-')), 'did.json');
      writeFileSync(file, JSON.stringify(mock.issuerDidDocument));
      const verified = await wallet('oid4vci-wallet.mjs', mock.createExchange().credentialOfferUri,
        `--issuer-did-document=${file}`);
      assert.equal(verified.code, 0, JSON.stringify(verified.result));
      assert.equal(verified.result.verification.signature, 'verified');
    } finally {
      await mock.close();
    }
  });
});

describe('a credential bound to someone else', () => {
  let mock;
  before(async () => {
    mock = await startMockServer({wrongSubject: true});
  });
  after(() => mock.close());

  for(const [script, field] of [['vcapi-wallet.mjs', 'interactionUrl'],
    ['oid4vci-wallet.mjs', 'credentialOfferUri']]) {
    test(`${script} refuses it: exit 1`, async () => {
      const {code, result} = await wallet(script, mock.createExchange()[field]);
      assert.equal(code, 1);
      assert.match(result.error, /credentialSubject\.id is not the holder/);
    });
  }
});

describe('no network beyond loopback', () => {
  test('the documentLoader refuses every remote document', async () => {
    for(const url of ['https://www.w3.org/2018/credentials/examples/v1',
      'https://w3id.org/security/suites/ed25519-2020/v1', 'did:web:example.org']) {
      await assert.rejects(documentLoader(url), /refuses to load/);
    }
    const {document} = await documentLoader('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json');
    assert.ok(document['@context']);
  });

  test('the loopback guard blocks a connection to any other host', async () => {
    const code = `await import(${JSON.stringify(path.join(root, 'lib/loopback-guard.mjs'))});
      try { await fetch('http://example.org/'); console.log('fetched'); }
      catch (e) { console.log(e.cause?.message ?? e.message); }`;
    const out = await new Promise((resolve, reject) => execFile(process.execPath,
      ['--input-type=module', '-e', code], {timeout: 30_000},
      (error, stdout, stderr) => error ? reject(error) : resolve({stdout, stderr})));
    assert.match(out.stdout, /loopback-guard: connection to example\.org refused/);
    assert.match(out.stderr, /loopback-guard: blocked connection to example\.org:80/);
  });

  test('an offer naming a non-loopback issuer is refused before any request', async () => {
    const offer = {credential_issuer: 'https://issuer.example.org', credential_configuration_ids:
      ['TrainproofCertificate'], grants: {'urn:ietf:params:oauth:grant-type:pre-authorized_code':
      {'pre-authorized_code': 'x'}}};
    const {code, result} = await wallet('oid4vci-wallet.mjs',
      'openid-credential-offer://?credential_offer=' + encodeURIComponent(JSON.stringify(offer)));
    assert.equal(code, 1);
    assert.match(result.error, /only 127\.0\.0\.0\/8/);
  });
});
