package io.trainproof.core.internal;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Closure;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.DueDateChange;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.Transaction;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns rules × people into assignments. Every method is idempotent: it looks at what exists
 * and creates only what is missing, and every assignment it creates carries a dedupe key that
 * the store keeps unique, so two threads or nodes racing create it once. Stateless apart from
 * the clock; thread-safe. Not API.
 */
public final class AssignmentEngine {
  /** The actor id recorded for what the engine does on its own. */
  public static final String SYSTEM = "system";

  private final Clock clock;

  /**
   * Creates the engine.
   *
   * @param clock the clock for creation instants
   */
  public AssignmentEngine(Clock clock) {
    this.clock = clock;
  }

  /**
   * Brings one member's assignments in line with every requirement of the organization, as of
   * a date.
   *
   * @param tx the transaction
   * @param org the organization
   * @param member the member
   * @param on the date to evaluate (today, or a later effective date)
   * @param actorId who caused it
   * @return the number of assignments created
   */
  public int reconcileMember(Transaction tx, Organization org, WorkforceMember member, LocalDate on, String actorId) {
    int created = 0;
    for (Requirement requirement : tx.requirements().list(org.id())) {
      created += reconcile(tx, org, member, requirement, on, actorId);
    }
    return created;
  }

  /**
   * Brings one member's assignments under one requirement in line, as of a date: cancels
   * what is no longer required, creates the initial or next-cycle assignment when missing.
   *
   * @param tx the transaction
   * @param org the organization
   * @param member the member
   * @param requirement the requirement
   * @param on the date to evaluate
   * @param actorId who caused it
   * @return 1 when an assignment was created, else 0
   */
  public int reconcile(
      Transaction tx, Organization org, WorkforceMember member, Requirement requirement, LocalDate on, String actorId) {
    Optional<MemberTerms> memberTerms = member.termsOn(on);
    if (memberTerms.isEmpty()) {
      return 0;
    }
    MemberTerms mt = memberTerms.get();
    List<Assignment> mine = tx.assignments().forMember(org.id(), member.id()).stream()
        .filter(a -> requirement.id().equals(a.requirement()))
        .toList();
    Optional<RequirementTerms> reqTerms = requirement.termsOn(on);
    if (mt.status() == MemberStatus.TERMINATED) {
      return 0;
    }
    if (reqTerms.isEmpty() || !reqTerms.get().active() || !reqTerms.get().audience().matches(mt)) {
      String why = reqTerms.isPresent() && !reqTerms.get().active()
          ? "requirement retired" : "no longer in the requirement's audience";
      cancelOpen(tx, mine, on, actorId, why);
      return 0;
    }
    if (mt.status() != MemberStatus.ACTIVE) {
      return 0;
    }
    if (mine.stream().anyMatch(Assignment::isOpen)) {
      return 0;
    }
    RequirementTerms rt = reqTerms.get();
    LocalDate entry = audienceEntry(member, rt, on);
    Completion last = lastPassed(tx, org, member, rt).orElse(null);
    Assignment lastCycle = mine.stream()
        .filter(a -> a.closure() != null && a.reason() != AssignmentReason.POLICY_CHANGE)
        .filter(a -> a.closure().state() == AssignmentState.COMPLETED || a.closure().state() == AssignmentState.WAIVED)
        .max(Comparator.comparing((Assignment a) -> a.closure().on()).thenComparing(Assignment::assignedAt))
        .orElse(null);
    boolean waivedLast = lastCycle != null && lastCycle.closure().state() == AssignmentState.WAIVED
        && (last == null || last.completedOn().isBefore(lastCycle.closure().on()));

    if (last == null && !waivedLast) {
      LocalDate anchor = max(entry, requirement.startsOn());
      AssignmentReason reason = initialReason(member, requirement, entry);
      LocalDate due = DueDates.initialDue(rt, anchor);
      return create(tx, org, member, requirement.id(), rt, reason, null, cycleKey(requirement, member, mine), anchor, due, actorId) ? 1 : 0;
    }
    LocalDate satisfiedOn = waivedLast ? lastCycle.currentDueOn() : last.completedOn();
    LocalDate nextDue = DueDates.nextDue(rt, satisfiedOn, lastCycle);
    if (nextDue == null || on.isBefore(DueDates.windowOpens(rt, nextDue))) {
      return 0;
    }
    return create(tx, org, member, requirement.id(), rt, AssignmentReason.PERIODIC, null,
        cycleKey(requirement, member, mine), satisfiedOn, nextDue, actorId) ? 1 : 0;
  }

  /**
   * The dedupe key of the next cycle assignment: the number of cycle assignments that already
   * exist for the member under the requirement. Two writers racing on the same state compute
   * the same key, so the store keeps one; once that one closes, the next key is new.
   */
  private static String cycleKey(Requirement requirement, WorkforceMember member, List<Assignment> mine) {
    long cycles = mine.stream().filter(a -> a.reason() != AssignmentReason.POLICY_CHANGE).count();
    return "R:" + requirement.id() + ":M:" + member.id() + ":cycle:" + cycles;
  }

