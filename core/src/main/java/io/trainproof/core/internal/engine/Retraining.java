package io.trainproof.core.internal.engine;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.Closure;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.internal.Coverage;
import io.trainproof.core.internal.Dates;
import io.trainproof.core.internal.DueDates;
import io.trainproof.core.internal.Work;
import io.trainproof.core.spi.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Retraining after a material policy change (45 CFR 164.530(b)(2)(i)(C)): one assignment per
 * affected member and requirement whose course teaches the policy, keyed by the policy version so
 * that publishing it again assigns nothing twice. Stateless; thread-safe.
 */
final class Retraining {
  private final AssignmentWriter writer;

  Retraining(AssignmentWriter writer) {
    this.writer = writer;
  }

  /** As {@link AssignmentEngine#retrain}, which documents it. */
  int retrain(Work w, PolicyVersion version, LocalDate on) {
    Transaction tx = w.tx();
    Organization org = w.org();
    int created = 0;
    for (Requirement requirement : tx.requirements().list(org.id())) {
      Optional<RequirementTerms> terms = requirement.termsOn(on);
      if (terms.isEmpty() || !terms.get().active() || terms.get().retrainWithinDays() == null) {
        continue;
      }
      RequirementTerms rt = terms.get();
      Integer retrainWithinDays =
          Objects.requireNonNull(rt.retrainWithinDays()); // why: null was skipped above
      if (!courseCovers(tx, org, rt, version)) {
        continue;
      }
      LocalDate due = version.effectiveFrom().plusDays(retrainWithinDays);
      List<PolicyVersion> policyVersions = tx.policies().versions(org.id(), version.policy());
      List<Assignment> creates = new ArrayList<>();
      for (WorkforceMember member : tx.members().list(org.id())) {
        // why: a hire or role change already recorded with a later date, before the retraining is
        // due, would otherwise be missed: its own call ran before this version existed
        LocalDate entered = entry(member, rt, version, on, due);
        if (entered == null || trained(tx, org, member, version, policyVersions)) {
          continue;
        }
        creates.add(
            writer
                .decided(w)
                .member(member.id())
                .course(rt.course())
                .requirement(requirement.id())
                .reason(AssignmentReason.POLICY_CHANGE)
                .policyVersion(version.id())
                .dedupeKey(dedupeKey(requirement, member, version))
                .anchorOn(Dates.max(version.effectiveFrom(), entered))
                .dueOn(entered.isAfter(on) ? Dates.max(due, DueDates.initialDue(rt, entered)) : due)
                .build());
      }
      created += writer.create(w, creates, null).size();
    }
    return created;
  }

  /**
   * The day the member is affected as far as the store knows today: {@code on} when they are then,
   * else the first later recorded change before the due date that makes them so; null when neither.
   */
  private static @Nullable LocalDate entry(
      WorkforceMember member,
      RequirementTerms rt,
      PolicyVersion version,
      LocalDate on,
      LocalDate due) {
    if (member.termsOn(on).filter(t -> affected(t, rt, version)).isPresent()) {
      return on;
    }
    for (MemberTerms t : member.history()) {
      if (t.effectiveFrom().isAfter(on)
          && t.effectiveFrom().isBefore(due)
          && affected(t, rt, version)) {
        return t.effectiveFrom();
      }
    }
    return null;
  }

  /**
   * Whether terms put a member in an affected role of the requirement's audience. A member on leave
   * still holds the role: the retraining is assigned now, and the leave rule moves its due date on
   * return ({@link Leave}), as for every assignment open during a leave.
   */
  private static boolean affected(MemberTerms t, RequirementTerms rt, PolicyVersion version) {
    return inRole(t)
        && rt.audience().matches(t)
        && (version.affectedRoles().isEmpty()
            || t.roles().stream().anyMatch(version.affectedRoles()::contains));
  }

  /** Whether terms hold their roles: active, or on leave (a leave does not take a role away). */
  private static boolean inRole(MemberTerms t) {
    return t.status() == MemberStatus.ACTIVE || t.status() == MemberStatus.ON_LEAVE;
  }

  private static String dedupeKey(
      Requirement requirement, WorkforceMember member, PolicyVersion version) {
    return "R:" + requirement.id() + ":M:" + member.id() + ":pv:" + version.id();
  }

  /** Whether a passing completion of the member's already covers the version or a later one. */
  private static boolean trained(
      Transaction tx,
      Organization org,
      WorkforceMember member,
      PolicyVersion version,
      List<PolicyVersion> policyVersions) {
    return tx.completions().forMember(org.id(), member.id()).stream()
        .anyMatch(
            c -> c.passed() && Coverage.satisfies(c.policyVersions(), version, policyVersions));
  }

  /** One material version's retraining under one requirement that members can still join. */
  private record Window(
      Requirement requirement,
      RequirementTerms terms,
      Policy policy,
      PolicyVersion version,
      List<PolicyVersion> policyVersions,
      LocalDate due) {}

