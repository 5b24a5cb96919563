package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.attestation.AttestationService;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.course.CourseService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Attestation;
import io.trainproof.core.domain.AttestationMethod;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Notification;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.RecordKind;
import io.trainproof.core.domain.RegulatoryTopic;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.policy.PolicyService;
import io.trainproof.core.retention.RetainedRecord;
import io.trainproof.core.retention.RetentionService.PurgeRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every record kind the six-year rule (45 CFR 164.316(b)(2)(i)) covers answers "kept until" through
 * the public API, one test per kind: six years after the later of the day it was created and the
 * last day it was in effect, and no date while it is in effect. Dates are examples in a zone west
 * of UTC, so a record written in the evening belongs to that local day.
 */
class RetainedRecordsTest {
  static final ZoneId ZONE = ZoneId.of("America/Denver");
  static final LocalDate START = LocalDate.of(2020, 3, 2);
  static final LocalDate LATER = LocalDate.of(2021, 1, 10);

  SettableClock clock;
  Trainproof tp;
  Fixtures fx;
  List<Notification> sent;
  Policy privacy;
  Course course;
  WorkforceMember nurse;

  @BeforeEach
  void setUp() {
    clock = SettableClock.at(on(START));
    sent = new ArrayList<>();
    tp =
        Trainproof.builder()
            .store(new InMemoryStore())
            .clock(clock)
            .credentialIssuer(new StubIssuer())
            .notificationSink(sent::add)
            .build();
    fx = Fixtures.organization(tp, ZONE);
    privacy = fx.policy("PRIV", START);
    course = fx.course("PRIV-101", privacy);
    fx.requirement("Privacy", Fixtures.terms(course, START.minusYears(1)).build());
    nurse = fx.hire(START, "ICU", "nurse");
  }

  static Instant on(LocalDate date) {
    return ZonedDateTime.of(date.atTime(19, 0), ZONE).toInstant();
  }

