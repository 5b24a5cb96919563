package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.IntegrityException;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Attestation;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.LegalHold;
import io.trainproof.core.domain.Notification;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.RecordKind;
import io.trainproof.core.domain.RegulatoryTopic;
import io.trainproof.core.domain.Tombstone;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.policy.PolicyService;
import io.trainproof.core.retention.RetainedRecord;
import io.trainproof.core.retention.RetentionService.PurgeReport;
import io.trainproof.core.retention.RetentionService.PurgeRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Legal holds and purges as an auditor sees them, with example dates (the properties in {@link
 * RetentionPropertiesTest} cover the same rules over random dates).
 */
class RetentionServiceTest {
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final LocalDate START = LocalDate.of(2020, 3, 2);

  /** Six years (the minimum retention) after START. */
  static final LocalDate KEPT_UNTIL = LocalDate.of(2026, 3, 2);

  static final Set<RecordKind> MEMBER_RECORDS =
      Set.of(RecordKind.COMPLETION, RecordKind.ASSIGNMENT, RecordKind.NOTIFICATION);

  SettableClock clock;
  Trainproof tp;
  Fixtures fx;
  List<Notification> sent;
  WorkforceMember leaver;
  WorkforceMember stayer;
  Assignment leaversAssignment;
  Completion leaversCompletion;

  @BeforeEach
  void setUp() {
    clock = SettableClock.at(on(START));
    sent = new ArrayList<>();
    tp =
        Trainproof.builder()
            .store(new InMemoryStore())
            .clock(clock)
            .notificationSink(sent::add)
            .build();
    fx = Fixtures.organization(tp, ZONE);
    fx.requirement("R", Fixtures.terms(fx.course("C"), START.minusYears(1)).build());
    leaver = fx.hire(START, "D", "nurse");
    stayer = fx.hire(START, "D", "nurse");
    leaversAssignment = tp.assignments().forMember(fx.officer(), leaver.id()).get(0);
    leaversCompletion =
        tp.completions()
            .record(
                fx.officer(),
                CompletionService.Request.inApp(leaversAssignment.id(), START, 90, "o"))
            .completion();
    assertThat(tp.notifications().dispatch().delivered()).isEqualTo(2); // one ASSIGNED notice each
  }

  /**
   * Every organization record the six-year rule covers answers "kept until": six years after the
   * later of its creation and the last day it was in effect, and nothing while it is in effect.
   */
  @Test
  void policyVersionsDecisionsReviewsRemindersAndMemberRecordsSayUntilWhenTheyAreKept() {
    Policy privacy = fx.policy("PRIV", START);
    tp.documentation()
        .decide(
            fx.officer(),
            RegulatoryTopic.MALWARE_PROTECTION,
            true,
            "Covered by the course",
            null,
            START);
    LocalDate later = LocalDate.of(2021, 1, 10);
    clock.set(on(later));
    tp.policies()
        .publish(
            fx.officer(),
            privacy.id(),
            new PolicyService.NewVersion(
                LocalDate.of(2021, 2, 1),
                Fixtures.sha256("PRIV v2"),
                "Editorial",
                false,
                Set.of()));
    tp.documentation()
        .decide(
            fx.officer(),
            RegulatoryTopic.MALWARE_PROTECTION,
            false,
            "Endpoint protection instead",
            "EDR on every workstation",
            later);
    tp.documentation().recordReview(fx.officer(), privacy.id(), later, "Still right", false, null);
    tp.securityReminders()
        .send(fx.officer(), "Phishing", "Check the sender", "email", Audience.everyone(), false);
    tp.workforce().terminate(fx.officer(), leaver.id(), later);

    Map<String, RetainedRecord> byDescription = new TreeMap<>();
    for (RetainedRecord r : tp.retention().organizationRecords(fx.officer())) {
      byDescription.put(r.description(), r);
    }
    assertThat(byDescription.get("policy PRIV version 1").keptUntil())
        .isEqualTo(LocalDate.of(2027, 1, 31)); // last in effect the day before version 2
    assertThat(byDescription.get("policy PRIV version 2").keptUntil()).isNull(); // in effect
    assertThat(byDescription.get("decision 1 on 45 CFR 164.308(a)(5)(ii)(B)").keptUntil())
        .isEqualTo(LocalDate.of(2027, 1, 9));
    assertThat(byDescription.get("decision 2 on 45 CFR 164.308(a)(5)(ii)(B)").lastInEffectOn())
        .isNull();
    assertThat(byDescription.get("review of policy PRIV on 2021-01-10").keptUntil())
        .isEqualTo(LocalDate.of(2027, 1, 10));
    assertThat(byDescription.get("security reminder sent on 2021-01-10").keptUntil())
        .isEqualTo(LocalDate.of(2027, 1, 10));
    assertThat(byDescription.get("workforce member " + leaver.externalId()).keptUntil())
        .isEqualTo(LocalDate.of(2027, 1, 10));
    assertThat(byDescription.get("workforce member " + stayer.externalId()).keptUntil()).isNull();
    assertThat(byDescription.values())
        .extracting(RetainedRecord::kind)
        .containsOnly(
            RetainedRecord.Kind.POLICY_VERSION,
            RetainedRecord.Kind.ADDRESSABLE_DECISION,
            RetainedRecord.Kind.POLICY_REVIEW,
            RetainedRecord.Kind.SECURITY_REMINDER,
            RetainedRecord.Kind.WORKFORCE_MEMBER);
  }