  /** As {@link AssignmentEngine#retrainJoiners}, which documents it. */
  int joiners(Work w, List<WorkforceMember> members, LocalDate on) {
    Transaction tx = w.tx();
    Organization org = w.org();
    List<Window> windows = windows(tx, org, on);
    int created = 0;
    for (WorkforceMember member : members) {
      cancelLeavers(w, member, on);
      if (windows.isEmpty()) {
        continue;
      }
      Optional<MemberTerms> terms = member.termsOn(on);
      if (terms.isEmpty() || !inRole(terms.get())) {
        continue;
      }
      MemberTerms mt = terms.get();
      List<Assignment> creates = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      for (Window window : windows) {
        Set<String> affected = window.version().affectedRoles();
        if (!window.terms().audience().matches(mt)
            || (!affected.isEmpty() && mt.roles().stream().noneMatch(affected::contains))
            || trained(tx, org, member, window.version(), window.policyVersions())) {
          continue;
        }
        // why: the same due date as everyone affected, but never before what the requirement gives
        // someone who enters its audience that day, so a joiner is not overdue on arrival
        LocalDate due = Dates.max(window.due(), DueDates.initialDue(window.terms(), on));
        creates.add(
            writer
                .decided(w)
                .member(member.id())
                .course(window.terms().course())
                .requirement(window.requirement().id())
                .reason(AssignmentReason.POLICY_CHANGE)
                .policyVersion(window.version().id())
                .dedupeKey(dedupeKey(window.requirement(), member, window.version()))
                .anchorOn(Dates.max(window.version().effectiveFrom(), on))
                .dueOn(due)
                .build());
        Set<String> joined = new TreeSet<>(mt.roles());
        joined.retainAll(affected);
        notes.add(
            "joined "
                + (affected.isEmpty() ? "the audience" : "role " + String.join(", ", joined))
                + " while policy "
                + window.policy().code()
                + " version "
                + window.version().number()
                + "'s retraining was open (due "
                + window.due()
                + ")");
      }
      for (int i = 0; i < creates.size(); i++) {
        created += writer.create(w, List.of(creates.get(i)), notes.get(i)).size();
      }
    }
    return created;
  }

  /**
   * The retrainings open on a date: material versions published by then whose retraining is not yet
   * due, under each active requirement with a retraining period whose course teaches the policy.
   */
  private static List<Window> windows(Transaction tx, Organization org, LocalDate on) {
    List<Window> windows = new ArrayList<>();
    List<Requirement> requirements = tx.requirements().list(org.id());
    for (Policy policy : tx.policies().list(org.id())) {
      List<PolicyVersion> versions = tx.policies().versions(org.id(), policy.id());
      for (PolicyVersion version : versions) {
        if (!version.material() || Coverage.publishedOn(org, version).isAfter(on)) {
          continue;
        }
        for (Requirement requirement : requirements) {
          RequirementTerms rt = requirement.termsOn(on).orElse(null);
          if (rt == null
              || !rt.active()
              || rt.retrainWithinDays() == null
              || !courseCovers(tx, org, rt, version)) {
            continue;
          }
          LocalDate due =
              version
                  .effectiveFrom()
                  .plusDays(Objects.requireNonNull(rt.retrainWithinDays())); // why: checked above
          if (on.isBefore(due)) {
            windows.add(new Window(requirement, rt, policy, version, versions, due));
          }
        }
      }
    }
    return windows;
  }

  /**
   * Cancels a member's open retraining for a version not yet in effect (or taking effect that day)
   * whose affected roles the member no longer holds on its effective date, as a role change out of
   * a requirement's audience cancels what the requirement assigned.
   */
  private void cancelLeavers(Work w, WorkforceMember member, LocalDate on) {
    Transaction tx = w.tx();
    for (Assignment a : tx.assignments().forMember(w.org().id(), member.id())) {
      if (!a.isOpen()
          || a.reason() != AssignmentReason.POLICY_CHANGE
          || a.policyVersion() == null) {
        continue;
      }
      PolicyVersion version =
          tx.policies().findVersion(w.org().id(), a.policyVersion()).orElse(null);
      if (version == null
          || version.affectedRoles().isEmpty()
          || on.isAfter(version.effectiveFrom())) {
        continue;
      }
      boolean stillAffected =
          member
              .termsOn(version.effectiveFrom())
              .map(t -> t.roles().stream().anyMatch(version.affectedRoles()::contains))
              .orElse(false);
      if (!stillAffected) {
        writer.cancelOpen(w, List.of(a), on, Closure.LEFT_AFFECTED_ROLES);
      }
    }
  }

  /** Whether the course's newest version teaches the policy. */
  private static boolean courseCovers(
      Transaction tx, Organization org, RequirementTerms rt, PolicyVersion version) {
    List<CourseVersion> versions = tx.courses().versions(org.id(), rt.course());
    return !versions.isEmpty()
        && versions.get(versions.size() - 1).policies().contains(version.policy());
  }
}