  /**
   * Assigns retraining after a material policy version to every active member in the
   * audience of each requirement whose course covers the policy and who is affected by the
   * change, unless already trained on that version.
   *
   * @param tx the transaction
   * @param org the organization
   * @param version the material version
   * @param on the date to evaluate (the later of today and the effective date)
   * @param actorId who published it
   * @return the number of assignments created
   */
  public int retrain(Transaction tx, Organization org, PolicyVersion version, LocalDate on, String actorId) {
    int created = 0;
    for (Requirement requirement : tx.requirements().list(org.id())) {
      Optional<RequirementTerms> terms = requirement.termsOn(on);
      if (terms.isEmpty() || !terms.get().active() || terms.get().retrainWithinDays() == null) {
        continue;
      }
      RequirementTerms rt = terms.get();
      if (!courseCovers(tx, org, rt, version)) {
        continue;
      }
      LocalDate due = version.effectiveFrom().plusDays(rt.retrainWithinDays());
      for (WorkforceMember member : tx.members().list(org.id())) {
        Optional<MemberTerms> mt = member.termsOn(on);
        if (mt.isEmpty() || mt.get().status() != MemberStatus.ACTIVE || !rt.audience().matches(mt.get())) {
          continue;
        }
        if (!version.affectedRoles().isEmpty()
            && mt.get().roles().stream().noneMatch(version.affectedRoles()::contains)) {
          continue;
        }
        boolean trained = tx.completions().forMember(org.id(), member.id()).stream()
            .anyMatch(c -> c.passed() && c.policyVersions().contains(version.id()));
        if (trained) {
          continue;
        }
        String key = "R:" + requirement.id() + ":M:" + member.id() + ":pv:" + version.id();
        if (create(tx, org, member, requirement.id(), rt, AssignmentReason.POLICY_CHANGE, version.id(), key,
            version.effectiveFrom(), due, actorId)) {
          created++;
        }
      }
    }
    return created;
  }

  /**
   * Cancels every open assignment of a member (termination).
   *
   * @param tx the transaction
   * @param org the organization
   * @param member the member
   * @param on the date it takes effect
   * @param actorId who did it
   * @param why the reason recorded on each assignment
   * @return how many were cancelled
   */
  public int cancelAll(Transaction tx, Organization org, WorkforceMember member, LocalDate on, String actorId, String why) {
    return cancelOpen(tx, tx.assignments().forMember(org.id(), member.id()), on, actorId, why);
  }

  /**
   * Extends the open assignments of a member returning from leave by the length of the leave
   * (the documented leave rule: time on leave does not count against a due date).
   *
   * @param tx the transaction
   * @param org the organization
   * @param member the member
   * @param leaveStart the first day of leave
   * @param returnOn the first day back
   * @return how many were extended
   */
  public int extendForLeave(Transaction tx, Organization org, WorkforceMember member, LocalDate leaveStart, LocalDate returnOn) {
    long days = returnOn.toEpochDay() - leaveStart.toEpochDay();
    if (days <= 0) {
      return 0;
    }
    int extended = 0;
    for (Assignment a : tx.assignments().forMember(org.id(), member.id())) {
      if (a.isOpen() && !a.currentDueOn().isBefore(leaveStart)) {
        tx.assignments().update(a.extended(new DueDateChange(
            returnOn, a.currentDueOn().plusDays(days), SYSTEM, "leave of " + days + " days")));
        extended++;
      }
    }
    return extended;
  }

  private int cancelOpen(Transaction tx, List<Assignment> assignments, LocalDate on, String actorId, String why) {
    int cancelled = 0;
    Instant now = clock.instant();
    for (Assignment a : assignments) {
      if (a.isOpen()) {
        LocalDate effective = max(on, a.assignedOn());
        tx.assignments().update(a.closed(new Closure(AssignmentState.CANCELLED, effective, now, actorId, why, null)));
        cancelled++;
      }
    }
    return cancelled;
  }

  private boolean create(
      Transaction tx, Organization org, WorkforceMember member, Id<Requirement> requirement, RequirementTerms rt,
      AssignmentReason reason, Id<PolicyVersion> policyVersion, String key, LocalDate anchor, LocalDate due, String actorId) {
    Instant now = clock.instant();
    Assignment assignment = new Assignment(
        Id.random(), org.id(), member.id(), rt.course(), requirement, reason, policyVersion, key,
        org.dateOf(now), now, actorId, anchor, due, List.of(), null, null, 0);
    return tx.assignments().insertIfAbsent(assignment);
  }

  private static Optional<Completion> lastPassed(Transaction tx, Organization org, WorkforceMember member, RequirementTerms rt) {
    Completion found = null;
    for (Completion c : tx.completions().forMember(org.id(), member.id())) {
      if (c.passed() && c.course().equals(rt.course())) {
        found = c; // ordered by completion date, so the last one wins
      }
    }
    return Optional.ofNullable(found);
  }

  private static boolean courseCovers(Transaction tx, Organization org, RequirementTerms rt, PolicyVersion version) {
    List<CourseVersion> versions = tx.courses().versions(org.id(), rt.course());
    return !versions.isEmpty() && versions.get(versions.size() - 1).policies().contains(version.policy());
  }

  /**
   * The first day of the member's latest continuous stay in the audience (leave does not
   * interrupt it; termination does), as of a date.
   */
  static LocalDate audienceEntry(WorkforceMember member, RequirementTerms rt, LocalDate on) {
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
    return entry == null ? on : max(entry, member.engagedOn());
  }

  private static AssignmentReason initialReason(WorkforceMember member, Requirement requirement, LocalDate entry) {
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

  /**
   * The later of two dates.
   *
   * @param a a date
   * @param b another
   * @return the later
   */
  public static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /**
   * The earlier of two dates.
   *
   * @param a a date
   * @param b another
   * @return the earlier
   */
  public static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
