package io.trainproof.reporting.report;

import io.trainproof.core.ValidationException;
import java.time.LocalDate;

/**
 * A period of calendar dates, both ends included. Immutable.
 *
 * @param from the first date
 * @param to the last date, not before {@code from}
 */
public record DateRange(LocalDate from, LocalDate to) {
  /**
   * Checks the range.
   *
   * @throws ValidationException when it is empty (the last date before the first)
   */
  public DateRange {
    if (from == null) {
      throw new ValidationException("period.from", null, "is required");
    }
    if (to == null) {
      throw new ValidationException("period.to", null, "is required");
    }
    if (to.isBefore(from)) {
      throw new ValidationException(
          "period", from + ".." + to, "is empty: the last date is before the first");
    }
  }

  /**
   * A range of dates.
   *
   * @param from the first date
   * @param to the last date
   * @return the range
   */
  public static DateRange of(LocalDate from, LocalDate to) {
    return new DateRange(from, to);
  }

  /**
   * Whether a date falls in the range.
   *
   * @param date the date
   * @return true when from &lt;= date &lt;= to
   */
  public boolean contains(LocalDate date) {
    return !date.isBefore(from) && !date.isAfter(to);
  }

  @Override
  public String toString() {
    return from + ".." + to;
  }
}
