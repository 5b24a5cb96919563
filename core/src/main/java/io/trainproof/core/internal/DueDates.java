package io.trainproof.core.internal;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.RequirementTerms;
import java.time.LocalDate;
import java.time.MonthDay;
import org.jspecify.annotations.Nullable;

/**
 * The date arithmetic of requirements: initial due dates, next due dates under each recurrence, and
 * renewal windows. Pure functions over calendar dates ({@link LocalDate} arithmetic clamps month
 * ends: January 31 plus one month is February 28 or 29). Not API.
 */
public final class DueDates {
  private DueDates() {}

  /**
   * The first due date under a requirement.
   *
   * @param terms the requirement's terms
   * @param anchor the later of engagement (or audience entry) and rule start
   * @return the due date, never before the anchor
   */
  public static LocalDate initialDue(RequirementTerms terms, LocalDate anchor) {
    return anchor.plusDays(terms.initialDueDays());
  }

  /**
   * The next cycle's due date (which is also when the last cycle's completion expires).
   *
   * @param terms the requirement's terms
   * @param satisfiedOn the date the last cycle was satisfied (completion date, or for a waived
   *     cycle its due date)
   * @param lastCycle the assignment that last cycle closed, when there is one
   * @return the next due date, strictly after {@code satisfiedOn}; null when it never recurs
   */
  public static @Nullable LocalDate nextDue(
      RequirementTerms terms, LocalDate satisfiedOn, @Nullable Assignment lastCycle) {
    Recurrence recurrence = terms.recurrence();
    if (recurrence instanceof Recurrence.None) {
      return null;
    }
    if (recurrence instanceof Recurrence.Every every) {
      if (every.from() == Recurrence.CountFrom.DUE_DATE && lastCycle != null) {
        // why: counting from the due date keeps the cadence; a cycle completed so late that
        // the next due date has passed moves on by whole periods, each counted from the base
        // (so January 31 plus two months is March 31, not March 29).
        LocalDate base = lastCycle.currentDueOn();
        for (int k = 1; ; k++) {
          LocalDate next = base.plus(every.period().multipliedBy(k));
          if (next.isAfter(satisfiedOn)) {
            return next;
          }
        }
      }
      LocalDate base =
          switch (every.from()) {
            case COMPLETION, DUE_DATE -> satisfiedOn;
            case EXPIRY -> {
              // why: Totara's "use certification expiry date": renewing inside the window keeps
              // the old expiry as the base; a first or late completion counts from itself.
              if (lastCycle != null
                  && lastCycle.reason() == AssignmentReason.PERIODIC
                  && !satisfiedOn.isAfter(lastCycle.currentDueOn())) {
                yield lastCycle.currentDueOn(); // renewed in time
              }
              yield satisfiedOn;
            }
          };
      // The period is at least one day and the base is never after satisfiedOn, except for
      // a timely renewal counted from expiry, so the result is always after satisfiedOn.
      return base.plus(every.period());
    }
    Recurrence.FixedDate fixed = (Recurrence.FixedDate) recurrence;
    return nextFixedDate(fixed.date(), satisfiedOn, satisfiedOn.plus(terms.minimumActive()));
  }

  /**
   * The first occurrence of a month-day strictly after {@code after} and on or after {@code
   * notBefore}. February 29 falls on February 28 in common years.
   *
   * @param date the month and day
   * @param after the occurrence must be after this date
   * @param notBefore the occurrence must not be before this date
   * @return the occurrence
   */
  public static LocalDate nextFixedDate(MonthDay date, LocalDate after, LocalDate notBefore) {
    int year = after.getYear();
    while (true) {
      LocalDate candidate = date.atYear(year);
      if (candidate.isAfter(after) && !candidate.isBefore(notBefore)) {
        return candidate;
      }
      year++;
    }
  }

  /**
   * When the renewal assignment for a due date opens.
   *
   * @param terms the requirement's terms
   * @param due the due date
   * @return the first day of the renewal window
   */
  public static LocalDate windowOpens(RequirementTerms terms, LocalDate due) {
    return due.minus(terms.renewalWindow());
  }
}
