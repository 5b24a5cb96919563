package io.trainproof.core.internal;

import java.time.LocalDate;

/**
 * The later and the earlier of two calendar dates, which services and the assignment engine both
 * need (an effective date is never before today; an assignment is never closed before it was made).
 * Pure functions. Stateless; thread-safe. Not API.
 */
public final class Dates {
  private Dates() {}

  /**
   * The later of two dates.
   *
   * @param a a date
   * @param b another
   * @return the later
   */
  public static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /**
   * The earlier of two dates.
   *
   * @param a a date
   * @param b another
   * @return the earlier
   */
  public static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
