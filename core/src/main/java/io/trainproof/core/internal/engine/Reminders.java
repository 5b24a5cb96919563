package io.trainproof.core.internal.engine;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Notification;
import io.trainproof.core.domain.NotificationKind;
import io.trainproof.core.domain.ReminderSchedule;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.internal.Work;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The reminders, due notices, overdue notices and manager escalations that fall due on a day for
 * members' open assignments, per each requirement's schedule (the standard schedule for manual
 * ones). Each message's idempotency key names the assignment, the threshold and the due date, so a
 * second sweep writes nothing and an extension starts a new series. Thresholds up to a week old are
 * caught up; older ones are not sent late. Stateless; thread-safe.
 */
final class Reminders {
  /** How many days late a missed threshold is still sent (a sweep that did not run for a while). */
  private static final int CATCH_UP_DAYS = 7;

  /** As {@link AssignmentEngine#remindAll}, which documents it. */
  int remindAll(
      Work w,
      List<WorkforceMember> members,
      List<Requirement> requirements,
      Map<Id<WorkforceMember>, List<Assignment>> assignments,
      LocalDate today) {
    Map<Id<Requirement>, ReminderSchedule> schedules = schedules(requirements, today);
    List<Notification> messages = new ArrayList<>();
    for (WorkforceMember member : members) {
      reminders(
          w, member, schedules, assignments.getOrDefault(member.id(), List.of()), today, messages);
    }
    return w.notifyAll(messages);
  }

  private static Map<Id<Requirement>, ReminderSchedule> schedules(
      List<Requirement> requirements, LocalDate today) {
    Map<Id<Requirement>, ReminderSchedule> schedules = new HashMap<>();
    for (Requirement r : requirements) {
      r.termsOn(today).ifPresent(t -> schedules.put(r.id(), t.reminders()));
    }
    return schedules;
  }

  /** Adds the messages that fall due today for a member's open assignments to {@code messages}. */
  private static void reminders(
      Work w,
      WorkforceMember member,
      Map<Id<Requirement>, ReminderSchedule> schedules,
      List<Assignment> assignments,
      LocalDate today,
      List<Notification> messages) {
    if (!member.activeOn(today)) {
      return;
    }
    Id<WorkforceMember> manager = member.termsOn(today).map(MemberTerms::manager).orElse(null);
    for (Assignment a : assignments) {
      if (!a.isOpen()) {
        continue;
      }
      ReminderSchedule schedule =
          a.requirement() == null
              ? ReminderSchedule.standard()
              : schedules.getOrDefault(a.requirement(), ReminderSchedule.none());
      LocalDate due = a.currentDueOn();
      Map<String, String> payload =
          Map.of(
              "assignment",
              a.id().toString(),
              "course",
              a.course().toString(),
              "dueOn",
              due.toString());
      for (int days : schedule.daysBeforeDue()) {
        remindOn(
            w,
            a,
            due.minusDays(days),
            today,
            "before:" + days,
            NotificationKind.REMINDER,
            member.id(),
            payload,
            messages);
      }
      if (schedule.onDueDate()) {
        remindOn(w, a, due, today, "due", NotificationKind.DUE, member.id(), payload, messages);
      }
      for (int days : schedule.daysOverdue()) {
        remindOn(
            w,
            a,
            due.plusDays(days),
            today,
            "overdue:" + days,
            NotificationKind.OVERDUE,
            member.id(),
            payload,
            messages);
      }
      if (schedule.escalateAfterDaysOverdue() > 0) {
        remindOn(
            w,
            a,
            due.plusDays(schedule.escalateAfterDaysOverdue()),
            today,
            "escalation",
            NotificationKind.ESCALATION,
            manager,
            payload,
            messages);
      }
    }
  }

  private static void remindOn(
      Work w,
      Assignment a,
      LocalDate on,
      LocalDate today,
      String what,
      NotificationKind kind,
      @Nullable Id<WorkforceMember> recipient,
      Map<String, String> payload,
      List<Notification> messages) {
    if (on.isAfter(today)
        || on.isBefore(today.minusDays(CATCH_UP_DAYS))
        || on.isBefore(a.assignedOn())) {
      return;
    }
    messages.add(
        w.message("A:" + a.id() + ":" + what + ":" + a.currentDueOn(), kind, recipient, payload));
  }
}
