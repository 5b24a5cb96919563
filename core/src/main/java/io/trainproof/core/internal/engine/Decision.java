package io.trainproof.core.internal.engine;

import io.trainproof.core.assignment.AssignmentRules;
import io.trainproof.core.assignment.Obligation;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Certification;
import io.trainproof.core.domain.CertificationKind;
import io.trainproof.core.domain.Closure;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.internal.CertificationServiceImpl;
import io.trainproof.core.internal.Dates;
import io.trainproof.core.internal.DueDates;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The engine's whole decision: what a member owes under one requirement as of a date, as a pure
 * function of dated facts. Kept apart from everything that reads or writes so that it can be
 * reasoned about, property-tested and benchmarked alone. Stateless; thread-safe.
 */
final class Decision {
  private Decision() {}

  /** As {@link AssignmentRules#decide}, which documents it. */
  static Obligation decide(
      WorkforceMember member,
      Requirement requirement,
      List<Assignment> assignments,
      List<Completion> completions,
      List<Certification> certifications,
      List<CertificationKind> kinds,
      LocalDate on) {
    MemberTerms mt = member.termsOn(on).orElse(null);
    if (mt == null || mt.status() == MemberStatus.TERMINATED) {
      return Obligation.NOTHING;
    }
    Id<Requirement> rid = requirement.id();
    RequirementTerms rt = requirement.termsOn(on).orElse(null);
    if (rt == null || !rt.active() || !rt.audience().matches(mt)) {
      for (Assignment a : assignments) {
        if (a.isOpen() && rid.equals(a.requirement())) {
          return rt != null && !rt.active()
              ? Obligation.CANCEL_RETIRED
              : Obligation.CANCEL_OUTSIDE_AUDIENCE;
        }
      }
      return Obligation.NOTHING;
    }
    if (mt.status() != MemberStatus.ACTIVE) {
      return Obligation.NOTHING;
    }
    int cycles = 0;
    Assignment lastCycle = null;
    for (Assignment a : assignments) {
      if (!rid.equals(a.requirement())) {
        continue;
      }
      Closure closure = a.closure();
      if (closure == null) {
        return Obligation.NOTHING; // one is open
      }
      if (a.reason() == AssignmentReason.POLICY_CHANGE) {
        continue;
      }
      cycles++;
      if ((closure.state() == AssignmentState.COMPLETED
              || closure.state() == AssignmentState.WAIVED)
          && (lastCycle == null || laterCycle(a, lastCycle))) {
        lastCycle = a;
      }
    }
    Completion last = null;
    for (Completion c : completions) {
      if (c.passed() && c.course().equals(rt.course())) {
        last = c; // ordered by completion date, so the last one wins
      }
    }
    boolean waivedLast =
        lastCycle != null
            && lastCycle.closed().state() == AssignmentState.WAIVED
            && (last == null || last.completedOn().isBefore(lastCycle.closed().on()));

    Certification cert =
        certifications.isEmpty()
            ? null
            : CertificationServiceImpl.covering(certifications, kinds, rt.course(), on);
    if (cert != null) {
      LocalDate completionUntil =
          last == null ? null : DueDates.nextDue(rt, last.completedOn(), lastCycle);
      boolean completionCovers =
          last != null && (completionUntil == null || !completionUntil.isBefore(on));
      LocalDate certUntil = cert.expiresOn();
      if (!completionCovers
          || certUntil == null
          || (completionUntil != null && certUntil.isAfter(completionUntil))) {
        // The certification stands in for the course: renew before it expires, as for training.
        if (certUntil == null || on.isBefore(DueDates.windowOpens(rt, certUntil))) {
          return Obligation.NOTHING;
        }
        return Obligation.create(rt, AssignmentReason.PERIODIC, cert.issuedOn(), certUntil, cycles);
      }
    }
    if (last == null && !waivedLast) {
      LocalDate entry = audienceEntry(member, rt, on);
      LocalDate anchor = Dates.max(entry, requirement.startsOn());
      return Obligation.create(
          rt,
          initialReason(member, requirement, entry),
          anchor,
          DueDates.initialDue(rt, anchor),
          cycles);
    }
    // why requireNonNull: past the return above, either the last cycle was waived or there is a
    // completion
    LocalDate satisfiedOn =
        waivedLast && lastCycle != null
            ? lastCycle.currentDueOn()
            : Objects.requireNonNull(last).completedOn();
    LocalDate nextDue = DueDates.nextDue(rt, satisfiedOn, lastCycle);
    if (nextDue == null || on.isBefore(DueDates.windowOpens(rt, nextDue))) {
      return Obligation.NOTHING;
    }
    return Obligation.create(rt, AssignmentReason.PERIODIC, satisfiedOn, nextDue, cycles);
  }

  /** Whether a closed cycle is later than another: by closure date, then creation instant. */
  private static boolean laterCycle(Assignment a, Assignment than) {
    int byClosure = a.closed().on().compareTo(than.closed().on());
    return byClosure > 0 || (byClosure == 0 && a.assignedAt().compareTo(than.assignedAt()) > 0);
  }

  /**
   * The first day of the member's latest continuous stay in the audience (leave does not interrupt
   * it; termination does), as of a date.
   */
  private static LocalDate audienceEntry(
      WorkforceMember member, RequirementTerms rt, LocalDate on) {
    LocalDate entry = null;
    for (MemberTerms t : member.history()) {
      if (t.effectiveFrom().isAfter(on)) {
        break;
      }
      boolean inside = t.status() != MemberStatus.TERMINATED && rt.audience().matches(t);
      if (inside && entry == null) {
        entry = t.effectiveFrom();
      } else if (!inside) {
        entry = null;
      }
    }
    return entry == null ? on : Dates.max(entry, member.engagedOn());
  }

  private static AssignmentReason initialReason(
      WorkforceMember member, Requirement requirement, LocalDate entry) {
    if (requirement.startsOn().isAfter(entry)) {
      return AssignmentReason.NEW_REQUIREMENT;
    }
    // Entry at engagement, or right after a termination (a rehire), is onboarding.
    MemberTerms before = null;
    for (MemberTerms t : member.history()) {
      if (!t.effectiveFrom().isBefore(entry)) {
        break;
      }
      before = t;
    }
    return before == null || before.status() == MemberStatus.TERMINATED
        ? AssignmentReason.ONBOARDING
        : AssignmentReason.ROLE_CHANGE;
  }
}
