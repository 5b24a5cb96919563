/**
 * The example web host on embedded Jetty: verification page, VC API, status lists, DID document and
 * dashboard. Signing and the dashboard need a bearer API key or OAuth 2.0 access token with a scope
 * ({@link io.trainproof.examples.web.Access}); signing goes through {@link
 * io.trainproof.web.vcapi.CredentialSigning}; requests are bounded in size and time ({@link
 * io.trainproof.examples.web.WebHost}). Not an API.
 */
@NullMarked
package io.trainproof.examples.web;

import org.jspecify.annotations.NullMarked;
