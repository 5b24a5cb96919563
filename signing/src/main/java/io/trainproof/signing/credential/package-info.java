/**
 * Credentials Trainproof issues: Open Badges 3.0 {@code OpenBadgeCredential} training certificates
 * and VC 2.0 policy attestation credentials, each signed, with status entries and a short human
 * verification code. {@link io.trainproof.signing.credential.UnsignedCredentials} builds the
 * documents from the parameter records here; {@link io.trainproof.signing.SigningCredentialIssuer}
 * (core's credential SPI) and {@link io.trainproof.signing.credential.StandaloneCredentialIssuer}
 * (standalone use with its own status list state) sign them.
 */
@NullMarked
package io.trainproof.signing.credential;

import org.jspecify.annotations.NullMarked;
