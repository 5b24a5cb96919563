/**
 * Third-party certifications from a provider's or HR's CSV: {@link
 * io.trainproof.integrations.external.CertificationImporter} records each row through core's
 * certification service, after verifying a verifiable credential or Open Badge with a host-supplied
 * {@link io.trainproof.integrations.external.CredentialCheck} (typically backed by the signing
 * module's verifier), and keeps the verification outcome with the record.
 */
@NullMarked
package io.trainproof.integrations.external;

import org.jspecify.annotations.NullMarked;
