package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.ForbiddenException;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.attestation.AttestationService;
import io.trainproof.core.attestation.AttestationState;
import io.trainproof.core.attestation.AttestationStatus;
import io.trainproof.core.domain.Attestation;
import io.trainproof.core.domain.AttestationMethod;
import io.trainproof.core.domain.AttestationTrigger;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.policy.PolicyService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Attestations: requested on publication per policy setting, recorded as evidence, status as of any
 * date.
 */
class AttestationTest {
  static final ZoneId ZONE = ZoneId.of("Asia/Kathmandu");
  static final LocalDate TODAY = LocalDate.of(2026, 5, 4);
  SettableClock clock;
  Trainproof tp;
  Fixtures fx;
  WorkforceMember nurse;
  WorkforceMember clerk;
  Actor nurseSelf;

  @BeforeEach
  void setUp() {
    clock = SettableClock.at(ZonedDateTime.of(TODAY.atTime(10, 0), ZONE).toInstant());
    tp =
        Trainproof.builder()
            .store(new InMemoryStore())
            .clock(clock)
            .credentialIssuer(new StubIssuer())
            .build();
    fx = Fixtures.organization(tp, ZONE);
    nurse = fx.hire(TODAY.minusDays(100), "ICU", "nurse");
    clerk = fx.hire(TODAY.minusDays(100), "Front", "clerk");
    nurseSelf = new Actor("u-nurse", ActorRole.MEMBER, fx.org().id(), nurse.id());
  }

  private Policy policy(String code, AttestationTrigger trigger, Audience audience) {
    return tp.policies()
        .create(fx.officer(), new PolicyService.NewPolicy(code, code, audience, trigger, 14, null));
  }

  private PolicyVersion publish(Policy p, LocalDate effective, boolean material) {
    return tp.policies()
        .publish(
            fx.officer(),
            p.id(),
            new PolicyService.NewVersion(
                effective, Fixtures.sha256(p.code() + effective), "change", material, Set.of()));
  }

  private List<AttestationStatus> of(WorkforceMember m) {
    return tp.attestations()
        .forMember(fx.officer(), m.id(), LocalDate.ofInstant(clock.instant(), ZONE));
  }

