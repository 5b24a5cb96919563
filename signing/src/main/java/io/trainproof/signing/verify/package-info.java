/**
 * The offline verifier: a credential's JSON text and a {@link
 * io.trainproof.signing.verify.TrustBundle} (issuer key histories and status list credentials,
 * loaded without network) give a {@link io.trainproof.signing.verify.VerificationResult} listing
 * every check and its outcome, never a bare boolean.
 */
@NullMarked
package io.trainproof.signing.verify;

import org.jspecify.annotations.NullMarked;
