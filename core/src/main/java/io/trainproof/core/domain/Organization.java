package io.trainproof.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.ZoneId;

/**
 * A tenant: one covered entity or business associate. Due dates are calendar dates in its time
 * zone; records are kept at least {@code retention} after the later of creation and last-in-effect.
 * Immutable.
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

  private static final MonthDay LEAP_DAY = MonthDay.of(2, 29);

  /**
   * The calendar date of an instant in this organization's zone.
   *
   * @param instant an instant
   * @return its date in {@link #zone()}
   */
  public LocalDate dateOf(Instant instant) {
    return LocalDate.ofInstant(instant, zone);
  }

  /**
   * The retention date of a record whose later of creation and last-in-effect is {@code start}: the
   * record is kept through this date and may be purged only on a later day. Counting whole years
   * from February 29 lands on February 28 in a common year, which would keep the record a day
   * short; such a date moves to March 1, so retention is never shorter than the full period.
   *
   * @param start the later of the record's creation and the last day it was in effect
   * @return the last day the record must be kept
   */
  public LocalDate keepUntil(LocalDate start) {
    LocalDate end = start.plus(retention);
    if (MonthDay.from(start).equals(LEAP_DAY)
        && end.getMonthValue() == 2
        && end.getDayOfMonth() == 28) {
      return end.plusDays(1);
    }
    return end;
  }
}
