package io.trainproof.signing.verify;

import java.util.function.Supplier;

/**
 * Wraps each verification of a {@link CredentialVerifier} made with {@link
 * CredentialVerifier#observedBy}, so a host maps it to its metrics or traces (the Spring Boot
 * starters map it to a Micrometer Observation when the host has an {@code ObservationRegistry}).
 * The signing module itself depends on no metrics library. Implementations must be thread-safe,
 * call {@code verification} exactly once on the calling thread, and return what it returns.
 */
@FunctionalInterface
public interface VerificationObserver {
  /** Observes nothing. */
  VerificationObserver NONE = Supplier::get;

  /**
   * Runs one verification.
   *
   * @param verification the verification; it never throws for any input (see {@link
   *     CredentialVerifier})
   * @return what it returned
   */
  VerificationResult observe(Supplier<VerificationResult> verification);
}
