package io.trainproof.core.domain;

import java.time.MonthDay;
import java.time.Period;

/**
 * How often a requirement recurs after its first completion. Immutable.
 *
 * <ul>
 *   <li>{@link None}: once is enough.
 *   <li>{@link Every}: every period, counted from the completion date, from the previous due date,
 *       or from the previous expiry (Totara's "use certification expiry date": a completion inside
 *       the renewal window extends from the old expiry, a late one counts from its completion).
 *   <li>{@link FixedDate}: due on the same calendar date each year; new hires join the cycle after
 *       their onboarding completion, at the first fixed date that leaves at least the minimum
 *       active period.
 * </ul>
 */
public sealed interface Recurrence permits Recurrence.None, Recurrence.Every, Recurrence.FixedDate {

  /** What an {@link Every} period counts from. */
  enum CountFrom {
    /** The date the last cycle was completed. */
    COMPLETION,
    /** The last cycle's due date. */
    DUE_DATE,
    /** The last cycle's expiry, when renewed inside the window; otherwise the completion. */
    EXPIRY
  }

  /**
   * @return a recurrence that never repeats
   */
  static Recurrence none() {
    return new None();
  }

  /**
   * A recurrence every period.
   *
   * @param period the period, at least one day
   * @param from what it counts from
   * @return the recurrence
   */
  static Recurrence every(Period period, CountFrom from) {
    return new Every(period, from);
  }

  /**
   * A recurrence on a fixed calendar date each year.
   *
   * @param date the month and day; February 29 falls on February 28 in common years
   * @return the recurrence
   */
  static Recurrence fixedDate(MonthDay date) {
    return new FixedDate(date);
  }

  /** Once is enough. */
  record None() implements Recurrence {}

  /**
   * Every period.
   *
   * @param period the period
   * @param from what it counts from
   */
  record Every(Period period, CountFrom from) implements Recurrence {}

  /**
   * The same calendar date every year.
   *
   * @param date month and day
   */
  record FixedDate(MonthDay date) implements Recurrence {}
}
