package io.trainproof.reporting.internal;

import io.trainproof.core.domain.Certificate;

/** Derived statuses the API packages need. Stateless. */
public final class Statuses {
  private Statuses() {}

  /**
   * A certificate's status on a run's date.
   *
   * @param c the certificate
   * @param s the run
   * @return {@code VALID}, {@code EXPIRED}, {@code REVOKED} or {@code SUPERSEDED}
   */
  public static String certificate(Certificate c, Scope s) {
    return ReportServiceImpl.certificateStatus(c, s);
  }
}
