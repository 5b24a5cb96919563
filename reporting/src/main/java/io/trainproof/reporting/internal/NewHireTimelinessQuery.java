package io.trainproof.reporting.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.reporting.report.DateRange;
import io.trainproof.reporting.report.Labels;
import io.trainproof.reporting.report.NewHireTimeliness;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * New-hire training timeliness: each new hire's onboarding assignments, completed on time, late,
 * waived, cancelled or still open. Stateless and thread-safe.
 */
final class NewHireTimelinessQuery {
  private final QueryContext context;

  NewHireTimelinessQuery(QueryContext context) {
    this.context = context;
  }

  NewHireTimeliness report(Actor actor, DateRange period, LocalDate asOf) {
    Scope s = context.open(actor, asOf, period);
    Lookups l = context.lookups(s);
    List<WorkforceMember> hires = newHires(l, period);
    return in(s, l, period, hires.size(), hires);
  }

  /**
   * The new hires the actor may see, engaged in a period, in id order.
   *
   * @param l the run's lookups
   * @param period the engagement period
   * @return the members
   */
  static List<WorkforceMember> newHires(Lookups l, DateRange period) {
    return l.members().values().stream().filter(m -> period.contains(m.engagedOn())).toList();
  }

  /**
   * The timeliness report over chosen new hires (the evidence pack passes a sample).
   *
   * @param s the run
   * @param l its lookups
   * @param period the engagement period
   * @param population how many new hires there were
   * @param sample the ones to report on
   * @return the report
   */
  NewHireTimeliness in(
      Scope s, Lookups l, DateRange period, int population, List<WorkforceMember> sample) {
    LocalDate asOf = s.asOf();
    List<NewHireTimeliness.Row> rows = new ArrayList<>();
    for (WorkforceMember m : sample) {
      String department = m.termsOn(m.engagedOn()).map(MemberTerms::department).orElse("");
      List<Assignment> onboarding =
          context.trainproof().assignments().forMember(s.actor(), m.id()).stream()
              .filter(a -> a.reason() == AssignmentReason.ONBOARDING && a.existsOn(asOf))
              .toList();
      if (onboarding.isEmpty()) {
        rows.add(
            new NewHireTimeliness.Row(
                m.externalId(),
                m.displayName(),
                department,
                m.engagedOn(),
                null,
                null,
                null,
                null,
                NewHireTimeliness.Outcome.NOTHING_REQUIRED,
                0));
      }
      for (Assignment a : onboarding) {
        LocalDate due = a.dueOn(asOf);
        AssignmentState state = a.stateOn(asOf);
        LocalDate completed = state == AssignmentState.COMPLETED ? a.closed().on() : null;
        NewHireTimeliness.Outcome outcome;
        long late = 0;
        if (state == AssignmentState.COMPLETED) {
          late = Math.max(0, ChronoUnit.DAYS.between(due, completed));
          outcome = late > 0 ? NewHireTimeliness.Outcome.LATE : NewHireTimeliness.Outcome.ON_TIME;
        } else if (state == AssignmentState.WAIVED) {
          outcome = NewHireTimeliness.Outcome.WAIVED;
        } else if (state == AssignmentState.CANCELLED) {
          outcome = NewHireTimeliness.Outcome.CANCELLED;
        } else {
          outcome =
              asOf.isAfter(due)
                  ? NewHireTimeliness.Outcome.OPEN_OVERDUE
                  : NewHireTimeliness.Outcome.OPEN;
        }
        rows.add(
            new NewHireTimeliness.Row(
                m.externalId(),
                m.displayName(),
                department,
                m.engagedOn(),
                l.courseCode(a.course()),
                a.assignedOn(),
                due,
                completed,
                outcome,
                late));
      }
    }
    // By HR id, then course and date: a stable order a reader can follow.
    rows.sort(
        Comparator.comparing(NewHireTimeliness.Row::externalId)
            .thenComparing(r -> r.course() == null ? "" : r.course())
            .thenComparing(r -> r.assignedOn() == null ? LocalDate.MIN : r.assignedOn()));
    return new NewHireTimeliness(
        s.header(Labels.english().title(NewHireTimeliness.class), "164.530(b)(2)(i)(B)", period),
        population,
        sample.size(),
        rows);
  }
}