  static Instant on(LocalDate date) {
    return ZonedDateTime.of(date.atTime(9, 0), ZONE).toInstant();
  }

  List<AuditEntry> audit() {
    return tp.audit().entries(fx.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
  }

  AuditEntry lastAudit(String action) {
    return audit().stream()
        .filter(e -> e.action().equals(action))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  @Test
  void aHoldIsListedAuditedWithItsScopeAndReleasedOnce() {
    LegalHold hold =
        tp.retention().placeHold(fx.officer(), "Smith v Clinic", leaver.id(), START, KEPT_UNTIL);
    assertThat(tp.retention().holds(fx.officer()))
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.id()).isEqualTo(hold.id());
              assertThat(h.matter()).isEqualTo("Smith v Clinic");
              assertThat(h.member()).isEqualTo(leaver.id());
              assertThat(h.active()).isTrue();
            });
    AuditEntry placed = lastAudit("LEGAL_HOLD_PLACED");
    assertThat(placed.subjectId()).isEqualTo(hold.id().toString());
    assertThat(placed.details())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "matter",
                "Smith v Clinic",
                "member",
                leaver.id().toString(),
                "from",
                START.toString(),
                "to",
                KEPT_UNTIL.toString()));

    clock.advance(Duration.ofDays(1));
    LegalHold released = tp.retention().releaseHold(fx.officer(), hold.id());
    assertThat(released.active()).isFalse();
    assertThat(released.releasedBy()).isEqualTo(fx.officer().id());
    assertThat(released.releasedAt()).isEqualTo(clock.instant());
    assertThat(tp.retention().holds(fx.officer()))
        .singleElement()
        .satisfies(h -> assertThat(h.active()).isFalse());
    assertThat(lastAudit("LEGAL_HOLD_RELEASED").details())
        .containsExactlyEntriesOf(Map.of("matter", "Smith v Clinic"));

    assertThatThrownBy(() -> tp.retention().releaseHold(fx.officer(), hold.id()))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("hold"));
    assertThatThrownBy(() -> tp.retention().releaseHold(fx.officer(), Id.random()))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.entity()).isEqualTo("LegalHold"));
  }

  @Test
  void anOrganizationWideHoldRecordsOnlyItsMatterAndAnOpenEndedOneItsStart() {
    tp.retention().placeHold(fx.officer(), "Everything", null, null, null);
    assertThat(lastAudit("LEGAL_HOLD_PLACED").details())
        .containsExactlyEntriesOf(Map.of("matter", "Everything"));
    tp.retention().placeHold(fx.officer(), "From March", null, START, null);
    assertThat(lastAudit("LEGAL_HOLD_PLACED").details())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("matter", "From March", "from", START.toString()));
    tp.retention().placeHold(fx.officer(), "Until March", null, null, START);
    assertThat(lastAudit("LEGAL_HOLD_PLACED").details())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("matter", "Until March", "to", START.toString()));
    assertThat(tp.retention().holds(fx.officer()))
        .hasSize(3)
        .allSatisfy(h -> assertThat(h.member()).isNull());
  }

  @Test
  void aHoldNeedsAnOrderedPeriodAndAKnownMember() {
    assertThatThrownBy(
            () -> tp.retention().placeHold(fx.officer(), "M", null, START, START.minusDays(1)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
    assertThat(tp.retention().placeHold(fx.officer(), "One day", null, START, START).to())
        .isEqualTo(START);
    assertThatThrownBy(() -> tp.retention().placeHold(fx.officer(), "M", Id.random(), null, null))
        .isInstanceOf(NotFoundException.class);
    assertThat(tp.retention().holds(fx.officer())).hasSize(1);
  }

  @Test
  void aPurgeRequestNeedsKindsAndAMemberOrADateAndAuditEntriesGoByDateOnly() {
    assertRefusedRequest(new PurgeRequest(Set.of(), leaver.id(), START), "request");
    assertRefusedRequest(new PurgeRequest(MEMBER_RECORDS, null, null), "request");
    assertRefusedRequest(
        new PurgeRequest(Set.of(RecordKind.AUDIT_ENTRY), leaver.id(), START), "request.member");
    assertRefusedRequest(
        new PurgeRequest(Set.of(RecordKind.AUDIT_ENTRY), leaver.id(), null), "request.member");
    // A member alone, or a date alone, is enough for member records.
    clock.set(on(KEPT_UNTIL.plusDays(1)));
    assertThat(
            tp.retention()
                .purge(
                    fx.officer(),
                    new PurgeRequest(Set.of(RecordKind.COMPLETION), leaver.id(), null))
                .purged())
        .containsExactlyEntriesOf(Map.of(RecordKind.COMPLETION, 1));
    assertThat(
            tp.retention()
                .purge(
                    fx.officer(),
                    new PurgeRequest(Set.of(RecordKind.COMPLETION), null, START.plusDays(1)))
                .purged())
        .isEmpty();
  }

  void assertRefusedRequest(PurgeRequest request, String field) {
    assertThatThrownBy(() -> tp.retention().purge(fx.officer(), request))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void recordsInsideTheirWindowAreKeptAndNothingIsRemoved() {
    clock.set(on(KEPT_UNTIL));
    PurgeRequest request = new PurgeRequest(MEMBER_RECORDS, leaver.id(), null);
    assertThatThrownBy(() -> tp.retention().purge(fx.officer(), request))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("3 of 3 matching records")
        .hasMessageContaining("is kept until " + KEPT_UNTIL);
    assertLeaverRecordsIntact();
  }

  @Test
  void anOpenAssignmentOrAnUndeliveredMessageIsStillInEffect() {
    clock.set(on(KEPT_UNTIL.plusYears(1)));
    assertThatThrownBy(
            () ->
                tp.retention()
                    .purge(
                        fx.officer(),
                        new PurgeRequest(Set.of(RecordKind.ASSIGNMENT), stayer.id(), null)))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining(
            "ASSIGNMENT "
                + tp.assignments().forMember(fx.officer(), stayer.id()).get(0).id()
                + " is still in effect");
    assertThat(tp.assignments().forMember(fx.officer(), stayer.id())).hasSize(1);
  }

  @Test
  void aHoldOnTheMemberBlocksThePurgeUntilReleased() {
    clock.set(on(KEPT_UNTIL.plusDays(1)));
    LegalHold hold =
        tp.retention().placeHold(fx.officer(), "Smith v Clinic", leaver.id(), null, null);
    PurgeRequest request = new PurgeRequest(MEMBER_RECORDS, leaver.id(), null);
    assertThatThrownBy(() -> tp.retention().purge(fx.officer(), request))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("is under legal hold 'Smith v Clinic'");
    assertLeaverRecordsIntact();

    // A hold on someone else, or a released one, does not block.
    tp.retention().placeHold(fx.officer(), "Other", stayer.id(), null, null);
    tp.retention().releaseHold(fx.officer(), hold.id());
    PurgeReport report = tp.retention().purge(fx.officer(), request);

    assertThat(report.purged())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(RecordKind.COMPLETION, 1, RecordKind.ASSIGNMENT, 1, RecordKind.NOTIFICATION, 1));
    assertThat(report.tombstones())
        .extracting(Tombstone::kind, Tombstone::subjectId)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                RecordKind.COMPLETION, leaversCompletion.id().toString()),
            org.assertj.core.groups.Tuple.tuple(
                RecordKind.ASSIGNMENT, leaversAssignment.id().toString()));
    assertThat(report.tombstones())
        .allSatisfy(
            t -> {
              assertThat(t.retentionUntil()).isEqualTo(KEPT_UNTIL);
              assertThat(t.purgedAt()).isEqualTo(clock.instant());
              assertThat(t.purgedBy()).isEqualTo(fx.officer().id());
            });
    assertThat(tp.retention().tombstones(fx.officer()))
        .containsExactlyInAnyOrderElementsOf(report.tombstones());
    assertThat(tp.completions().forMember(fx.officer(), leaver.id())).isEmpty();
    assertThat(tp.assignments().forMember(fx.officer(), leaver.id())).isEmpty();
    assertThat(tp.retention().retentionDates(fx.officer(), leaver.id())).isEmpty();
    assertThat(lastAudit("RECORDS_PURGED").details())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("COMPLETION", "1", "ASSIGNMENT", "1", "NOTIFICATION", "1"));
    // The other member's records are untouched.
    assertThat(tp.assignments().forMember(fx.officer(), stayer.id())).hasSize(1);
    assertThat(tp.retention().retentionDates(fx.officer(), stayer.id()))
        .containsOnlyKeys(RecordKind.NOTIFICATION);
  }

  @Test
  void aPurgeByDateLeavesLaterRecordsAlone() {
    // The other member completes three years later: that record is newer than the cut-off.
    clock.set(on(START.plusYears(3)));
    Assignment stayers = tp.assignments().forMember(fx.officer(), stayer.id()).get(0);
    tp.completions()
        .record(
            fx.officer(),
            CompletionService.Request.inApp(stayers.id(), START.plusYears(3), 95, "o"));
    clock.set(on(KEPT_UNTIL.plusDays(1)));
    PurgeReport report =
        tp.retention()
            .purge(
                fx.officer(),
                new PurgeRequest(Set.of(RecordKind.COMPLETION), null, START.plusDays(1)));
    assertThat(report.purged()).containsExactlyEntriesOf(Map.of(RecordKind.COMPLETION, 1));
    assertThat(report.tombstones())
        .singleElement()
        .satisfies(t -> assertThat(t.subjectId()).isEqualTo(leaversCompletion.id().toString()));
    assertThat(tp.completions().forMember(fx.officer(), leaver.id())).isEmpty();
    assertThat(tp.completions().forMember(fx.officer(), stayer.id()))
        .singleElement()
        .satisfies(c -> assertThat(c.completedOn()).isEqualTo(START.plusYears(3)));
    // Assignments created before the date are candidates too; the stayer's closed three years
    // ago and is still kept, so the whole purge is refused.
    assertThatThrownBy(
            () ->
                tp.retention()
                    .purge(
                        fx.officer(),
                        new PurgeRequest(Set.of(RecordKind.ASSIGNMENT), null, START.plusDays(1))))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("1 of 2 matching records");
    assertThat(tp.assignments().forMember(fx.officer(), leaver.id())).hasSize(1);
  }

  @Test
  void oldAuditEntriesBecomeTombstonesAndTheChainStillVerifies() {
    List<AuditEntry> before = audit();
    long lastOfFirstDay =
        before.stream()
            .filter(e -> !e.at().isAfter(on(START).plusSeconds(3600)))
            .mapToLong(AuditEntry::sequence)
            .max()
            .orElseThrow();
    clock.set(on(START.plusDays(1)));
    tp.retention().placeHold(fx.officer(), "Later", null, START.plusYears(10), null);
    assertThatThrownBy(
            () ->
                tp.retention()
                    .purge(
                        fx.officer(),
                        new PurgeRequest(Set.of(RecordKind.AUDIT_ENTRY), null, START.plusDays(1))))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("is kept until " + KEPT_UNTIL);

    clock.set(on(KEPT_UNTIL.plusDays(1)));
    PurgeReport report =
        tp.retention()
            .purge(
                fx.officer(),
                new PurgeRequest(Set.of(RecordKind.AUDIT_ENTRY), null, START.plusDays(1)));
    assertThat(report.purged())
        .containsExactlyEntriesOf(Map.of(RecordKind.AUDIT_ENTRY, (int) lastOfFirstDay));
    List<AuditEntry> after = audit();
    assertThat(after)
        .filteredOn(e -> e.sequence() <= lastOfFirstDay)
        .allSatisfy(
            e -> {
              assertThat(e.tombstone()).isTrue();
              assertThat(e.action()).isEqualTo("PURGED");
            });
    assertThat(after)
        .filteredOn(e -> e.sequence() > lastOfFirstDay)
        .noneSatisfy(e -> assertThat(e.tombstone()).isTrue());
    assertThat(lastAudit("AUDIT_PURGED").details())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("fromSequence", "1", "toSequence", String.valueOf(lastOfFirstDay)));
    assertThat(tp.audit().verify(fx.officer()).problems()).isEmpty();
    // Purging again finds only tombstones, which are not purged twice.
    assertThat(
            tp.retention()
                .purge(
                    fx.officer(),
                    new PurgeRequest(Set.of(RecordKind.AUDIT_ENTRY), null, START.plusDays(1)))
                .purged())
        .isEmpty();
    assertThat(audit()).filteredOn(e -> e.action().equals("AUDIT_PURGED")).hasSize(1);
  }

  void assertLeaverRecordsIntact() {
    assertThat(tp.completions().forMember(fx.officer(), leaver.id())).hasSize(1);
    assertThat(tp.assignments().forMember(fx.officer(), leaver.id())).hasSize(1);
    assertThat(tp.retention().tombstones(fx.officer())).isEmpty();
    assertThat(audit()).extracting(AuditEntry::action).doesNotContain("RECORDS_PURGED");
  }

  @Test
  void anAttestationIsKeptWhileItsPolicyVersionIsInEffectAndSixYearsAfter() {
    Policy p = fx.policy("PRIV", START.minusYears(1));
    PolicyVersion v1 = tp.policies().versions(fx.officer(), p.id()).get(0);
    Attestation asked =
        tp.attestations().request(fx.officer(), leaver.id(), v1.id(), START.plusDays(7));
    PurgeRequest request = new PurgeRequest(Set.of(RecordKind.ATTESTATION), leaver.id(), null);
    clock.set(on(KEPT_UNTIL.plusYears(1)));
    assertThatThrownBy(() -> tp.retention().purge(fx.officer(), request))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("ATTESTATION " + asked.id() + " is still in effect");
    tp.policies().retire(fx.officer(), p.id(), KEPT_UNTIL.plusYears(1));
    assertThat(tp.retention().retentionDates(fx.officer(), leaver.id()).get(RecordKind.ATTESTATION))
        .containsExactlyEntriesOf(Map.of(asked.id().toString(), KEPT_UNTIL.plusYears(7)));
    assertThatThrownBy(() -> tp.retention().purge(fx.officer(), request))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("is kept until " + KEPT_UNTIL.plusYears(7));
    clock.set(on(KEPT_UNTIL.plusYears(7).plusDays(1)));
    assertThat(tp.retention().purge(fx.officer(), request).purged())
        .containsExactlyEntriesOf(Map.of(RecordKind.ATTESTATION, 1));
    assertThat(tp.retention().retentionDates(fx.officer(), leaver.id()))
        .doesNotContainKey(RecordKind.ATTESTATION);
    // Requested before a date: a cut-off before the request leaves nothing to purge.
    assertThat(
            tp.retention()
                .purge(
                    fx.officer(),
                    new PurgeRequest(Set.of(RecordKind.ATTESTATION), leaver.id(), START))
                .purged())
        .isEmpty();
  }
}
