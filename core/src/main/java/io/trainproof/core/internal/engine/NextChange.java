package io.trainproof.core.internal.engine;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Certification;
import io.trainproof.core.domain.Closure;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.ReminderSchedule;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.internal.DueDates;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The incremental sweep's bound: for a member just swept, the earliest day after today on which the
 * sweep could do anything for them if no record of theirs or of the organization changes (every
 * such write unsets the date). It is a safe lower bound: the least, after today, of every date that
 * {@link Decision} or {@link Reminders} compares the day against for this member, so that between
 * today and it every comparison comes out as today, and the sweep would do what it did today, which
 * (after today's sweep) is nothing. The dates: the member's terms (hire, role, leave, return,
 * termination); every requirement's terms (start, change, retirement), since which terms apply
 * moves with the day; for each requirement's terms in force today, the renewal window's opening and
 * the day after the expiry of the last cycle (satisfied by completion or waiver, as {@link
 * Decision} picks it), each certification's issue date, the day after its expiry and the window
 * before its expiry; and for each open assignment, every reminder, due, overdue and escalation
 * threshold of its schedule. Stateless; thread-safe.
 */
final class NextChange {
  /** The date for a member on whom no day alone can change anything: never claimed until reset. */
  static final LocalDate NEVER = LocalDate.of(9999, 12, 31);

  private NextChange() {}

  /**
   * Each member's next change date.
   *
   * @param members the members just swept
   * @param requirements every requirement of the organization
   * @param facts the members' completions and certifications (and kinds), as read by the sweep
   * @param assignments each member's assignments as they stand after the sweep
   * @param today the sweep's day
   * @return each member's date, after today ({@link #NEVER} when nothing is pending)
   */
  static Map<Id<WorkforceMember>, LocalDate> of(
      List<WorkforceMember> members,
      List<Requirement> requirements,
      Map<Id<WorkforceMember>, Facts> facts,
      Map<Id<WorkforceMember>, List<Assignment>> assignments,
      LocalDate today) {
    // why: the requirements' own dates and today's terms are the same for every member
    Bound shared = new Bound(today);
    Map<Id<Requirement>, RequirementTerms> inForce = new HashMap<>();
    for (Requirement r : requirements) {
      for (RequirementTerms t : r.history()) {
        shared.consider(t.effectiveFrom());
      }
      r.termsOn(today).ifPresent(t -> inForce.put(r.id(), t));
    }
    Map<Id<WorkforceMember>, LocalDate> next = new HashMap<>();
    for (WorkforceMember member : members) {
      Bound bound = new Bound(today);
      bound.consider(shared.min);
      Facts f = facts.getOrDefault(member.id(), Facts.NONE);
      List<Assignment> now = assignments.getOrDefault(member.id(), f.assignments());
      member(bound, member, requirements, inForce, f, now);
      next.put(member.id(), bound.min);
    }
    return next;
  }

  private static void member(
      Bound bound,
      WorkforceMember member,
      List<Requirement> requirements,
      Map<Id<Requirement>, RequirementTerms> inForce,
      Facts facts,
      List<Assignment> assignments) {
    for (MemberTerms t : member.history()) {
      bound.consider(t.effectiveFrom());
    }
    bound.consider(member.engagedOn());
    for (Requirement r : requirements) {
      RequirementTerms rt = inForce.get(r.id());
      if (rt != null) {
        decision(bound, r.id(), rt, facts, assignments);
      }
    }
    for (Assignment a : assignments) {
      if (a.isOpen()) {
        ReminderSchedule schedule;
        if (a.requirement() == null) {
          schedule = ReminderSchedule.standard();
        } else {
          RequirementTerms rt = inForce.get(a.requirement());
          schedule = rt == null ? ReminderSchedule.none() : rt.reminders();
        }
        reminders(bound, a.currentDueOn(), schedule);
      }
    }
  }

  /** The dates {@link Decision#decide} compares the day against under one requirement's terms. */
  private static void decision(
      Bound bound,
      Id<Requirement> rid,
      RequirementTerms rt,
      Facts facts,
      List<Assignment> assignments) {
    Assignment lastCycle = null;
    for (Assignment a : assignments) {
      Closure closure = a.closure();
      if (!rid.equals(a.requirement())
          || closure == null
          || a.reason() == AssignmentReason.POLICY_CHANGE) {
        continue;
      }
      if ((closure.state() == AssignmentState.COMPLETED
              || closure.state() == AssignmentState.WAIVED)
          && (lastCycle == null || laterCycle(a, lastCycle))) {
        lastCycle = a;
      }
    }
    Completion last = null;
    for (Completion c : facts.completions()) {
      if (c.passed() && c.course().equals(rt.course())) {
        last = c;
      }
    }
    if (last != null) {
      expiry(bound, rt, DueDates.nextDue(rt, last.completedOn(), lastCycle));
    }
    if (lastCycle != null && lastCycle.closed().state() == AssignmentState.WAIVED) {
      expiry(bound, rt, DueDates.nextDue(rt, lastCycle.currentDueOn(), lastCycle));
    }
    for (Certification c : facts.certifications()) {
      bound.consider(c.issuedOn());
      expiry(bound, rt, c.expiresOn());
    }
  }

  /** A cover that ends on a date: its renewal window opens, and the day after it lapses. */
  private static void expiry(Bound bound, RequirementTerms rt, @Nullable LocalDate until) {
    if (until != null) {
      bound.consider(DueDates.windowOpens(rt, until));
      bound.consider(until.plusDays(1));
    }
  }

  /** The thresholds {@link Reminders} sends on, for an open assignment due on a date. */
  private static void reminders(Bound bound, LocalDate due, ReminderSchedule schedule) {
    for (int days : schedule.daysBeforeDue()) {
      bound.consider(due.minusDays(days));
    }
    if (schedule.onDueDate()) {
      bound.consider(due);
    }
    for (int days : schedule.daysOverdue()) {
      bound.consider(due.plusDays(days));
    }
    if (schedule.escalateAfterDaysOverdue() > 0) {
      bound.consider(due.plusDays(schedule.escalateAfterDaysOverdue()));
    }
  }

  /** As {@link Decision}'s: by closure date, then creation instant. */
  private static boolean laterCycle(Assignment a, Assignment than) {
    int byClosure = a.closed().on().compareTo(than.closed().on());
    return byClosure > 0 || (byClosure == 0 && a.assignedAt().compareTo(than.assignedAt()) > 0);
  }

  /** The least date after today seen so far. Not thread-safe. */
  private static final class Bound {
    private final LocalDate today;
    private LocalDate min = NEVER;

    Bound(LocalDate today) {
      this.today = today;
    }

    void consider(LocalDate date) {
      if (date.isAfter(today) && date.isBefore(min)) {
        min = date;
      }
    }
  }
}
