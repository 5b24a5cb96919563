package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.assignment.AssignmentService;
import io.trainproof.core.domain.AddressableDecision;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Attestation;
import io.trainproof.core.domain.AttestationTrigger;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.RegulatoryTopic;
import io.trainproof.core.domain.SecurityReminder;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.policy.PolicyService;
import io.trainproof.core.renewal.RenewalRunner;
import io.trainproof.core.renewal.RenewalScheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the audit trail says after an officer's day-to-day actions (manual assignments, extensions,
 * waivers, reminders, documentation), and sweeps over more than one batch.
 */
class OfficerActionsTrailTest {
  static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
  static final LocalDate TODAY = LocalDate.of(2026, 10, 1);

  SettableClock clock;
  Trainproof tp;
  Fixtures fx;
  Course course;
  WorkforceMember m;

  @BeforeEach
  void setUp() {
    clock = SettableClock.at(ZonedDateTime.of(TODAY.atTime(9, 0), ZONE).toInstant());
    tp = Trainproof.builder().store(new InMemoryStore()).clock(clock).build();
    fx = Fixtures.organization(tp, ZONE);
    course = fx.course("C");
    m = fx.hire(TODAY.minusYears(1), "D", "nurse");
  }

  AuditEntry last(String action) {
    return tp
        .audit()
        .entries(fx.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
        .stream()
        .filter(e -> e.action().equals(action))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  @Test
  void manualAssignmentsAndTheirExtensionsWaiversAndStartsAreAudited() {
    Assignment a =
        tp.assignments()
            .assign(
                fx.officer(),
                new AssignmentService.ManualAssignment(
                    m.id(), course.id(), TODAY.plusDays(14), true, "after an incident"));
    assertThat(last("ASSIGNMENT_CREATED").details())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "member",
                m.id().toString(),
                "course",
                course.id().toString(),
                "reason",
                a.reason().name(),
                "dueOn",
                TODAY.plusDays(14).toString(),
                "note",
                "after an incident"));
    tp.assignments().start(fx.officer(), a.id());
    assertThat(last("ASSIGNMENT_STARTED").details())
        .containsExactlyEntriesOf(Map.of("on", TODAY.toString()));
    tp.assignments().extend(fx.officer(), a.id(), TODAY.plusDays(30), "on night shifts");
    assertThat(last("ASSIGNMENT_EXTENDED").details())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "approver",
                fx.officer().id(),
                "reason",
                "on night shifts",
                "newDueOn",
                TODAY.plusDays(30).toString(),
                "previousDueOn",
                TODAY.plusDays(14).toString()));
    tp.assignments().waive(fx.officer(), a.id(), "trained elsewhere");
    AuditEntry waived = last("ASSIGNMENT_WAIVED");
    assertThat(waived.subjectId()).isEqualTo(a.id().toString());
    assertThat(waived.details())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "approver",
                fx.officer().id(),
                "reason",
                "trained elsewhere",
                "on",
                TODAY.toString()));
  }

  @Test
  void securityRemindersAreAuditedAndOnlyTheirRecipientsCanAcknowledge() {
    WorkforceMember clerk = fx.hire(TODAY.minusYears(1), "E", "clerk");
    SecurityReminder sent =
        tp.securityReminders()
            .send(
                fx.officer(),
                "Phishing",
                "Report suspicious mail",
                "email",
                Audience.roles("nurse"),
                true);
    assertThat(last("SECURITY_REMINDER_SENT").details())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "channel",
                "email",
                "contentSha256",
                Fixtures.sha256("Report suspicious mail"),
                "recipients",
                "1"));
    Actor asClerk = new Actor("u-clerk", ActorRole.MEMBER, fx.org().id(), clerk.id());
    assertThatThrownBy(() -> tp.securityReminders().acknowledge(asClerk, sent.id()))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("reminder"));
    Actor asNurse = new Actor("u-nurse", ActorRole.MEMBER, fx.org().id(), m.id());
    tp.securityReminders().acknowledge(asNurse, sent.id());
    assertThat(last("SECURITY_REMINDER_ACKNOWLEDGED").details())
        .containsExactlyEntriesOf(Map.of("member", m.id().toString()));
    // The log is by sending date.
    assertThat(tp.securityReminders().log(fx.officer(), TODAY, TODAY)).hasSize(1);
    assertThat(tp.securityReminders().log(fx.officer(), TODAY.plusDays(1), TODAY.plusDays(2)))
        .isEmpty();
    assertThat(tp.securityReminders().log(fx.officer(), TODAY.minusDays(2), TODAY.minusDays(1)))
        .isEmpty();
  }

  @Test
  void policyReviewsAndAddressableDecisionsAreAuditedAndNumberedPerTopic() {
    Policy p = fx.policy("PRIV", TODAY.minusYears(1));
    tp.documentation()
        .recordReview(
            fx.officer(), p.id(), TODAY, "Needs a new section", true, TODAY.plusMonths(6));
    assertThat(last("POLICY_REVIEWED").details())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "reviewedOn",
                TODAY.toString(),
                "changesNeeded",
                "true",
                "nextReviewDueOn",
                TODAY.plusMonths(6).toString()));
    tp.documentation()
        .decide(
            fx.officer(),
            RegulatoryTopic.LOG_IN_MONITORING,
            true,
            "In the annual course",
            null,
            TODAY);
    tp.documentation()
        .decide(
            fx.officer(),
            RegulatoryTopic.PASSWORD_MANAGEMENT,
            true,
            "In the annual course",
            null,
            TODAY);
    assertThat(tp.documentation().decisions(fx.officer()))
        .extracting(AddressableDecision::number)
        .containsExactly(1, 1);
    assertThat(last("ADDRESSABLE_DECISION_RECORDED").details())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("topic", "PASSWORD_MANAGEMENT", "number", "1", "implementedAsTraining", "true"));
  }

  @Test
  void oneSweepVisitsEveryMemberEvenBeyondOneBatch() {
    fx.requirement("R", Fixtures.terms(course, TODAY.minusYears(2)).build());
    for (int i = 0; i < 120; i++) {
      fx.hire(TODAY, "D", "nurse");
    }
    RenewalScheduler.SweepResult result = tp.scheduler().sweep();
    assertThat(result.members()).isEqualTo(121);
    assertThat(result.organizations()).isEqualTo(1);
    assertThat(tp.scheduler().sweep().members()).isZero();
  }

  @Test
  void aRunnerThatWasNeverStartedClosesQuietly() throws Exception {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      RenewalRunner runner =
          new RenewalRunner(
              () -> new RenewalScheduler.SweepResult(0, 0, 0), executor, Duration.ofHours(1));
      assertThatCode(runner::close).doesNotThrowAnyException();
      runner.start();
      runner.close();
      assertThatCode(runner::close).doesNotThrowAnyException();
    } finally {
      executor.shutdown();
      assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aManualAttestationRequestIsAuditedOnceAndRefusedForASupersededVersion() {
    Policy p =
        tp.policies()
            .create(
                fx.officer(),
                new PolicyService.NewPolicy(
                    "PRIV", "Privacy", Audience.everyone(), AttestationTrigger.NONE, 14, null));
    PolicyVersion v1 =
        tp.policies()
            .publish(
                fx.officer(),
                p.id(),
                new PolicyService.NewVersion(
                    TODAY.minusDays(10), Fixtures.sha256("v1"), "first", false, Set.of()));
    Attestation asked = tp.attestations().request(fx.officer(), m.id(), v1.id(), TODAY.plusDays(7));
    assertThat(last("ATTESTATION_REQUESTED").details())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "member",
                m.id().toString(),
                "policyVersion",
                v1.id().toString(),
                "dueOn",
                TODAY.plusDays(7).toString(),
                "automatic",
                "false"));
    // Asking again returns the same request and writes nothing new.
    long entries =
        tp.audit()
            .entries(fx.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
            .size();
    assertThat(tp.attestations().request(fx.officer(), m.id(), v1.id(), TODAY.plusDays(9)).id())
        .isEqualTo(asked.id());
    assertThat(
            tp.audit().entries(fx.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")))
        .hasSize((int) entries);
    tp.policies()
        .publish(
            fx.officer(),
            p.id(),
            new PolicyService.NewVersion(TODAY, Fixtures.sha256("v2"), "second", false, Set.of()));
    WorkforceMember other = fx.hire(TODAY.minusYears(1), "D", "nurse");
    assertThatThrownBy(
            () -> tp.attestations().request(fx.officer(), other.id(), v1.id(), TODAY.plusDays(7)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("policyVersion"));
  }
}
