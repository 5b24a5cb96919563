package io.trainproof.core.domain;

import java.time.LocalDate;
import java.time.Period;
import org.jspecify.annotations.Nullable;

/**
 * What a requirement asks from a date on. A requirement's terms are effective-dated so that
 * "what was required of whom" can be answered as of any date. Immutable.
 *
 * @param effectiveFrom the first date these terms apply
 * @param audience who must complete the course
 * @param course the course to complete
 * @param initialDueDays the first assignment is due this many days after the later of the
 *     member's engagement (or entry into the audience) and the date the rule started
 * @param recurrence how it repeats after completion
 * @param renewalWindow how long before the next due date the renewal assignment opens;
 *     never longer than the recurrence period or the minimum active period
 * @param minimumActive for fixed-date recurrence: the least time a completion stays valid
 *     before the next fixed date may fall due
 * @param graceDays days after the due date before an open assignment counts as overdue
 * @param retrainWithinDays when a material change of a covered policy affects the
 *     audience, retraining is due this many days after the change takes effect; null: no
 *     retraining
 * @param reminders reminder and escalation schedule
 * @param active false once the requirement is retired
 */
public record RequirementTerms(
    LocalDate effectiveFrom,
    Audience audience,
    Id<Course> course,
    int initialDueDays,
    Recurrence recurrence,
    Period renewalWindow,
    Period minimumActive,
    int graceDays,
    @Nullable Integer retrainWithinDays,
    ReminderSchedule reminders,
    boolean active) {

  /**
   * These terms from another date, with another active flag.
   *
   * @param from the new effective date
   * @param isActive whether the requirement applies
   * @return the new terms
   */
  public RequirementTerms withActive(LocalDate from, boolean isActive) {
    return new RequirementTerms(
        from, audience, course, initialDueDays, recurrence, renewalWindow, minimumActive,
        graceDays, retrainWithinDays, reminders, isActive);
  }
}
