package io.trainproof.core.internal.engine;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.internal.Work;
import io.trainproof.core.spi.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
      List<Assignment> creates = new ArrayList<>();
      for (WorkforceMember member : tx.members().list(org.id())) {
        Optional<MemberTerms> mt = member.termsOn(on);
        if (mt.isEmpty()
            || mt.get().status() != MemberStatus.ACTIVE
            || !rt.audience().matches(mt.get())) {
          continue;
        }
        if (!version.affectedRoles().isEmpty()
            && mt.get().roles().stream().noneMatch(version.affectedRoles()::contains)) {
          continue;
        }
        boolean trained =
            tx.completions().forMember(org.id(), member.id()).stream()
                .anyMatch(c -> c.passed() && c.policyVersions().contains(version.id()));
        if (trained) {
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
                .dedupeKey("R:" + requirement.id() + ":M:" + member.id() + ":pv:" + version.id())
                .anchorOn(version.effectiveFrom())
                .dueOn(due)
                .build());
      }
      created += writer.create(w, creates, null).size();
    }
    return created;
  }

  /** Whether the course's newest version teaches the policy. */
  private static boolean courseCovers(
      Transaction tx, Organization org, RequirementTerms rt, PolicyVersion version) {
    List<CourseVersion> versions = tx.courses().versions(org.id(), rt.course());
    return !versions.isEmpty()
        && versions.get(versions.size() - 1).policies().contains(version.policy());
  }
}
