/**
 * The offline verifier: a credential's JSON text and a {@link
 * io.trainproof.signing.verify.TrustBundle} (issuer key histories and status list credentials,
 * loaded without network) give a {@link io.trainproof.signing.verify.VerificationResult} listing
 * every check and its outcome, never a bare boolean.
 *
 * <p>Holders (issue 21): {@link io.trainproof.signing.verify.HolderProofVerifier} verifies a
 * holder's proof of control of a {@code did:key} DID, offline, with no state: a DID Authentication
 * Verifiable Presentation (VC API exchanges; VC 2.0 or 1.1 context, a Data Integrity or {@code
 * Ed25519Signature2020} proof with purpose {@code authentication} over a challenge and a domain) or
 * an OpenID4VCI {@code jwt} key proof (Nimbus JOSE+JWT; {@code typ}, {@code alg}, {@code kid} or
 * {@code jwk}, {@code aud}, {@code iat}), refusing with a {@link
 * io.trainproof.core.ValidationException} that names what failed and never echoes the proof. The
 * signing module's {@code SigningCredentialIssuer.verifyHolderProof} is this verifier. {@link
 * io.trainproof.signing.verify.CredentialVerifier#verifyPresentation} uses it for a presentation,
 * then verifies each credential the presentation carries as a credential and checks that each is
 * issued to the holder ({@code credentialSubject.id}), answering a {@link
 * io.trainproof.signing.verify.PresentationResult}.
 *
 * <pre>{@code
 * PresentationResult r = verifier.verifyPresentation(vpJson, challengeIssued, "https://verifier.example");
 * if (r.verified()) { ... r.holder() ... r.credentials() ... }  // else r.refusedField(), r.refusal()
 * }</pre>
 */
@NullMarked
package io.trainproof.signing.verify;

import org.jspecify.annotations.NullMarked;
