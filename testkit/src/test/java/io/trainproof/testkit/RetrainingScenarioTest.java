package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Provenance;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.workforce.WorkforceService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The three cases issue 20 found at the edges of a material policy change, the leaver, and members
 * on leave: who owes retraining, by when, and which completion closes it.
 */
class RetrainingScenarioTest {
  static final ZoneId ZONE = ZoneId.of("America/St_Johns");
  SettableClock clock;
  Trainproof tp;
  Fixtures fx;
  Policy security;
  Course course;

  @BeforeEach
  void setUp() {
    clock = SettableClock.at(LocalDate.of(2026, 1, 5).atTime(9, 0).atZone(ZONE).toInstant());
    tp = Trainproof.builder().store(new InMemoryStore()).clock(clock).build();
    fx = Fixtures.organization(tp, ZONE);
    security = fx.policy("SEC", LocalDate.of(2025, 1, 1));
    course = fx.course("SEC-101", security);
    fx.requirement(
        "Security",
        Fixtures.terms(course, LocalDate.of(2025, 1, 1))
            .initialDueDays(30)
            .retrainWithinDays(30)
            .build());
  }

  void moveTo(LocalDate date) {
    clock.set(date.atTime(9, 0).atZone(ZONE).toInstant());
  }

  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZONE);
  }

  List<Assignment> retraining(WorkforceMember m, PolicyVersion v) {
    return tp.assignments().forMember(fx.officer(), m.id()).stream()
        .filter(a -> a.reason() == AssignmentReason.POLICY_CHANGE)
        .filter(a -> v.id().equals(a.policyVersion()))
        .toList();
  }

  Map<String, String> created(Assignment a) {
    return tp
        .audit()
        .entries(fx.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
        .stream()
        .filter(
            e -> e.action().equals("ASSIGNMENT_CREATED") && e.subjectId().equals(a.id().toString()))
        .findFirst()
        .orElseThrow()
        .details();
  }

  WorkforceMember onboarded(String... roles) {
    WorkforceMember m = fx.hire(today(), "Clinic", roles);
    Assignment onboarding = tp.assignments().forMember(fx.officer(), m.id()).get(0);
    tp.completions()
        .record(fx.officer(), CompletionService.Request.inApp(onboarding.id(), today(), 100, "o"));
    return m;
  }

  /** Published 2026-03-01, in effect 2026-03-15, retraining due 2026-04-14. */
  PolicyVersion publishChange() {
    moveTo(LocalDate.of(2026, 3, 1));
    return fx.materialChange(security, LocalDate.of(2026, 3, 15), "nurse");
  }

  @Test
  void aNewHireBetweenPublicationAndTheEffectiveDateOwesTheRetraining() {
    PolicyVersion change = publishChange();
    moveTo(LocalDate.of(2026, 3, 10));
    WorkforceMember hire = fx.hire(today(), "ICU", "nurse");

    assertThat(retraining(hire, change))
        .singleElement()
        .satisfies(
            a -> {
              // Everyone's due date (2026-04-14) is later than the new-hire rule's (2026-04-09).
              assertThat(a.dueOn()).isEqualTo(LocalDate.of(2026, 4, 14));
              assertThat(a.assignedBy()).isEqualTo("system");
              assertThat(created(a))
                  .containsEntry("trigger", "MEMBER_HIRE")
                  .containsEntry("triggeredBy", fx.officer().id())
                  .containsEntry(
                      "note",
                      "joined role nurse while policy SEC version 2's retraining was open"
                          + " (due 2026-04-14)");
            });
  }

  @Test
  void aHireRecordedBeforePublicationStartingBeforeTheDueDateOwesTheRetraining() {
    moveTo(LocalDate.of(2026, 2, 1));
    WorkforceMember future = fx.hire(LocalDate.of(2026, 3, 20), "ICU", "nurse");
    WorkforceMember tooLate = fx.hire(LocalDate.of(2026, 4, 14), "ICU", "nurse");
    PolicyVersion change = publishChange();
    // Starts after the effective date, before the due date: the new-hire rule's date is later.
    assertThat(retraining(future, change))
        .singleElement()
        .satisfies(a -> assertThat(a.dueOn()).isEqualTo(LocalDate.of(2026, 4, 19)));
    assertThat(retraining(tooLate, change)).isEmpty();
  }

  @Test
  void aJoinerCloseToTheDueDateGetsTheNewHireRulesTime() {
    PolicyVersion change = publishChange();
    moveTo(LocalDate.of(2026, 4, 10));
    WorkforceMember hire = fx.hire(today(), "ICU", "nurse");
    assertThat(retraining(hire, change))
        .singleElement()
        .satisfies(a -> assertThat(a.dueOn()).isEqualTo(LocalDate.of(2026, 5, 10)));
    // On the due date the retraining is closed to newcomers: onboarding teaches them the version.
    moveTo(LocalDate.of(2026, 4, 14));
    assertThat(retraining(fx.hire(today(), "ICU", "nurse"), change)).isEmpty();
  }

  @Test
  void aRoleChangeIntoAnAffectedRoleBeforeTheEffectiveDateOwesTheRetraining() {
    WorkforceMember clerk = onboarded("clerk");
    PolicyVersion change = publishChange();
    assertThat(retraining(clerk, change)).isEmpty();

    moveTo(LocalDate.of(2026, 3, 5));
    tp.workforce()
        .change(
            fx.officer(),
            clerk.id(),
            WorkforceService.MemberChange.roles(today(), Set.of("clerk", "nurse")));

    assertThat(retraining(clerk, change))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.dueOn()).isEqualTo(LocalDate.of(2026, 4, 14));
              assertThat(created(a))
                  .containsEntry("trigger", "MEMBER_CHANGE")
                  .containsEntry(
                      "note",
                      "joined role nurse while policy SEC version 2's retraining was open"
                          + " (due 2026-04-14)");
            });
  }

  @Test
  void aCompletionBeforeTheEffectiveDateOfOldContentDoesNotCloseTheRetraining() {
    WorkforceMember nurse = onboarded("nurse");
    PolicyVersion change = publishChange();
    Assignment retrain = retraining(nurse, change).get(0);

    // Before the effective date, on content released long before the change: not training on it.
    moveTo(LocalDate.of(2026, 3, 10));
    assertThatThrownBy(
            () ->
                tp.completions()
                    .record(
                        fx.officer(),
                        CompletionService.Request.inApp(retrain.id(), today(), 100, "o")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("does not cover it");
    Completion old =
        tp.completions()
            .importCompletion(
                fx.officer(),
                new CompletionService.Import(
                    nurse.id(),
                    course.id(),
                    null,
                    today(),
                    100,
                    null,
                    new Provenance(CompletionMethod.HISTORICAL_IMPORT, "o", "lms", "row-1", null),
                    List.of()))
            .completion();
    assertThat(old.policyVersions()).doesNotContain(change.id());
    assertThat(retraining(nurse, change))
        .singleElement()
        .satisfies(a -> assertThat(a.isOpen()).isTrue());

    // The real retraining, on content that teaches the change, after it took effect, closes it.
    moveTo(LocalDate.of(2026, 3, 20));
    fx.reviseCourse(course, "2", security);
    Completion real =
        tp.completions()
            .recordForCourse(
                fx.officer(),
                CompletionService.CourseCompletion.inApp(
                    nurse.id(), course.id(), today(), 100, "o"))
            .completion();
    assertThat(real.policyVersions()).containsExactly(change.id());
    assertThat(retraining(nurse, change))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.state()).isEqualTo(AssignmentState.COMPLETED);
              assertThat(a.closed().on()).isEqualTo(LocalDate.of(2026, 3, 20));
              assertThat(a.closed().completion()).isEqualTo(real.id());
            });
  }

  @Test
  void aMemberWhoLeavesTheAffectedRoleBeforeTheEffectiveDateNoLongerOwesIt() {
    WorkforceMember nurse = onboarded("nurse");
    WorkforceMember stays = onboarded("nurse");
    PolicyVersion change = publishChange();
    moveTo(LocalDate.of(2026, 3, 12));
    tp.workforce()
        .change(
            fx.officer(), nurse.id(), WorkforceService.MemberChange.roles(today(), Set.of("it")));
    assertThat(retraining(nurse, change))
        .singleElement()
        .satisfies(a -> assertThat(a.state()).isEqualTo(AssignmentState.CANCELLED));
    // After the effective date a move no longer cancels it: they were affected on that date.
    moveTo(LocalDate.of(2026, 3, 16));
    tp.workforce()
        .change(
            fx.officer(), stays.id(), WorkforceService.MemberChange.roles(today(), Set.of("it")));
    assertThat(retraining(stays, change))
        .singleElement()
        .satisfies(a -> assertThat(a.isOpen()).isTrue());
  }

  @Test
  void aMemberOnLeaveWhenTheChangeIsPublishedOwesItAndTheLeaveMovesItsDueDateOnReturn() {
    WorkforceMember away = onboarded("nurse");
    moveTo(LocalDate.of(2026, 2, 15));
    tp.workforce().startLeave(fx.officer(), away.id(), today());
    PolicyVersion change = publishChange();

    // Still a nurse while on leave: assigned with everyone, due with everyone (2026-04-14).
    assertThat(retraining(away, change)).hasSize(1);
    Assignment retrain = retraining(away, change).get(0);
    assertThat(retrain.isOpen()).isTrue();
    assertThat(retrain.assignedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(retrain.dueOn()).isEqualTo(LocalDate.of(2026, 4, 14));
    assertThat(retrain.assignedBy()).isEqualTo("system");
    // On leave past that date: the requirement does not apply, so nothing reads overdue.
    moveTo(LocalDate.of(2026, 4, 20));
    assertThat(tp.status().forMember(fx.officer(), away.id(), today())).isEmpty();

    // Back after 75 days of leave (2026-02-15 to 2026-05-01): the due date moves by 75 days.
    moveTo(LocalDate.of(2026, 5, 1));
    tp.workforce().returnFromLeave(fx.officer(), away.id(), today());
    Assignment back = tp.assignments().get(fx.officer(), retrain.id());
    assertThat(back.currentDueOn()).isEqualTo(LocalDate.of(2026, 6, 28));
    assertThat(back.dueChanges())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.approvedBy()).isEqualTo("system");
              assertThat(c.grantedOn()).isEqualTo(LocalDate.of(2026, 5, 1));
            });

    // Training on content that teaches the change closes it, on time by the moved date.
    moveTo(LocalDate.of(2026, 6, 1));
    fx.reviseCourse(course, "2", security);
    tp.completions()
        .recordForCourse(
            fx.officer(),
            CompletionService.CourseCompletion.inApp(away.id(), course.id(), today(), 100, "o"));
    assertThat(tp.assignments().get(fx.officer(), retrain.id()).state())
        .isEqualTo(AssignmentState.COMPLETED);
  }

  @Test
  void aLeaveStartingAfterPublicationBeforeTheDueDateMovesTheDueDateOnReturn() {
    WorkforceMember nurse = onboarded("nurse");
    PolicyVersion change = publishChange();
    Assignment retrain = retraining(nurse, change).get(0);
    assertThat(retrain.dueOn()).isEqualTo(LocalDate.of(2026, 4, 14));

    moveTo(LocalDate.of(2026, 3, 20));
    tp.workforce().startLeave(fx.officer(), nurse.id(), today());
    moveTo(LocalDate.of(2026, 4, 30));
    tp.workforce().returnFromLeave(fx.officer(), nurse.id(), today());

    // 41 days of leave (2026-03-20 to 2026-04-30): due 2026-05-25 instead of 2026-04-14.
    assertThat(retraining(nurse, change))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.isOpen()).isTrue();
              assertThat(a.currentDueOn()).isEqualTo(LocalDate.of(2026, 5, 25));
              assertThat(a.dueOn(LocalDate.of(2026, 4, 29))).isEqualTo(LocalDate.of(2026, 4, 14));
            });
  }

  @Test
  void aRoleChangeIntoAnAffectedRoleWhileOnLeaveOwesTheRetraining() {
    WorkforceMember clerk = onboarded("clerk");
    moveTo(LocalDate.of(2026, 2, 15));
    tp.workforce().startLeave(fx.officer(), clerk.id(), today());
    PolicyVersion change = publishChange();
    assertThat(retraining(clerk, change)).isEmpty();

    moveTo(LocalDate.of(2026, 3, 5));
    tp.workforce()
        .change(
            fx.officer(),
            clerk.id(),
            WorkforceService.MemberChange.roles(today(), Set.of("nurse")));
    assertThat(retraining(clerk, change))
        .singleElement()
        .satisfies(a -> assertThat(a.dueOn()).isEqualTo(LocalDate.of(2026, 4, 14)));

    // Back after 38 days (2026-02-15 to 2026-03-25): due 2026-05-22.
    moveTo(LocalDate.of(2026, 3, 25));
    tp.workforce().returnFromLeave(fx.officer(), clerk.id(), today());
    assertThat(retraining(clerk, change))
        .singleElement()
        .satisfies(a -> assertThat(a.currentDueOn()).isEqualTo(LocalDate.of(2026, 5, 22)));
  }
}
