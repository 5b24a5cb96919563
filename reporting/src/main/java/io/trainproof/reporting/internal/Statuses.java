package io.trainproof.reporting.internal;

import io.trainproof.core.domain.Certificate;

/** Derived statuses the API packages need. Stateless. */
public final class Statuses {
  private Statuses() {}

  /**
   * A certificate's status on a run's date: revoked or superseded once that was recorded, expired
   * after its last valid date, otherwise valid.
   *
   * @param c the certificate
   * @param s the run
   * @return {@code VALID}, {@code EXPIRED}, {@code REVOKED} or {@code SUPERSEDED}
   */
  public static String certificate(Certificate c, Scope s) {
    if (c.status() != Certificate.Status.VALID
        && c.statusChangedAt() != null
        && s.knownBy(c.statusChangedAt())) {
      return c.status().name();
    }
    if (c.validUntil() != null && c.validUntil().isBefore(s.asOf())) {
      return "EXPIRED";
    }
    return "VALID";
  }
}