  @Test
  void publicationRequestsAttestationsFromThePolicysAudiencePerItsSetting() {
    Policy every = policy("EVERY", AttestationTrigger.EVERY_VERSION, Audience.roles("nurse"));
    Policy material = policy("MATERIAL", AttestationTrigger.MATERIAL_ONLY, Audience.everyone());
    Policy none = policy("NONE", AttestationTrigger.NONE, Audience.everyone());
    PolicyVersion e1 = publish(every, TODAY, false);
    publish(material, TODAY, false);
    publish(none, TODAY, true);
    assertThat(of(nurse)).extracting(s -> s.attestation().policyVersion()).containsExactly(e1.id());
    assertThat(of(clerk)).isEmpty();
    PolicyVersion m2 = publish(material, TODAY.plusDays(10), true);
    assertThat(of(clerk))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.attestation().policyVersion()).isEqualTo(m2.id());
              assertThat(s.attestation().dueOn()).isEqualTo(TODAY.plusDays(24));
              assertThat(s.attestation().automatic()).isTrue();
              assertThat(s.state()).isEqualTo(AttestationState.PENDING);
            });
  }

  @Test
  void aRecordedAttestationKeepsTheStatementItsHashesAndItsSeal() {
    Policy p = policy("PRIV", AttestationTrigger.EVERY_VERSION, Audience.everyone());
    PolicyVersion v = publish(p, TODAY, false);
    Attestation request = of(nurse).get(0).attestation();
    String statement = "I have read and will follow PRIV version 1.";
    Attestation attested =
        tp.attestations()
            .record(
                nurseSelf,
                new AttestationService.Submission(
                    request.id(), statement, AttestationMethod.TYPED_NAME, "A. Nurse", null));
    Attestation.Evidence e = attested.evidence();
    assertThat(e.statementText()).isEqualTo(statement);
    assertThat(e.statementSha256()).isEqualTo(Fixtures.sha256(statement));
    assertThat(e.policyTextSha256()).isEqualTo(v.textSha256());
    assertThat(e.typedName()).isEqualTo("A. Nurse");
    assertThat(e.actorId()).isEqualTo("u-nurse");
    assertThat(e.credentialJson()).contains(e.statementSha256());
    assertThat(of(nurse))
        .singleElement()
        .satisfies(s -> assertThat(s.state()).isEqualTo(AttestationState.ATTESTED));
    List<AuditEntry> audit =
        tp.audit().entries(fx.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
    assertThat(audit)
        .last()
        .satisfies(
            entry -> {
              assertThat(entry.action()).isEqualTo("ATTESTATION_RECORDED");
              assertThat(entry.details())
                  .containsEntry("statementSha256", e.statementSha256())
                  .containsEntry("recordHash", e.recordHash());
            });
    assertThat(tp.audit().verify(fx.officer()).intact()).isTrue();
  }

  @Test
  void anOfficerAttestsOnBehalfOnlyWithAJustificationAndAMemberOnlyForThemself() {
    Policy p = policy("PRIV", AttestationTrigger.EVERY_VERSION, Audience.everyone());
    publish(p, TODAY, false);
    Attestation nurseRequest = of(nurse).get(0).attestation();
    Attestation clerkRequest = of(clerk).get(0).attestation();
    assertThatThrownBy(
            () ->
                tp.attestations()
                    .record(
                        nurseSelf,
                        new AttestationService.Submission(
                            clerkRequest.id(),
                            "I have read it.",
                            AttestationMethod.CLICK_THROUGH,
                            null,
                            null)))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(
            () ->
                tp.attestations()
                    .record(
                        fx.officer(),
                        new AttestationService.Submission(
                            nurseRequest.id(),
                            "I have read it.",
                            AttestationMethod.ON_BEHALF,
                            null,
                            " ")))
        .isInstanceOfSatisfying(
            ValidationException.class, ex -> assertThat(ex.field()).isEqualTo("justification"));
    Attestation onBehalf =
        tp.attestations()
            .record(
                fx.officer(),
                new AttestationService.Submission(
                    nurseRequest.id(),
                    "I have read it.",
                    AttestationMethod.ON_BEHALF,
                    null,
                    "signed a paper copy on 2026-05-01"));
    assertThat(onBehalf.evidence().justification()).isEqualTo("signed a paper copy on 2026-05-01");
  }

  @Test
  void statusIsPendingThenOverdueThenSupersededAsOfAnyDate() {
    Policy p = policy("PRIV", AttestationTrigger.EVERY_VERSION, Audience.everyone());
    publish(p, TODAY, false);
    clock.set(ZonedDateTime.of(TODAY.plusDays(30).atTime(10, 0), ZONE).toInstant());
    PolicyVersion v2 = publish(p, TODAY.plusDays(40), true);
    Attestation first =
        tp.attestations().forMember(fx.officer(), nurse.id(), TODAY).get(0).attestation();
    assertThat(AttestationStatus.of(first, TODAY.plusDays(5), TODAY.plusDays(40)).state())
        .isEqualTo(AttestationState.PENDING);
    assertThat(tp.attestations().forMember(fx.officer(), nurse.id(), TODAY.plusDays(20)))
        .filteredOn(s -> s.attestation().id().equals(first.id()))
        .singleElement()
        .satisfies(s -> assertThat(s.state()).isEqualTo(AttestationState.OVERDUE));
    assertThat(tp.attestations().forMember(fx.officer(), nurse.id(), TODAY.plusDays(40)))
        .filteredOn(s -> s.attestation().id().equals(first.id()))
        .singleElement()
        .satisfies(s -> assertThat(s.state()).isEqualTo(AttestationState.SUPERSEDED));
    assertThat(tp.attestations().forVersion(fx.officer(), v2.id(), TODAY.plusDays(30))).hasSize(2);
  }

  @Test
  void attestingASupersededOrFutureVersionOrAnEmptyStatementIsRefused() {
    Policy p = policy("PRIV", AttestationTrigger.EVERY_VERSION, Audience.everyone());
    publish(p, TODAY.minusDays(50), false);
    Attestation old = of(nurse).get(0).attestation();
    PolicyVersion future = publish(p, TODAY.plusDays(20), true);
    Attestation upcoming =
        tp.attestations().forMember(fx.officer(), nurse.id(), TODAY).stream()
            .filter(s -> s.attestation().policyVersion().equals(future.id()))
            .findFirst()
            .orElseThrow()
            .attestation();
    assertThatThrownBy(
            () ->
                tp.attestations()
                    .record(
                        nurseSelf,
                        new AttestationService.Submission(
                            upcoming.id(),
                            "I have read it.",
                            AttestationMethod.CLICK_THROUGH,
                            null,
                            null)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("policyVersion");
              assertThat(e.getMessage()).contains("future");
            });
    clock.set(ZonedDateTime.of(TODAY.plusDays(21).atTime(10, 0), ZONE).toInstant());
    assertThatThrownBy(
            () ->
                tp.attestations()
                    .record(
                        nurseSelf,
                        new AttestationService.Submission(
                            old.id(),
                            "I have read it.",
                            AttestationMethod.CLICK_THROUGH,
                            null,
                            null)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.getMessage()).contains("superseded"));
    assertThatThrownBy(
            () ->
                tp.attestations()
                    .record(
                        nurseSelf,
                        new AttestationService.Submission(
                            upcoming.id(), "   ", AttestationMethod.CLICK_THROUGH, null, null)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("statementText"));
    assertThatThrownBy(
            () ->
                tp.attestations()
                    .record(
                        nurseSelf,
                        new AttestationService.Submission(
                            Id.random(),
                            "I have read it.",
                            AttestationMethod.CLICK_THROUGH,
                            null,
                            null)))
        .isInstanceOf(NotFoundException.class);
    assertThat(tp.attestations().forMember(fx.officer(), nurse.id(), TODAY.plusDays(21)))
        .allSatisfy(s -> assertThat(s.attestation().evidence()).isNull());
  }

  @Test
  void newHiresAreAskedToAttestThePoliciesInForce() {
    Policy p = policy("PRIV", AttestationTrigger.MATERIAL_ONLY, Audience.roles("nurse"));
    PolicyVersion v = publish(p, TODAY.minusDays(10), false);
    WorkforceMember hire = fx.hire(TODAY, "ICU", "nurse");
    assertThat(of(hire))
        .singleElement()
        .satisfies(s -> assertThat(s.attestation().policyVersion()).isEqualTo(v.id()));
  }
}
