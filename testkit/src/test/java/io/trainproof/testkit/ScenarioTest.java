package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.trainproof.core.Trainproof;
import io.trainproof.core.assignment.AssignmentService;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.policy.PolicyService;
import io.trainproof.core.status.ComplianceStatus;
import io.trainproof.core.workforce.WorkforceService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scenario tests, each named after the rule it proves. */
class ScenarioTest {
  static final ZoneId ZONE = ZoneId.of("America/St_Johns");
  SettableClock clock;
  Trainproof tp;
  Fixtures fx;

  @BeforeEach
  void setUp() {
    clock = SettableClock.at(ZonedDateTime.of(2026, 1, 5, 9, 0, 0, 0, ZONE).toInstant());
    tp = Trainproof.builder().store(new InMemoryStore()).clock(clock).build();
    fx = Fixtures.organization(tp, ZONE);
  }

  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZONE);
  }

  void moveTo(LocalDate date) {
    clock.set(date.atTime(9, 0).atZone(ZONE).toInstant());
  }

  List<Assignment> open(WorkforceMember m) {
    return tp.assignments().forMember(fx.officer(), m.id()).stream()
        .filter(Assignment::isOpen)
        .toList();
  }

  void complete(Assignment a, int score) {
    tp.completions()
        .record(fx.officer(), CompletionService.Request.inApp(a.id(), today(), score, "officer-1"));
  }

  @Test
  void newHireIsTrainedWithinTheOnboardingDeadline() {
    Policy privacy = fx.policy("PRIV", LocalDate.of(2025, 1, 1));
    Course course = fx.course("HIPAA-101", privacy);
    fx.requirement(
        "Onboarding", Fixtures.terms(course, LocalDate.of(2025, 1, 1)).initialDueDays(30).build());

    WorkforceMember nurse = fx.hire(today(), "ICU", "nurse");
    List<Assignment> assigned = open(nurse);
    assertThat(assigned)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.reason()).isEqualTo(AssignmentReason.ONBOARDING);
              assertThat(a.dueOn()).isEqualTo(today().plusDays(30));
            });
    assertThat(tp.status().overall(fx.officer(), nurse.id(), today()))
        .isEqualTo(ComplianceStatus.DUE_SOON);

    moveTo(today().plusDays(10));
    complete(assigned.get(0), 90);
    assertThat(open(nurse)).isEmpty();
    assertThat(tp.status().overall(fx.officer(), nurse.id(), today()))
        .isEqualTo(ComplianceStatus.COMPLIANT);
    assertThat(tp.completions().forMember(fx.officer(), nurse.id()))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.passed()).isTrue();
              assertThat(c.completedOn()).isBeforeOrEqualTo(c.dueOn());
              assertThat(c.roles()).containsExactly("nurse");
            });
  }

  @Test
  void aFailingScoreRecordsTheAttemptAndKeepsTheAssignmentOpen() {
    Course course = fx.course("HIPAA-101");
    fx.requirement("Onboarding", Fixtures.terms(course, LocalDate.of(2025, 1, 1)).build());
    WorkforceMember m = fx.hire(today(), "Front desk", "clerk");
    Assignment a = open(m).get(0);
    complete(a, 50);
    assertThat(open(m)).extracting(Assignment::id).containsExactly(a.id());
    clock.advance(Duration.ofHours(1)); // the retake, later the same day
    complete(a, 85);
    assertThat(open(m)).isEmpty();
    assertThat(tp.completions().forMember(fx.officer(), m.id()))
        .extracting(c -> c.passed())
        .containsExactly(false, true);
  }

  @Test
  void retrainingAfterAMaterialChangeReachesExactlyTheAffectedRoles() {
    Policy security = fx.policy("SEC", LocalDate.of(2025, 1, 1));
    Course course = fx.course("SEC-101", security);
    fx.requirement(
        "Security",
        Fixtures.terms(course, LocalDate.of(2025, 1, 1))
            .audience(Audience.roles("nurse", "it", "clerk"))
            .retrainWithinDays(30)
            .build());
    WorkforceMember nurse = fx.hire(today(), "ICU", "nurse");
    WorkforceMember it = fx.hire(today(), "IT", "it");
    WorkforceMember clerk = fx.hire(today(), "Front", "clerk");
    WorkforceMember cook = fx.hire(today(), "Kitchen", "cook");
    for (WorkforceMember m : List.of(nurse, it, clerk)) {
      complete(open(m).get(0), 100);
    }
    moveTo(LocalDate.of(2026, 3, 1));
    PolicyVersion change = fx.materialChange(security, LocalDate.of(2026, 3, 15), "nurse", "it");

    for (WorkforceMember m : List.of(nurse, it)) {
      assertThat(open(m))
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.reason()).isEqualTo(AssignmentReason.POLICY_CHANGE);
                assertThat(a.policyVersion()).isEqualTo(change.id());
                assertThat(a.dueOn()).isEqualTo(LocalDate.of(2026, 4, 14));
              });
    }
    assertThat(open(clerk)).isEmpty();
    assertThat(open(cook)).isEmpty();

    // Publishing again is impossible and re-running the engine changes nothing.
    assertThat(tp.scheduler().sweep().created()).isZero();
    // Completing retraining on content that teaches the change records the new version as covered
    // (issue 20: content released before the change was published no longer counts as covering it).
    fx.reviseCourse(course, "2", security);
    complete(open(nurse).get(0), 100);
    assertThat(tp.completions().forMember(fx.officer(), nurse.id()).get(1).policyVersions())
        .contains(change.id());
  }

  /**
   * Publishing says what it decided: retraining assigned, members active in each affected role, and
   * a role nobody holds (a typo, "nures") named as unknown, in the result and the audit entry.
   */
  @Test
  void publishingAMaterialVersionSaysWhatItDecidedAndNamesRolesNobodyHolds() {
    Policy security = fx.policy("SEC", LocalDate.of(2025, 1, 1));
    Course course = fx.course("SEC-101", security);
    fx.requirement(
        "Security", Fixtures.terms(course, LocalDate.of(2025, 1, 1)).retrainWithinDays(30).build());
    fx.hire(today(), "ICU", "nurse");
    fx.hire(today(), "ICU", "nurse");
    fx.hire(today(), "IT", "it");
    PolicyService.Publication outcome =
        tp.policies()
            .publishWithOutcome(
                fx.officer(),
                security.id(),
                new PolicyService.NewVersion(
                    LocalDate.of(2026, 2, 1),
                    Fixtures.sha256("SEC v2"),
                    "New rules",
                    true,
                    Set.of("nurse", "nures")));
    assertThat(outcome.retrainingAssigned()).isEqualTo(2);
    assertThat(outcome.activeMembersByRole()).containsExactly(entry("nures", 0), entry("nurse", 2));
    assertThat(outcome.unknownRoles()).containsExactly("nures");
    assertThat(
            tp
                .audit()
                .entries(fx.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
                .stream()
                .filter(e -> e.action().equals("POLICY_VERSION_PUBLISHED"))
                .reduce((a, b) -> b)
                .orElseThrow()
                .details())
        .containsEntry("unknownRoles", "nures");

    PolicyService.Publication everyone =
        tp.policies()
            .publishWithOutcome(
                fx.officer(),
                security.id(),
                new PolicyService.NewVersion(
                    LocalDate.of(2026, 3, 1),
                    Fixtures.sha256("SEC v3"),
                    "Editorial",
                    false,
                    Set.of()));
    assertThat(everyone.retrainingAssigned()).isZero();
    assertThat(everyone.activeMembersByRole())
        .containsExactly(entry(PolicyService.Publication.ALL_ROLES, 3));
    assertThat(everyone.unknownRoles()).isEmpty();
  }

  /**
   * What the engine decides is assigned by the system, not by the officer whose call set it off;
   * the audit entry names that call and its caller. An assignment made by hand keeps its author.
   */
  @Test
  void theEngineAssignsAsTheSystemAndTheAuditEntryNamesWhatTriggeredIt() {
    Course course = fx.course("HIPAA-101");
    fx.requirement("Onboarding", Fixtures.terms(course, LocalDate.of(2025, 1, 1)).build());
    WorkforceMember m = fx.hire(today(), "Front desk", "clerk");
    Assignment onboarding = open(m).get(0);
    assertThat(onboarding.assignedBy()).isEqualTo("system");
    assertThat(onboarding.reason().description()).isEqualTo("onboarding of a new member");
    Map<String, String> facts =
        tp
            .audit()
            .entries(fx.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
            .stream()
            .filter(
                e ->
                    e.action().equals("ASSIGNMENT_CREATED")
                        && e.subjectId().equals(onboarding.id().toString()))
            .findFirst()
            .orElseThrow()
            .details();
    assertThat(facts)
        .containsEntry("trigger", "MEMBER_HIRE")
        .containsEntry("triggeredBy", fx.officer().id());
    Assignment byHand =
        tp.assignments()
            .assign(
                fx.officer(),
                new AssignmentService.ManualAssignment(
                    m.id(), course.id(), today().plusDays(5), false, "refresher"));
    assertThat(byHand.assignedBy()).isEqualTo(fx.officer().id());
  }

  @Test
  void aMemberAlreadyTrainedOnTheNewVersionIsNotRetrained() {
    Policy security = fx.policy("SEC", LocalDate.of(2025, 1, 1));
    Course course = fx.course("SEC-101", security);
    fx.requirement(
        "Security", Fixtures.terms(course, LocalDate.of(2025, 1, 1)).retrainWithinDays(30).build());
    WorkforceMember nurse = fx.hire(today(), "ICU", "nurse");
    // The change is published first, effective later; the member then trains on it.
    PolicyVersion change = fx.materialChange(security, LocalDate.of(2026, 2, 1));
    Assignment retrain =
        open(nurse).stream()
            .filter(a -> a.reason() == AssignmentReason.POLICY_CHANGE)
            .findFirst()
            .orElseThrow();
    complete(retrain, 100);
    assertThat(open(nurse)).isEmpty();
    assertThat(tp.completions().forMember(fx.officer(), nurse.id()).get(0).policyVersions())
        .containsExactly(change.id());
  }

  @Test
  void fixedAnnualCycleWithMidYearHires() {
    Course course = fx.course("ANNUAL");
    fx.requirement(
        "Annual",
        Fixtures.terms(course, LocalDate.of(2025, 1, 1))
            .initialDueDays(30)
            .recurrence(Recurrence.fixedDate(MonthDay.of(1, 31)), Period.ofDays(30))
            .minimumActive(Period.ofMonths(6))
            .build());
    WorkforceMember january = fx.hire(today(), "Clinic", "nurse");
    complete(
        open(january).get(0), 100); // completed 2026-01-05: next fixed date at least 6 months later
    moveTo(LocalDate.of(2026, 7, 20));
    WorkforceMember july = fx.hire(today(), "Clinic", "nurse");
    complete(
        open(july).get(0), 100); // completed 2026-07-20: 2027-01-31 is only ~6.4 months away: ok

    moveTo(LocalDate.of(2027, 1, 1)); // window opens 2027-01-01 for the 2027-01-31 due date
    tp.scheduler().sweep();
    assertThat(open(january))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.reason()).isEqualTo(AssignmentReason.PERIODIC);
              assertThat(a.dueOn()).isEqualTo(LocalDate.of(2027, 1, 31));
            });
    assertThat(open(july))
        .singleElement()
        .satisfies(a -> assertThat(a.dueOn()).isEqualTo(LocalDate.of(2027, 1, 31)));

    // A hire in December completes onboarding too close to the fixed date: joins a year later.
    moveTo(LocalDate.of(2027, 12, 10));
    WorkforceMember december = fx.hire(today(), "Clinic", "nurse");
    complete(open(december).get(0), 100);
    moveTo(LocalDate.of(2028, 1, 5));
    tp.scheduler().sweep();
    assertThat(open(december)).isEmpty();
    assertThat(tp.status().forMember(fx.officer(), december.id(), today()))
        .singleElement()
        .satisfies(s -> assertThat(s.validUntil()).isEqualTo(LocalDate.of(2029, 1, 31)));
  }

  @Test
  void leaveAndReturnExtendsOpenAssignmentsByTheLengthOfTheLeave() {
    Course course = fx.course("HIPAA-101");
    fx.requirement(
        "Onboarding", Fixtures.terms(course, LocalDate.of(2025, 1, 1)).initialDueDays(30).build());
    WorkforceMember m = fx.hire(today(), "ICU", "nurse");
    Assignment a = open(m).get(0);
    LocalDate leaveStart = today().plusDays(10);
    tp.workforce().startLeave(fx.officer(), m.id(), leaveStart);
    moveTo(leaveStart.plusDays(40));
    // On leave: the requirement does not apply, so nothing is overdue.
    assertThat(tp.status().forMember(fx.officer(), m.id(), today())).isEmpty();
    tp.workforce().returnFromLeave(fx.officer(), m.id(), today());
    Assignment extended = tp.assignments().get(fx.officer(), a.id());
    assertThat(extended.currentDueOn()).isEqualTo(a.dueOn().plusDays(40));
    assertThat(extended.dueChanges())
        .singleElement()
        .satisfies(c -> assertThat(c.approvedBy()).isEqualTo("system"));
    assertThat(tp.status().overall(fx.officer(), m.id(), today()))
        .isEqualTo(ComplianceStatus.DUE_SOON);
    // Before the leave, the original due date stood.
    assertThat(tp.assignments().get(fx.officer(), a.id()).dueOn(leaveStart)).isEqualTo(a.dueOn());
  }

  @Test
  void roleChangeMidCycleAssignsNewRequirementsAndCancelsOnesNoLongerRequired() {
    Course privacy = fx.course("PRIV");
    Course security = fx.course("IT-SEC");
    Requirement clinical =
        fx.requirement(
            "Clinical",
            Fixtures.terms(privacy, LocalDate.of(2025, 1, 1))
                .audience(Audience.roles("nurse"))
                .build());
    Requirement itReq =
        fx.requirement(
            "IT",
            Fixtures.terms(security, LocalDate.of(2025, 1, 1))
                .audience(Audience.roles("it"))
                .initialDueDays(14)
                .build());
    WorkforceMember m = fx.hire(today(), "ICU", "nurse");
    Assignment nurseAssignment = open(m).get(0);
    moveTo(today().plusDays(5));
    tp.workforce()
        .change(fx.officer(), m.id(), WorkforceService.MemberChange.roles(today(), Set.of("it")));

    Assignment cancelled = tp.assignments().get(fx.officer(), nurseAssignment.id());
    assertThat(cancelled.state()).isEqualTo(AssignmentState.CANCELLED);
    assertThat(cancelled.closure().reason()).contains("no longer");
    assertThat(open(m))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.requirement()).isEqualTo(itReq.id());
              assertThat(a.reason()).isEqualTo(AssignmentReason.ROLE_CHANGE);
              assertThat(a.dueOn()).isEqualTo(today().plusDays(14));
            });
    // As of the day before the change, the clinical requirement still applied and was open.
    assertThat(tp.status().forRequirement(fx.officer(), clinical.id(), today().minusDays(1)))
        .singleElement()
        .satisfies(s -> assertThat(s.openAssignment()).isEqualTo(nurseAssignment.id()));
  }

  @Test
  void renewalFromCompletionOpensItsWindowAndExpiresWithoutIt() {
    Course course = fx.course("ANNUAL");
    fx.requirement(
        "Annual",
        Fixtures.terms(course, LocalDate.of(2025, 1, 1))
            .recurrence(
                Recurrence.every(Period.ofYears(1), Recurrence.CountFrom.COMPLETION),
                Period.ofDays(60))
            .graceDays(7)
            .build());
    WorkforceMember m = fx.hire(today(), "ICU", "nurse");
    complete(open(m).get(0), 100);
    LocalDate expiry = today().plusYears(1);
    moveTo(expiry.minusDays(61));
    assertThat(tp.scheduler().sweep().created()).isZero();
    moveTo(expiry.minusDays(60));
    assertThat(tp.scheduler().sweep().created()).isEqualTo(1);
    assertThat(tp.scheduler().sweep().created()).isZero();
    assertThat(open(m)).singleElement().satisfies(a -> assertThat(a.dueOn()).isEqualTo(expiry));
    // Still valid with the window open: "due for renewal", saying the window's dates (issue 20),
    // until the renewal is due soon.
    assertThat(tp.status().forMember(fx.officer(), m.id(), expiry.minusDays(45)))
        .singleElement()
        .satisfies(
            st -> {
              assertThat(st.status()).isEqualTo(ComplianceStatus.DUE_FOR_RENEWAL);
              assertThat(st.status().inCompliance()).isTrue();
              assertThat(st.openedOn()).isEqualTo(expiry.minusDays(60));
              assertThat(st.dueOn()).isEqualTo(expiry);
              assertThat(st.validUntil()).isEqualTo(expiry);
            });
    assertThat(tp.status().overall(fx.officer(), m.id(), expiry.minusDays(61)))
        .isEqualTo(ComplianceStatus.COMPLIANT);
    assertThat(tp.status().overall(fx.officer(), m.id(), expiry))
        .isEqualTo(ComplianceStatus.DUE_SOON);
    assertThat(tp.status().overall(fx.officer(), m.id(), expiry.plusDays(1)))
        .isEqualTo(ComplianceStatus.EXPIRED);
    // Past the grace period it still reads expired (issue 20: a lapsed renewal read "overdue", so
    // an auditor asking who holds an expired certification did not see the word), with the date
    // it expired, which stays after the lapse.
    assertThat(tp.status().overall(fx.officer(), m.id(), expiry.plusDays(8)))
        .isEqualTo(ComplianceStatus.EXPIRED);
    assertThat(tp.status().forMember(fx.officer(), m.id(), expiry.plusDays(8)))
        .singleElement()
        .satisfies(
            st -> {
              assertThat(st.validUntil()).isEqualTo(expiry);
              assertThat(st.lastCompletedOn()).isNotNull();
            });
  }

  @Test
  void aMemberWhoNeverCompletedIsOverdueNotExpired() {
    Course course = fx.course("ONCE");
    fx.requirement(
        "Onboarding", Fixtures.terms(course, LocalDate.of(2025, 1, 1)).graceDays(7).build());
    WorkforceMember m = fx.hire(today(), "ICU", "nurse");
    LocalDate due = open(m).get(0).dueOn();
    var late = tp.status().forMember(fx.officer(), m.id(), due.plusDays(8));
    assertThat(late)
        .singleElement()
        .satisfies(
            st -> {
              assertThat(st.status()).isEqualTo(ComplianceStatus.OVERDUE);
              assertThat(st.validUntil()).isNull();
              assertThat(st.lastCompletedOn()).isNull();
            });
  }

  @Test
  void terminationCancelsOpenAssignmentsAndNothingIsAssignedAfterwards() {
    Course course = fx.course("HIPAA-101");
    fx.requirement("Onboarding", Fixtures.terms(course, LocalDate.of(2025, 1, 1)).build());
    WorkforceMember m = fx.hire(today(), "ICU", "nurse");
    tp.workforce().terminate(fx.officer(), m.id(), today().plusDays(3));
    assertThat(tp.assignments().forMember(fx.officer(), m.id()))
        .singleElement()
        .satisfies(a -> assertThat(a.state()).isEqualTo(AssignmentState.CANCELLED));
    moveTo(today().plusYears(2));
    assertThat(tp.scheduler().sweep().created()).isZero();
    fx.requirement("Another", Fixtures.terms(fx.course("X"), today()).build());
    assertThat(open(m)).isEmpty();
  }
}
