package io.trainproof.reporting.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.reporting.report.Labels;
import io.trainproof.reporting.report.RetrainingReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Retraining after material policy changes: for each material version in effect, the members it
 * assigned training to and how that ended. Stateless and thread-safe.
 */
final class RetrainingQuery {
  private final QueryContext context;

  RetrainingQuery(QueryContext context) {
    this.context = context;
  }

  RetrainingReport report(Actor actor, LocalDate asOf) {
    Scope s = context.open(actor, asOf, null);
    return in(s, context.lookups(s));
  }

  /**
   * The report inside a run (the evidence pack shares the run's lookups).
   *
   * @param s the run
   * @param l its lookups
   * @return the report
   */
  RetrainingReport in(Scope s, Lookups l) {
    LocalDate asOf = s.asOf();
    Map<Id<PolicyVersion>, List<Assignment>> byVersion = new HashMap<>();
    l.eachAssignment(
        a -> {
          if (a.reason() == AssignmentReason.POLICY_CHANGE && a.policyVersion() != null) {
            byVersion.computeIfAbsent(a.policyVersion(), v -> new ArrayList<>()).add(a);
          }
        });
    List<RetrainingReport.Change> changes = new ArrayList<>();
    List<PolicyVersion> material =
        l.policyVersions().values().stream()
            .filter(v -> v.material() && !v.effectiveFrom().isAfter(asOf))
            .sorted(
                Comparator.comparing(PolicyVersion::effectiveFrom)
                    .thenComparing(PolicyVersion::number))
            .toList();
    for (PolicyVersion v : material) {
      List<RetrainingReport.Affected> affected = new ArrayList<>();
      for (Assignment a : byVersion.getOrDefault(v.id(), List.of())) {
        WorkforceMember m = l.members().get(a.member());
        LocalDate due = a.dueOn(asOf);
        AssignmentState state = a.stateOn(asOf);
        LocalDate completed = state == AssignmentState.COMPLETED ? a.closed().on() : null;
        RetrainingReport.Outcome outcome;
        if (completed != null) {
          outcome =
              completed.isAfter(due)
                  ? RetrainingReport.Outcome.COMPLETED_LATE
                  : RetrainingReport.Outcome.COMPLETED_ON_TIME;
        } else if (state == AssignmentState.WAIVED) {
          outcome = RetrainingReport.Outcome.WAIVED;
        } else if (state == AssignmentState.CANCELLED) {
          outcome = RetrainingReport.Outcome.CANCELLED;
        } else {
          // why: time on leave does not count against a due date (the leave rule moves it on
          // return), so a member on leave that day is not overdue, as in the member's status
          boolean onLeave =
              m != null
                  && m.termsOn(asOf).map(t -> t.status() == MemberStatus.ON_LEAVE).orElse(false);
          outcome =
              asOf.isAfter(due) && !onLeave
                  ? RetrainingReport.Outcome.OPEN_OVERDUE
                  : RetrainingReport.Outcome.OPEN;
        }
        affected.add(
            new RetrainingReport.Affected(
                m == null ? a.member().toString() : m.externalId(),
                m == null ? "" : m.displayName(),
                l.courseCode(a.course()),
                a.assignedOn(),
                due,
                completed,
                outcome));
      }
      affected.sort(Comparator.comparing(RetrainingReport.Affected::externalId));
      Policy p = l.policies().get(v.policy());
      changes.add(
          new RetrainingReport.Change(
              p == null ? v.policy().toString() : p.code(),
              v.number(),
              v.effectiveFrom(),
              v.changeNotes(),
              v.affectedRoles(),
              affected));
    }
    return new RetrainingReport(
        s.header(Labels.english().title(RetrainingReport.class), "164.530(b)(2)(i)(C)", null),
        changes);
  }
}
