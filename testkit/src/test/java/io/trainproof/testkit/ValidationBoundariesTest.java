package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.assignment.AssignmentService;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.policy.PolicyService;
import io.trainproof.core.status.ComplianceStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Input validation at its limits: the last accepted value is accepted and the first refused one is
 * refused, naming its field. The limits are the documented ones (0..3650 days, scores 0..100, texts
 * up to 10,000 characters, a renewal window no longer than the period it renews).
 */
class ValidationBoundariesTest {
  static final ZoneId ZONE = ZoneId.of("America/St_Johns");
  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
  Trainproof tp;
  Fixtures fx;
  Actor officer;
  Course course;
  WorkforceMember member;

  @BeforeEach
  void setUp() {
    SettableClock clock = SettableClock.at(ZonedDateTime.of(TODAY.atTime(10, 0), ZONE).toInstant());
    tp = Trainproof.builder().store(new InMemoryStore()).clock(clock).build();
    fx = Fixtures.organization(tp, ZONE);
    officer = fx.officer();
    Policy policy = fx.policy("PRIV", LocalDate.of(2025, 1, 1));
    course = fx.course("C1", policy);
    member = fx.hire(TODAY.minusDays(5), "ICU", "nurse");
  }

  private static void refused(ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void dayCountsRunFromZeroToTenYears() {
    assertThat(
            fx.requirement(
                    "Zero",
                    Fixtures.terms(course, TODAY)
                        .initialDueDays(0)
                        .graceDays(0)
                        .retrainWithinDays(0)
                        .build())
                .latestTerms()
                .initialDueDays())
        .isZero();
    assertThat(
            fx.requirement(
                    "Max",
                    Fixtures.terms(course, TODAY)
                        .initialDueDays(3650)
                        .graceDays(3650)
                        .retrainWithinDays(3650)
                        .build())
                .latestTerms()
                .graceDays())
        .isEqualTo(3650);
    refused(
        () -> fx.requirement("R", Fixtures.terms(course, TODAY).initialDueDays(3651).build()),
        "terms.initialDueDays");
    refused(
        () -> fx.requirement("R", Fixtures.terms(course, TODAY).graceDays(-1).build()),
        "terms.graceDays");
    refused(
        () -> fx.requirement("R", Fixtures.terms(course, TODAY).graceDays(3651).build()),
        "terms.graceDays");
    refused(
        () -> fx.requirement("R", Fixtures.terms(course, TODAY).retrainWithinDays(-1).build()),
        "terms.retrainWithinDays");
    refused(
        () -> fx.requirement("R", Fixtures.terms(course, TODAY).retrainWithinDays(3651).build()),
        "terms.retrainWithinDays");
  }

  @Test
  void aRecurrenceNeedsAPositivePeriodAndAWindowNoLongerThanIt() {
    Recurrence yearly = Recurrence.every(Period.ofYears(1), Recurrence.CountFrom.COMPLETION);
    assertThat(
            fx.requirement(
                    "Equal",
                    Fixtures.terms(course, TODAY).recurrence(yearly, Period.ofMonths(12)).build())
                .latestTerms()
                .renewalWindow())
        .isEqualTo(Period.ofMonths(12));
    refused(
        () ->
            fx.requirement(
                "R",
                Fixtures.terms(course, TODAY)
                    .recurrence(yearly, Period.ofMonths(12).plusDays(1))
                    .build()),
        "terms.renewalWindow");
    refused(
        () ->
            fx.requirement(
                "R",
                Fixtures.terms(course, TODAY)
                    .recurrence(
                        Recurrence.every(Period.ZERO, Recurrence.CountFrom.DUE_DATE), Period.ZERO)
                    .build()),
        "terms.recurrence.period");
    refused(
        () ->
            fx.requirement(
                "R",
                Fixtures.terms(course, TODAY)
                    .recurrence(
                        Recurrence.every(Period.ofDays(-7), Recurrence.CountFrom.DUE_DATE),
                        Period.ZERO)
                    .build()),
        "terms.recurrence.period");
    refused(
        () ->
            fx.requirement(
                "R",
                Fixtures.terms(course, TODAY)
                    .recurrence(Recurrence.every(Period.ofDays(1), null), Period.ZERO)
                    .build()),
        "terms.recurrence.from");
    refused(
        () ->
            fx.requirement(
                "R", Fixtures.terms(course, TODAY).recurrence(yearly, Period.ofDays(-1)).build()),
        "terms.renewalWindow");
    assertThat(
            fx.requirement(
                    "Daily",
                    Fixtures.terms(course, TODAY)
                        .recurrence(
                            Recurrence.every(Period.ofDays(1), Recurrence.CountFrom.DUE_DATE),
                            Period.ofDays(1))
                        .build())
                .latestTerms()
                .recurrence())
        .isInstanceOf(Recurrence.Every.class);
  }

  @Test
  void aFixedDateRecurrenceKeepsItsWindowWithinTheMinimumActivePeriodOrAYear() {
    Recurrence jan31 = Recurrence.fixedDate(MonthDay.of(1, 31));
    assertThat(
            fx.requirement(
                    "Year",
                    Fixtures.terms(course, TODAY).recurrence(jan31, Period.ofYears(1)).build())
                .latestTerms()
                .renewalWindow())
        .isEqualTo(Period.ofYears(1));
    refused(
        () ->
            fx.requirement(
                "R",
                Fixtures.terms(course, TODAY)
                    .recurrence(jan31, Period.ofYears(1).plusDays(1))
                    .build()),
        "terms.renewalWindow");
    assertThat(
            fx.requirement(
                    "Active",
                    Fixtures.terms(course, TODAY)
                        .recurrence(jan31, Period.ofMonths(3))
                        .minimumActive(Period.ofMonths(3))
                        .build())
                .latestTerms()
                .minimumActive())
        .isEqualTo(Period.ofMonths(3));
    assertThat(
            fx.requirement(
                    "FullYear",
                    Fixtures.terms(course, TODAY)
                        .recurrence(jan31, Period.ofMonths(1))
                        .minimumActive(Period.ofYears(1))
                        .build())
                .latestTerms()
                .minimumActive())
        .isEqualTo(Period.ofYears(1));
    refused(
        () ->
            fx.requirement(
                "R",
                Fixtures.terms(course, TODAY)
                    .recurrence(jan31, Period.ofMonths(1))
                    .minimumActive(Period.ofYears(1).plusDays(1))
                    .build()),
        "terms.minimumActive");
    refused(
        () ->
            fx.requirement(
                "R",
                Fixtures.terms(course, TODAY)
                    .recurrence(jan31, Period.ZERO)
                    .minimumActive(Period.ofDays(-1))
                    .build()),
        "terms.minimumActive");
    refused(
        () ->
            fx.requirement(
                "R",
                Fixtures.terms(course, TODAY)
                    .recurrence(Recurrence.fixedDate(null), Period.ZERO)
                    .build()),
        "terms.recurrence.date");
  }

  @Test
  void textsAreStrippedAndLimitedToTenThousandCharacters() {
    String longest = "x".repeat(10_000);
    assertThat(
            tp.requirements()
                .create(officer, longest, "  why  ", Fixtures.terms(course, TODAY).build())
                .name())
        .hasSize(10_000);
    assertThatThrownBy(
            () ->
                tp.requirements()
                    .create(officer, longest + "x", "why", Fixtures.terms(course, TODAY).build()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("name");
              assertThat(e.value())
                  .as("a long value is cut in the message")
                  .hasSize(33)
                  .endsWith("…");
              assertThat(e.getMessage()).contains("10000");
            });
    assertThat(
            tp.requirements()
                .create(officer, "  Spaced  ", "why", Fixtures.terms(course, TODAY).build())
                .name())
        .isEqualTo("Spaced");
  }

  @Test
  void scoresRunFromZeroToOneHundred() {
    Course second = fx.course("C2", fx.policy("SEC", LocalDate.of(2025, 1, 1)));
    Assignment a = manual(course, TODAY.plusDays(3));
    Assignment b = manual(second, TODAY.plusDays(3));
    assertThat(
            tp.completions()
                .record(officer, CompletionService.Request.inApp(a.id(), TODAY, 100, "o"))
                .completion()
                .score())
        .isEqualTo(100);
    assertThat(
            tp.completions()
                .record(officer, CompletionService.Request.inApp(b.id(), TODAY, 0, "o"))
                .completion()
                .score())
        .isZero();
    Assignment c = manual(course, TODAY.plusDays(4));
    refused(
        () ->
            tp.completions()
                .record(officer, CompletionService.Request.inApp(c.id(), TODAY, -1, "o")),
        "score");
  }

  private Assignment manual(Course which, LocalDate due) {
    return tp.assignments()
        .assign(
            officer,
            new AssignmentService.ManualAssignment(member.id(), which.id(), due, false, "needed"));
  }

  @Test
  void aManualAssignmentIsDueTodayAtTheEarliestAndAnExtensionMustMoveTheDateLater() {
    Assignment today = manual(course, TODAY);
    assertThat(today.dueOn()).isEqualTo(TODAY);
    assertThat(today.reason()).isEqualTo(AssignmentReason.MANUAL);
    assertThat(today.assignedOn()).isEqualTo(TODAY);
    refused(() -> manual(course, TODAY.minusDays(1)), "dueOn");
    Assignment remedial =
        tp.assignments()
            .assign(
                officer,
                new AssignmentService.ManualAssignment(
                    member.id(), course.id(), TODAY.plusDays(1), true, "failed audit"));
    assertThat(remedial.reason()).isEqualTo(AssignmentReason.REMEDIATION);

    refused(() -> tp.assignments().extend(officer, today.id(), TODAY, "no change"), "newDueOn");
    refused(
        () -> tp.assignments().extend(officer, today.id(), TODAY.minusDays(1), "earlier"),
        "newDueOn");
    Assignment extended =
        tp.assignments().extend(officer, today.id(), TODAY.plusDays(1), "one more day");
    assertThat(extended.currentDueOn()).isEqualTo(TODAY.plusDays(1));
    assertThat(extended.dueChanges())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.grantedOn()).isEqualTo(TODAY);
              assertThat(c.approvedBy()).isEqualTo(officer.id());
              assertThat(c.reason()).isEqualTo("one more day");
            });
    refused(
        () -> tp.assignments().extend(officer, today.id(), TODAY.plusDays(1), "same again"),
        "newDueOn");

    Assignment waived = tp.assignments().waive(officer, today.id(), "  covered elsewhere ");
    assertThat(waived.state()).isEqualTo(AssignmentState.WAIVED);
    assertThat(waived.closure().reason()).isEqualTo("covered elsewhere");
    assertThat(waived.closure().on()).isEqualTo(TODAY);
    refused(
        () -> tp.assignments().extend(officer, today.id(), TODAY.plusDays(9), "closed"),
        "assignment");
    refused(() -> tp.assignments().waive(officer, today.id(), "again"), "assignment");
  }

  @Test
  void startingIsRecordedOnceOnTheDayItHappens() {
    Assignment a = manual(course, TODAY.plusDays(3));
    Assignment started = tp.assignments().start(officer, a.id());
    assertThat(started.startedOn()).isEqualTo(TODAY);
    assertThat(started.state()).isEqualTo(AssignmentState.IN_PROGRESS);
    assertThat(tp.assignments().start(officer, a.id())).isEqualTo(started);
  }

  @Test
  void anAuditRangeMustEndAfterItStarts() {
    Instant at = Instant.parse("2026-03-10T00:00:00Z");
    refused(() -> tp.audit().entries(officer, at, at), "to");
    refused(() -> tp.audit().entries(officer, at, at.minusSeconds(1)), "to");
    assertThat(
            tp.audit()
                .entries(officer, at.minusSeconds(86_400 * 400L), at.plusSeconds(86_400 * 2L)))
        .isNotEmpty();
  }

  @Test
  void policyTextHashesAreLowercaseSha256() {
    Policy p = tp.policies().list(officer).get(0);
    String upper = Fixtures.sha256("text").toUpperCase(Locale.ROOT);
    refused(
        () ->
            tp.policies()
                .publish(
                    officer,
                    p.id(),
                    new PolicyService.NewVersion(TODAY, upper, "notes", false, Set.of())),
        "textSha256");
    refused(
        () ->
            tp.policies()
                .publish(
                    officer,
                    p.id(),
                    new PolicyService.NewVersion(
                        TODAY, Fixtures.sha256("t") + "0", "notes", false, Set.of())),
        "textSha256");
    assertThat(
            tp.policies()
                .publish(
                    officer,
                    p.id(),
                    new PolicyService.NewVersion(
                        TODAY, Fixtures.sha256("t"), "notes", false, Set.of()))
                .textSha256())
        .isEqualTo(Fixtures.sha256("t"));
  }

  @Test
  void theDueSoonWindowIsConfigurableFromZeroToAYear() {
    SettableClock clock = SettableClock.at(ZonedDateTime.of(TODAY.atTime(10, 0), ZONE).toInstant());
    Trainproof tenDays =
        Trainproof.builder().store(new InMemoryStore()).clock(clock).dueSoonDays(10).build();
    Fixtures f = Fixtures.organization(tenDays, ZONE);
    Course c = f.course("C1", f.policy("PRIV", LocalDate.of(2025, 1, 1)));
    f.requirement("R", Fixtures.terms(c, LocalDate.of(2025, 1, 1)).initialDueDays(30).build());
    WorkforceMember m = f.hire(TODAY, "ICU", "nurse");
    LocalDate due = TODAY.plusDays(30);
    assertThat(tenDays.status().overall(f.officer(), m.id(), due.minusDays(10)))
        .isEqualTo(ComplianceStatus.DUE_SOON);
    assertThat(tenDays.status().overall(f.officer(), m.id(), due.minusDays(11)))
        .isNotEqualTo(ComplianceStatus.DUE_SOON);
    assertThat(Trainproof.builder().dueSoonDays(0)).isNotNull();
    assertThat(Trainproof.builder().dueSoonDays(365)).isNotNull();
    refused(() -> Trainproof.builder().dueSoonDays(366), "dueSoonDays");
    refused(() -> Trainproof.builder().dueSoonDays(-1), "dueSoonDays");
    refused(() -> Trainproof.builder().clock(clock).build(), "store");
  }
}
