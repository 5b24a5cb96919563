package io.trainproof.core.internal.engine;

import io.trainproof.core.assignment.Obligation;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.internal.Work;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Carries out {@link Decision}'s decision for members under requirements: a cancellation at once,
 * the creations gathered and written together by the {@link AssignmentWriter}. Every created
 * assignment carries a dedupe key that the store keeps unique (requirement, member and cycle), so
 * running it twice, or on two nodes at once, creates each assignment once. Stateless; thread-safe.
 */
final class Reconciler {
  private final AssignmentWriter writer;

  Reconciler(AssignmentWriter writer) {
    this.writer = writer;
  }

  /**
   * Reconciles one member under the given requirements, reading the member's facts once.
   *
   * @return the number of assignments created
   */
  int member(Work w, WorkforceMember member, List<Requirement> requirements, LocalDate on) {
    if (!inWorkforce(member, on) || requirements.isEmpty()) {
      return 0; // why: the decision owes nothing here under any requirement; skip the reads
    }
    Facts facts = Facts.load(w, member);
    List<Assignment> creates = new ArrayList<>();
    Map<Id<Assignment>, Assignment> cancelled = new HashMap<>();
    for (Requirement requirement : requirements) {
      carryOut(w, member, requirement, facts, on, creates, cancelled);
    }
    return writer.create(w, creates, null).size();
  }

  /**
   * Reconciles a batch of members with their facts already read, and gives each member's
   * assignments as they stand after it (what was read, with what was cancelled and created).
   */
  AssignmentEngine.BatchResult batch(
      Work w,
      List<WorkforceMember> members,
      List<Requirement> requirements,
      LocalDate on,
      Map<Id<WorkforceMember>, Facts> facts) {
    List<Assignment> creates = new ArrayList<>();
    Map<Id<Assignment>, Assignment> cancelled = new HashMap<>();
    if (!requirements.isEmpty()) {
      for (WorkforceMember member : members) {
        if (inWorkforce(member, on)) {
          for (Requirement requirement : requirements) {
            carryOut(w, member, requirement, factsOf(facts, member), on, creates, cancelled);
          }
        }
      }
    }
    // why: what the whole batch creates is written with a few store calls, not several per
    // assignment
    List<Assignment> created = writer.create(w, creates, null);
    Map<Id<WorkforceMember>, List<Assignment>> now = new LinkedHashMap<>();
    for (WorkforceMember member : members) {
      List<Assignment> mine = new ArrayList<>();
      for (Assignment a : factsOf(facts, member).assignments()) {
        mine.add(cancelled.getOrDefault(a.id(), a));
      }
      now.put(member.id(), mine);
    }
    for (Assignment a : created) {
      // why non-null: every assignment created is for a member of the batch, all put above
      Objects.requireNonNull(now.get(a.member())).add(a);
    }
    return new AssignmentEngine.BatchResult(created.size(), now);
  }

  /** The facts read for a member of the batch (read for every member, so never missing). */
  private static Facts factsOf(Map<Id<WorkforceMember>, Facts> facts, WorkforceMember member) {
    return Objects.requireNonNull(facts.get(member.id()), "facts of a batch member");
  }

  /** Whether the member is engaged and not terminated on the date (else nothing is owed). */
  private static boolean inWorkforce(WorkforceMember member, LocalDate on) {
    return member.termsOn(on).map(t -> t.status() != MemberStatus.TERMINATED).orElse(false);
  }

  /**
   * Carries out the decision: a cancellation at once (each cancelled assignment, as stored, put in
   * {@code cancelled}), a creation added to {@code creates}.
   */
  private void carryOut(
      Work w,
      WorkforceMember member,
      Requirement requirement,
      Facts facts,
      LocalDate on,
      List<Assignment> creates,
      Map<Id<Assignment>, Assignment> cancelled) {
    Obligation owed =
        Decision.decide(
            member,
            requirement,
            facts.assignments(),
            facts.completions(),
            facts.certifications(),
            facts.kinds(),
            on);
    switch (owed.kind()) {
      case CANCEL_OPEN -> {
        List<Assignment> mine = new ArrayList<>();
        for (Assignment a : facts.assignments()) {
          if (requirement.id().equals(a.requirement())) {
            mine.add(a);
          }
        }
        // why non-null: a CANCEL_OPEN decision carries its reason
        for (Assignment a :
            writer.cancelOpen(w, mine, on, Objects.requireNonNull(owed.cancelReason()))) {
          cancelled.put(a.id(), a);
        }
      }
      // why requireNonNull: a CREATE decision carries its terms, reason and dates
      case CREATE ->
          creates.add(
              writer
                  .decided(w)
                  .member(member.id())
                  .course(Objects.requireNonNull(owed.terms()).course())
                  .requirement(requirement.id())
                  .reason(Objects.requireNonNull(owed.reason()))
                  .dedupeKey(
                      "R:" + requirement.id() + ":M:" + member.id() + ":cycle:" + owed.cycle())
                  .anchorOn(Objects.requireNonNull(owed.anchorOn()))
                  .dueOn(Objects.requireNonNull(owed.dueOn()))
                  .build());
      default -> {
        // nothing owed
      }
    }
  }
}
