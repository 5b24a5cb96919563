package io.trainproof.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.Provenance;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.reporting.report.RetrainingReport;
import io.trainproof.testkit.Fixtures;
import io.trainproof.testkit.SettableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The retraining report agrees with the rule of issue 20: a completion before the change was
 * published, or on content released before it, never shows as the retraining completed, and a
 * member who joined an affected role before the retraining was due is in it, as is a member on
 * leave when the change was published.
 */
class RetrainingReportTest {
  static final ZoneId ZONE = ZoneId.of("America/Chicago");

  @Test
  void noRetrainingReadsCompletedByTrainingThatDidNotCoverTheChange() {
    SettableClock clock = SettableClock.at(at(LocalDate.of(2026, 1, 5)));
    Trainproof tp = Trainproof.builder().store(new InMemoryStore()).clock(clock).build();
    Fixtures fx = Fixtures.organization(tp, ZONE);
    Actor officer = fx.officer();
    Policy security = fx.policy("SEC", LocalDate.of(2025, 1, 1));
    Course course = fx.course("SEC-101", security);
    fx.requirement(
        "Security", Fixtures.terms(course, LocalDate.of(2025, 1, 1)).retrainWithinDays(30).build());
    WorkforceMember early = fx.hire(LocalDate.of(2026, 1, 5), "ICU", "nurse");
    tp.completions()
        .recordForCourse(
            officer,
            CompletionService.CourseCompletion.inApp(
                early.id(), course.id(), LocalDate.of(2026, 1, 5), 100, "o"));

    clock.set(at(LocalDate.of(2026, 3, 1)));
    fx.materialChange(security, LocalDate.of(2026, 3, 15), "nurse");
    // Before the effective date, on the content of January: not training on the change.
    clock.set(at(LocalDate.of(2026, 3, 10)));
    tp.completions()
        .importCompletion(
            officer,
            new CompletionService.Import(
                early.id(),
                course.id(),
                null,
                LocalDate.of(2026, 3, 10),
                100,
                null,
                new Provenance(CompletionMethod.HISTORICAL_IMPORT, "o", "lms", "row-7", null),
                List.of()));
    WorkforceMember joiner = fx.hire(LocalDate.of(2026, 3, 10), "ICU", "nurse");

    clock.set(at(LocalDate.of(2026, 3, 20)));
    Reporting reporting = Reporting.builder(tp).build();
    RetrainingReport open = reporting.reports().retraining(officer, LocalDate.of(2026, 3, 20));
    assertThat(open.changes())
        .singleElement()
        .satisfies(
            ch -> {
              assertThat(ch.members())
                  .extracting(
                      RetrainingReport.Affected::externalId,
                      RetrainingReport.Affected::completedOn,
                      RetrainingReport.Affected::outcome)
                  .containsExactlyInAnyOrder(
                      tuple(early.externalId(), null, RetrainingReport.Outcome.OPEN),
                      tuple(joiner.externalId(), null, RetrainingReport.Outcome.OPEN));
              assertThat(ch.completedAfterEffectiveDate()).isZero();
            });

    // The real retraining, on content that teaches the change, is where it is recorded.
    fx.reviseCourse(course, "2", security);
    tp.completions()
        .recordForCourse(
            officer,
            CompletionService.CourseCompletion.inApp(
                early.id(), course.id(), LocalDate.of(2026, 3, 20), 100, "o"));
    RetrainingReport done = reporting.reports().retraining(officer, LocalDate.of(2026, 3, 20));
    assertThat(done.changes().get(0).members())
        .filteredOn(m -> m.externalId().equals(early.externalId()))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.completedOn()).isEqualTo(LocalDate.of(2026, 3, 20));
              assertThat(m.outcome()).isEqualTo(RetrainingReport.Outcome.COMPLETED_ON_TIME);
            });
    assertThat(done.changes().get(0).completedAfterEffectiveDate()).isEqualTo(1);
  }

  @Test
  void aMemberOnLeaveAtPublicationIsInTheReportAndNotOverdueWhileAway() {
    SettableClock clock = SettableClock.at(at(LocalDate.of(2026, 1, 5)));
    Trainproof tp = Trainproof.builder().store(new InMemoryStore()).clock(clock).build();
    Fixtures fx = Fixtures.organization(tp, ZONE);
    Actor officer = fx.officer();
    Policy security = fx.policy("SEC", LocalDate.of(2025, 1, 1));
    Course course = fx.course("SEC-101", security);
    fx.requirement(
        "Security", Fixtures.terms(course, LocalDate.of(2025, 1, 1)).retrainWithinDays(30).build());
    WorkforceMember away = fx.hire(LocalDate.of(2026, 1, 5), "ICU", "nurse");
    WorkforceMember stays = fx.hire(LocalDate.of(2026, 1, 5), "ICU", "nurse");
    for (WorkforceMember m : List.of(away, stays)) {
      tp.completions()
          .recordForCourse(
              officer,
              CompletionService.CourseCompletion.inApp(
                  m.id(), course.id(), LocalDate.of(2026, 1, 5), 100, "o"));
    }
    clock.set(at(LocalDate.of(2026, 2, 15)));
    tp.workforce().startLeave(officer, away.id(), LocalDate.of(2026, 2, 15));
    clock.set(at(LocalDate.of(2026, 3, 1)));
    fx.materialChange(security, LocalDate.of(2026, 3, 15), "nurse");
    clock.set(at(LocalDate.of(2026, 5, 1)));
    tp.workforce().returnFromLeave(officer, away.id(), LocalDate.of(2026, 5, 1));
    Reporting reporting = Reporting.builder(tp).build();

    // Past everyone's due date (2026-04-14), still on leave: open, not overdue; the other nurse is.
    assertThat(
            reporting
                .reports()
                .retraining(officer, LocalDate.of(2026, 4, 20))
                .changes()
                .get(0)
                .members())
        .extracting(
            RetrainingReport.Affected::externalId,
            RetrainingReport.Affected::assignedOn,
            RetrainingReport.Affected::dueOn,
            RetrainingReport.Affected::outcome)
        .containsExactlyInAnyOrder(
            tuple(
                away.externalId(),
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 4, 14),
                RetrainingReport.Outcome.OPEN),
            tuple(
                stays.externalId(),
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 4, 14),
                RetrainingReport.Outcome.OPEN_OVERDUE));
    // Back on 2026-05-01 after 75 days: due 2026-06-28, open until then, overdue after.
    assertThat(
            reporting
                .reports()
                .retraining(officer, LocalDate.of(2026, 5, 1))
                .changes()
                .get(0)
                .members())
        .filteredOn(m -> m.externalId().equals(away.externalId()))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.dueOn()).isEqualTo(LocalDate.of(2026, 6, 28));
              assertThat(m.outcome()).isEqualTo(RetrainingReport.Outcome.OPEN);
            });
    clock.set(at(LocalDate.of(2026, 6, 29)));
    assertThat(
            reporting
                .reports()
                .retraining(officer, LocalDate.of(2026, 6, 29))
                .changes()
                .get(0)
                .members())
        .filteredOn(m -> m.externalId().equals(away.externalId()))
        .singleElement()
        .satisfies(m -> assertThat(m.outcome()).isEqualTo(RetrainingReport.Outcome.OPEN_OVERDUE));
  }

  private static Instant at(LocalDate date) {
    return date.atTime(9, 0).atZone(ZONE).toInstant();
  }
}
