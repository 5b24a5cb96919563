/**
 * Credentials Trainproof issues: Open Badges 3.0 {@code OpenBadgeCredential} training
 * certificates and VC 2.0 policy attestation credentials, each signed, with status entries
 * and a short human verification code. {@link io.trainproof.signing.credential.CredentialIssuer}
 * is the entry point; its parameter records are what a credential SPI adapter passes in.
 */
@NullMarked
package io.trainproof.signing.credential;

import org.jspecify.annotations.NullMarked;