  RetainedRecord organizationRecord(RetainedRecord.Kind kind, String id) {
    return tp.retention().organizationRecords(fx.officer()).stream()
        .filter(r -> r.kind() == kind && r.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  RetainedRecord memberRecord(RetainedRecord.Kind kind, String id) {
    return tp.retention().memberRecords(fx.officer(), nurse.id()).stream()
        .filter(r -> r.kind() == kind && r.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  static void assertKept(
      RetainedRecord r,
      LocalDate createdOn,
      LocalDate lastInEffectOn,
      LocalDate keptUntil,
      String description) {
    assertThat(r.createdOn()).as("created: %s", r).isEqualTo(createdOn);
    assertThat(r.lastInEffectOn()).as("last in effect: %s", r).isEqualTo(lastInEffectOn);
    assertThat(r.keptUntil()).as("kept until: %s", r).isEqualTo(keptUntil);
    assertThat(r.description()).isEqualTo(description);
  }

  static void assertInEffect(RetainedRecord r) {
    assertThat(r.lastInEffectOn()).as("last in effect: %s", r).isNull();
    assertThat(r.keptUntil()).as("kept until: %s", r).isNull();
  }

  @Test
  void aPolicyVersionIsKeptSixYearsAfterItsLastDayInEffect() {
    PolicyVersion v1 = tp.policies().versions(fx.officer(), privacy.id()).get(0);
    assertInEffect(organizationRecord(RetainedRecord.Kind.POLICY_VERSION, v1.id().toString()));
    clock.set(on(LATER));
    PolicyVersion v2 =
        tp.policies()
            .publish(
                fx.officer(),
                privacy.id(),
                new PolicyService.NewVersion(
                    LocalDate.of(2021, 2, 1), Fixtures.sha256("v2"), "Editorial", false, Set.of()));
    // Version 1 was last in effect the day before version 2 took effect.
    assertKept(
        organizationRecord(RetainedRecord.Kind.POLICY_VERSION, v1.id().toString()),
        START,
        LocalDate.of(2021, 1, 31),
        LocalDate.of(2027, 1, 31),
        "policy PRIV version 1");
    // Retired: last in effect on its last day, counted from there.
    tp.policies().retire(fx.officer(), privacy.id(), LocalDate.of(2022, 6, 30));
    assertKept(
        organizationRecord(RetainedRecord.Kind.POLICY_VERSION, v2.id().toString()),
        LATER,
        LocalDate.of(2022, 6, 30),
        LocalDate.of(2028, 6, 30),
        "policy PRIV version 2");
  }

  @Test
  void anAddressableDecisionIsKeptSixYearsAfterTheNextDecisionOnItsTopic() {
    tp.documentation()
        .decide(fx.officer(), RegulatoryTopic.PASSWORD_MANAGEMENT, true, "Taught", null, START);
    String first = onlyOrganizationRecord(RetainedRecord.Kind.ADDRESSABLE_DECISION).id();
    assertInEffect(organizationRecord(RetainedRecord.Kind.ADDRESSABLE_DECISION, first));
    clock.set(on(LATER));
    tp.documentation()
        .decide(
            fx.officer(),
            RegulatoryTopic.PASSWORD_MANAGEMENT,
            false,
            "Single sign-on instead",
            "SSO with hardware keys",
            LATER);
    assertKept(
        organizationRecord(RetainedRecord.Kind.ADDRESSABLE_DECISION, first),
        START,
        LATER.minusDays(1),
        LATER.minusDays(1).plusYears(6),
        "decision 1 on 45 CFR " + RegulatoryTopic.PASSWORD_MANAGEMENT.citation());
  }

  @Test
  void aPolicyReviewIsKeptSixYearsAfterTheReview() {
    clock.set(on(LATER));
    tp.documentation().recordReview(fx.officer(), privacy.id(), LATER, "Still right", false, null);
    RetainedRecord review = onlyOrganizationRecord(RetainedRecord.Kind.POLICY_REVIEW);
    assertKept(review, LATER, LATER, LATER.plusYears(6), "review of policy PRIV on 2021-01-10");
  }

  @Test
  void aSecurityReminderIsKeptSixYearsAfterItWasSent() {
    clock.set(on(LATER));
    tp.securityReminders()
        .send(fx.officer(), "Phishing", "Check the sender", "email", Audience.everyone(), false);
    RetainedRecord reminder = onlyOrganizationRecord(RetainedRecord.Kind.SECURITY_REMINDER);
    assertKept(reminder, LATER, LATER, LATER.plusYears(6), "security reminder sent on 2021-01-10");
  }

  @Test
  void aMemberRecordIsInEffectThroughALeaveAndKeptSixYearsAfterTermination() {
    clock.set(on(LATER));
    tp.workforce().startLeave(fx.officer(), nurse.id(), LATER);
    assertInEffect(organizationRecord(RetainedRecord.Kind.WORKFORCE_MEMBER, nurse.id().toString()));
    tp.workforce().terminate(fx.officer(), nurse.id(), LATER.plusDays(5));
    assertKept(
        organizationRecord(RetainedRecord.Kind.WORKFORCE_MEMBER, nurse.id().toString()),
        START,
        LATER.plusDays(5),
        LATER.plusDays(5).plusYears(6),
        "workforce member " + nurse.externalId());
  }

  @Test
  void anAssignmentIsInEffectWhileOpenAndKeptSixYearsAfterItClosed() {
    Assignment a = tp.assignments().forMember(fx.officer(), nurse.id()).get(0);
    assertInEffect(memberRecord(RetainedRecord.Kind.ASSIGNMENT, a.id().toString()));
    clock.set(on(START.plusDays(20)));
    tp.completions()
        .record(fx.officer(), CompletionService.Request.inApp(a.id(), START.plusDays(20), 90, "o"));
    assertKept(
        memberRecord(RetainedRecord.Kind.ASSIGNMENT, a.id().toString()),
        START,
        START.plusDays(20),
        START.plusDays(20).plusYears(6),
        "assignment (onboarding of a new member) due " + a.dueOn());
  }

  @Test
  void aCompletionIsKeptSixYearsAfterTheDayItWasRecorded() {
    Assignment a = tp.assignments().forMember(fx.officer(), nurse.id()).get(0);
    // Recorded on the 10th for training done on the 3rd: the record dates from the 10th.
    clock.set(on(START.plusDays(10)));
    Completion c =
        tp.completions()
            .record(
                fx.officer(), CompletionService.Request.inApp(a.id(), START.plusDays(1), 90, "o"))
            .completion();
    assertKept(
        memberRecord(RetainedRecord.Kind.COMPLETION, c.id().toString()),
        START.plusDays(10),
        START.plusDays(10),
        START.plusDays(10).plusYears(6),
        "completion of 2020-03-03");
    // The same date a purge goes by.
    assertThat(tp.retention().retentionDates(fx.officer(), nurse.id()).get(RecordKind.COMPLETION))
        .containsExactlyEntriesOf(Map.of(c.id().toString(), START.plusDays(10).plusYears(6)));
  }

  @Test
  void anAttestationIsKeptSixYearsAfterItsPolicyVersionLeftEffect() {
    PolicyVersion v1 = tp.policies().versions(fx.officer(), privacy.id()).get(0);
    Attestation asked =
        tp.attestations().request(fx.officer(), nurse.id(), v1.id(), START.plusDays(7));
    clock.set(on(START.plusDays(3)));
    tp.attestations()
        .record(
            new Actor("u-nurse", ActorRole.MEMBER, fx.org().id(), nurse.id()),
            new AttestationService.Submission(
                asked.id(), "I have read it.", AttestationMethod.CLICK_THROUGH, null, null));
    assertInEffect(memberRecord(RetainedRecord.Kind.ATTESTATION, asked.id().toString()));
    clock.set(on(LATER));
    tp.policies().retire(fx.officer(), privacy.id(), LATER.plusDays(1));
    assertKept(
        memberRecord(RetainedRecord.Kind.ATTESTATION, asked.id().toString()),
        START.plusDays(3),
        LATER.plusDays(1),
        LATER.plusDays(1).plusYears(6),
        "attestation of policy version 1, requested on 2020-03-02");
  }

  @Test
  void aCertificateIsInEffectWhileValidAndKeptSixYearsAfterRevocationOrExpiry() {
    clock.set(on(START.plusDays(1)));
    tp.courses()
        .release(
            fx.officer(),
            course.id(),
            new CourseService.NewVersion(
                "2", Set.of(privacy.id()), Set.of(), 70, true, null, Period.ofMonths(12)));
    Assignment a = tp.assignments().forMember(fx.officer(), nurse.id()).get(0);
    clock.set(on(START.plusDays(2)));
    tp.completions()
        .record(fx.officer(), CompletionService.Request.inApp(a.id(), START.plusDays(2), 90, "o"));
    Certificate cert = tp.certificates().forMember(fx.officer(), nurse.id()).get(0);
    assertThat(cert.validUntil()).isEqualTo(START.plusDays(2).plusMonths(12));
    String issued = "certificate " + cert.verificationCode() + " issued on 2020-03-04";
    assertInEffect(memberRecord(RetainedRecord.Kind.CERTIFICATE, cert.id().toString()));
    // Past its last valid date: last in effect that day.
    clock.set(on(START.plusDays(2).plusMonths(12).plusDays(1)));
    assertKept(
        memberRecord(RetainedRecord.Kind.CERTIFICATE, cert.id().toString()),
        START.plusDays(2),
        START.plusDays(2).plusMonths(12),
        START.plusDays(2).plusMonths(12).plusYears(6),
        issued);
    // Revoked later still: last in effect the day it was revoked.
    clock.set(on(LATER.plusMonths(3)));
    tp.certificates().revoke(fx.officer(), cert.id(), "issued in error");
    assertKept(
        memberRecord(RetainedRecord.Kind.CERTIFICATE, cert.id().toString()),
        START.plusDays(2),
        LATER.plusMonths(3),
        LATER.plusMonths(3).plusYears(6),
        issued);
  }

  @Test
  void aNotificationIsInEffectUntilDeliveredThenKeptSixYearsAfterItWasWritten() {
    List<RetainedRecord> notices =
        tp.retention().memberRecords(fx.officer(), nurse.id()).stream()
            .filter(r -> r.kind() == RetainedRecord.Kind.NOTIFICATION)
            .toList();
    assertThat(notices).singleElement().satisfies(RetainedRecordsTest::assertInEffect);
    clock.set(on(START.plusDays(1)));
    assertThat(tp.notifications().dispatch().delivered()).isEqualTo(1);
    assertKept(
        memberRecord(RetainedRecord.Kind.NOTIFICATION, notices.get(0).id()),
        START,
        START,
        START.plusYears(6),
        "notification written on 2020-03-02");
    assertThat(tp.retention().retentionDates(fx.officer(), nurse.id()).get(RecordKind.NOTIFICATION))
        .containsExactlyEntriesOf(Map.of(notices.get(0).id(), START.plusYears(6)));
  }

  @Test
  void everyAuditEntryIsKeptSixYearsAfterTheDayItWasWrittenAndPurgedOnesAreGone() {
    clock.set(on(LATER));
    tp.workforce().startLeave(fx.officer(), nurse.id(), LATER);
    Instant end = Instant.parse("2100-01-01T00:00:00Z");
    List<AuditEntry> entries = tp.audit().entries(fx.officer(), Instant.EPOCH, end);
    List<RetainedRecord> kept = tp.retention().auditRecords(fx.officer(), Instant.EPOCH, end);
    assertThat(kept)
        .extracting(RetainedRecord::id)
        .containsSubsequence(
            entries.stream().map(e -> String.valueOf(e.sequence())).toArray(String[]::new));
    for (RetainedRecord r : kept) {
      assertThat(r.kind()).isEqualTo(RetainedRecord.Kind.AUDIT_ENTRY);
      assertThat(r.keptUntil()).as("%s", r).isEqualTo(r.createdOn().plusYears(6));
      assertThat(r.lastInEffectOn()).isEqualTo(r.createdOn());
    }
    // Written at 19:00 in Denver, already the next day in UTC: the organization's day counts.
    assertThat(kept.get(0).createdOn()).isEqualTo(START);
    assertThat(kept).last().satisfies(r -> assertThat(r.createdOn()).isEqualTo(LATER));
    // Only the range asked for.
    assertThat(tp.retention().auditRecords(fx.officer(), on(LATER).minusSeconds(1), end))
        .extracting(RetainedRecord::createdOn)
        .containsOnly(LATER);

    clock.set(on(START.plusYears(6).plusDays(1)));
    tp.retention()
        .purge(
            fx.officer(),
            new PurgeRequest(Set.of(RecordKind.AUDIT_ENTRY), null, START.plusDays(1)));
    assertThat(tp.retention().auditRecords(fx.officer(), Instant.EPOCH, end))
        .extracting(RetainedRecord::createdOn)
        .doesNotContain(START);
    assertThatThrownBy(() -> tp.retention().auditRecords(fx.officer(), end, Instant.EPOCH))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
  }

  @Test
  void aMembersRecordsAgreeWithWhatAPurgeGoesBy() {
    Assignment a = tp.assignments().forMember(fx.officer(), nurse.id()).get(0);
    clock.set(on(START.plusDays(5)));
    tp.completions()
        .record(fx.officer(), CompletionService.Request.inApp(a.id(), START.plusDays(5), 90, "o"));
    tp.notifications().dispatch();
    Map<RecordKind, Map<String, LocalDate>> dates =
        tp.retention().retentionDates(fx.officer(), nurse.id());
    List<RetainedRecord> records = tp.retention().memberRecords(fx.officer(), nurse.id());
    int compared = 0;
    for (Map.Entry<RecordKind, Map<String, LocalDate>> kind : dates.entrySet()) {
      for (Map.Entry<String, LocalDate> d : kind.getValue().entrySet()) {
        assertThat(records)
            .filteredOn(r -> r.kind().name().equals(kind.getKey().name()))
            .filteredOn(r -> r.id().equals(d.getKey()))
            .singleElement()
            .satisfies(r -> assertThat(r.keptUntil()).isEqualTo(d.getValue()));
        compared++;
      }
    }
    assertThat(compared).isGreaterThanOrEqualTo(3); // assignment, completion, notification
    assertThat(records)
        .isSortedAccordingTo(
            Comparator.comparing(RetainedRecord::kind)
                .thenComparing(RetainedRecord::createdOn)
                .thenComparing(RetainedRecord::id));
  }

  /** The one organization record of a kind. */
  RetainedRecord onlyOrganizationRecord(RetainedRecord.Kind kind) {
    List<RetainedRecord> found =
        tp.retention().organizationRecords(fx.officer()).stream()
            .filter(r -> r.kind() == kind)
            .toList();
    assertThat(found).as("%s records", kind).hasSize(1);
    return found.get(0);
  }
}
