package io.trainproof.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

/**
 * A tenant: one covered entity or business associate. Due dates are calendar dates in its
 * time zone; records are kept at least {@code retention} after the later of creation and
 * last-in-effect. Immutable.
 *
 * @param id the organization's id
 * @param name its display name
 * @param zone the zone in which its calendar dates are counted
 * @param retention how long records are kept; never shorter than {@link #MINIMUM_RETENTION}
 * @param createdAt when it was created
 */
public record Organization(
    Id<Organization> id, String name, ZoneId zone, Period retention, Instant createdAt) {

  /** Six years: 45 CFR 164.530(j)(2) and 164.316(b)(2)(i). */
  public static final Period MINIMUM_RETENTION = Period.ofYears(6);

  /**
   * The calendar date of an instant in this organization's zone.
   *
   * @param instant an instant
   * @return its date in {@link #zone()}
   */
  public LocalDate dateOf(Instant instant) {
    return LocalDate.ofInstant(instant, zone);
  }
}
