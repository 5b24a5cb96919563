package io.trainproof.integrations.external;

import io.trainproof.core.domain.Certification;

/**
 * Verifies a certification that is a W3C Verifiable Credential or Open Badge and reports the
 * outcome, e.g. backed by {@code io.trainproof.signing.verify.CredentialVerifier}; kept as a
 * function so this module does not pin the host's trust configuration. Must be thread-safe.
 */
@FunctionalInterface
public interface CredentialCheck {

  /**
   * Verifies a credential.
   *
   * @param credentialJson the credential as JSON
   * @return the outcome, with a summary of the checks
   */
  Certification.Verification verify(String credentialJson);
}
