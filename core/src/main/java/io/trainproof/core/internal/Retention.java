package io.trainproof.core.internal;

import io.trainproof.core.domain.Organization;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * Retention date arithmetic. A record is kept through its retention date and may be purged
 * only on a later day. Pure; thread-safe. Not API.
 */
public final class Retention {
  private static final MonthDay LEAP_DAY = MonthDay.of(2, 29);

  private Retention() {}

  /**
   * The retention date of a record whose later of creation and last-in-effect is {@code start}.
   * Counting whole years from February 29 lands on February 28 in a common year, which would
   * keep the record a day short; such a date moves to March 1, so retention is never shorter
   * than the full period.
   *
   * @param start the later of creation and last-in-effect
   * @param org the organization (its retention period, at least six years)
   * @return the last day the record must be kept
   */
  public static LocalDate until(LocalDate start, Organization org) {
    LocalDate end = start.plus(org.retention());
    if (MonthDay.from(start).equals(LEAP_DAY) && end.getMonthValue() == 2 && end.getDayOfMonth() == 28) {
      return end.plusDays(1);
    }
    return end;
  }
}
