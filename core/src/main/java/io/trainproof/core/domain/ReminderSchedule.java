package io.trainproof.core.domain;

import java.util.List;

/**
 * When members are reminded and managers escalated to. Immutable.
 *
 * @param daysBeforeDue reminders this many days before the due date, e.g. {@code [14, 3]}
 * @param onDueDate whether a notice goes out on the due date
 * @param daysOverdue overdue notices this many days after the due date
 * @param escalateAfterDaysOverdue escalate to the manager this many days overdue; 0 never
 */
public record ReminderSchedule(
    List<Integer> daysBeforeDue,
    boolean onDueDate,
    List<Integer> daysOverdue,
    int escalateAfterDaysOverdue) {

  /** Makes the lists immutable. */
  public ReminderSchedule {
    daysBeforeDue = List.copyOf(daysBeforeDue);
    daysOverdue = List.copyOf(daysOverdue);
  }

  /**
   * @return 14 and 3 days before, on the due date, 7 days after, escalation at 14
   */
  public static ReminderSchedule standard() {
    return new ReminderSchedule(List.of(14, 3), true, List.of(7), 14);
  }

  /**
   * @return no reminders at all
   */
  public static ReminderSchedule none() {
    return new ReminderSchedule(List.of(), false, List.of(), 0);
  }
}
