/*
 * The implementation manifest the W3C suites test: Trainproof's example host, on loopback only.
 *
 * run.sh copies this file into each suite's folder as localConfig.cjs, where
 * vc-test-suite-implementations finds it. A local config replaces the public list of
 * implementations (settings.testAllImplementations is false), so no other implementation's
 * endpoint is ever called.
 *
 * One implementation per cryptosuite and key type, because the suites test only the first
 * issuer endpoint of an implementation that carries a tag. The issuer endpoint gets
 * options.cryptosuite, and credential.issuer is set to the issuer id of the key type
 * (the host picks its key from the two).
 *
 * Environment (set by run.sh):
 *   TRAINPROOF_BASE_URL            http://127.0.0.1:PORT (required, must be loopback)
 *   TRAINPROOF_ISSUERS_FILE        JSON {"Ed25519": did, "P-256": did, "P-384": did}
 *   TRAINPROOF_API_KEY             sent as "Authorization: Bearer <key>" to the issuer
 *   TRAINPROOF_API_KEY_ON_VERIFY   "true": send it to the verifier too
 *   TRAINPROOF_OAUTH2_TOKEN_ENDPOINT, TRAINPROOF_OAUTH2_CLIENT_ID: instead of a static key,
 *     OAuth2 client credentials; the secret is read from TRAINPROOF_OAUTH2_CLIENT_SECRET,
 *     the issuer asks for scope credentials:issue
 */
'use strict';

const fs = require('node:fs');

const baseUrl = process.env.TRAINPROOF_BASE_URL;
if(!baseUrl) {
  throw new Error('TRAINPROOF_BASE_URL is not set (run conformance/run.sh)');
}
const host = new URL(baseUrl).hostname;
if(!['127.0.0.1', 'localhost', '[::1]'].includes(host)) {
  throw new Error(`TRAINPROOF_BASE_URL must be a loopback address, not ${host}`);
}

const issuers = JSON.parse(
  fs.readFileSync(process.env.TRAINPROOF_ISSUERS_FILE, 'utf8'));

// cryptosuite, key type: one implementation each
const targets = [
  ['eddsa-jcs-2022', 'Ed25519'],
  ['eddsa-rdfc-2022', 'Ed25519'],
  ['ecdsa-jcs-2019', 'P-256'],
  ['ecdsa-rdfc-2019', 'P-256'],
  ['ecdsa-rdfc-2019', 'P-384']
];

const apiKey = process.env.TRAINPROOF_API_KEY || '';
const bearer = apiKey ? {Authorization: `Bearer ${apiKey}`} : {};
const oauth2 = process.env.TRAINPROOF_OAUTH2_TOKEN_ENDPOINT ? {
  clientId: process.env.TRAINPROOF_OAUTH2_CLIENT_ID,
  // the library reads the secret from the environment variable of this name
  clientSecret: 'TRAINPROOF_OAUTH2_CLIENT_SECRET',
  tokenAudience: baseUrl,
  tokenEndpoint: process.env.TRAINPROOF_OAUTH2_TOKEN_ENDPOINT
} : undefined;
const verifyHeaders =
  process.env.TRAINPROOF_API_KEY_ON_VERIFY === 'true' ? bearer : {};

const implementations = targets.map(([cryptosuite, keyType]) => {
  const ecdsa = cryptosuite.startsWith('ecdsa-');
  const keyTypes = ecdsa ? {supportedEcdsaKeyTypes: [keyType]} : {};
  const implementation = {
    name: `Trainproof ${cryptosuite} ${keyType}`,
    implementation: 'Trainproof example host',
    issuers: [{
      id: issuers[keyType] || issuers.default,
      endpoint: `${baseUrl}/credentials/issue`,
      options: {cryptosuite},
      ...keyTypes,
      supports: {vc: ['1.1', '2.0']},
      tags: [cryptosuite, 'localhost'],
      headers: oauth2 ? {} : {...bearer},
      ...(oauth2 ? {scopes: ['credentials:issue']} : {})
    }],
    verifiers: [{
      id: `${baseUrl}/credentials/verify`,
      endpoint: `${baseUrl}/credentials/verify`,
      ...keyTypes,
      supports: {vc: ['1.1', '2.0']},
      tags: [cryptosuite, 'localhost'],
      headers: {...verifyHeaders}
    }]
  };
  if(oauth2) {
    implementation.oauth2 = oauth2;
  }
  return implementation;
});

module.exports = {
  settings: {
    enableInteropTests: false,
    testAllImplementations: false
  },
  implementations
};
