package io.trainproof.reliability;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.Trainproof;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Attestation;
import io.trainproof.core.domain.AttestationTrigger;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.CertificationKind;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.LegalHold;
import io.trainproof.core.domain.Notification;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.SecurityReminder;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.notification.NotificationSink;
import io.trainproof.core.policy.PolicyService;
import io.trainproof.core.spi.CredentialIssuer;
import io.trainproof.core.spi.Store;
import io.trainproof.signing.OrganizationIssuer;
import io.trainproof.signing.SigningCredentialIssuer;
import io.trainproof.signing.key.InMemoryKeyProvider;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.testkit.Fixtures;
import io.trainproof.testkit.SettableClock;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One organization with one of everything, built through the public API: a policy members attest
 * to, a course that issues signed certificates, an annual requirement, a manager and their report,
 * a clerk under a legal hold, a member who left in 2018 (so their records may be purged), a
 * security reminder, a certification kind, completions and certificates, and pending outbox
 * messages. Its clock starts in 2018 and stands on {@link #TODAY} once built. Not thread-safe.
 */
final class World {
  static final ZoneId ZONE = ZoneId.of("America/Chicago");
  static final LocalDate LONG_AGO = LocalDate.of(2018, 2, 1);
  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

  final SettableClock clock = SettableClock.at(at(LONG_AGO));
  final Ledger ledger = new Ledger();
  final Trainproof tp;
  final Fixtures fx;
  final Actor officer;
  final Policy privacy;
  final PolicyVersion privacyV1;
  final Course hipaa;
  final Requirement annual;
  final WorkforceMember leaver;
  final WorkforceMember manager;
  final WorkforceMember nurse;
  final WorkforceMember clerk;
  final SecurityReminder reminder;
  final CertificationKind kind;
  final LegalHold hold;

  World(Store store) {
    tp =
        Trainproof.builder()
            .store(store)
            .clock(clock)
            .credentialIssuer(issuer(clock))
            .notificationSink(ledger)
            .build();
    fx = Fixtures.organization(tp, ZONE);
    officer = fx.officer();
    privacy =
        tp.policies()
            .create(
                officer,
                new PolicyService.NewPolicy(
                    "PRIV",
                    "Privacy",
                    Audience.everyone(),
                    AttestationTrigger.EVERY_VERSION,
                    30,
                    null));
    privacyV1 =
        tp.policies()
            .publish(
                officer,
                privacy.id(),
                new PolicyService.NewVersion(
                    LONG_AGO.minusDays(30),
                    Fixtures.sha256("privacy v1"),
                    "Initial",
                    false,
                    Set.of()));
    hipaa = fx.course("HIPAA", privacy);
    annual =
        fx.requirement(
            "Annual HIPAA",
            Fixtures.terms(hipaa, LONG_AGO.minusDays(30))
                .recurrence(
                    Recurrence.every(Period.ofYears(1), Recurrence.CountFrom.COMPLETION),
                    Period.ofDays(60))
                .build());
    leaver = fx.hire(LONG_AGO, "Billing", "clerk");
    tp.completions()
        .record(
            officer,
            CompletionService.Request.inApp(openOf(leaver).id(), LONG_AGO, 91, "officer-1"));
    tp.workforce().terminate(officer, leaver.id(), LONG_AGO.plusDays(10));

    clock.set(at(TODAY));
    manager = fx.hire(TODAY.minusDays(20), "ICU", WorkforceType.EMPLOYEE, null, "lead");
    nurse = fx.hire(TODAY.minusDays(20), "ICU", WorkforceType.EMPLOYEE, manager.id(), "nurse");
    clerk = fx.hire(TODAY.minusDays(20), "Billing", WorkforceType.CONTRACTOR, null, "clerk");
    tp.completions()
        .record(
            officer,
            CompletionService.Request.inApp(
                openOf(nurse).id(), TODAY.minusDays(1), 95, "officer-1"));
    reminder =
        tp.securityReminders()
            .send(
                officer, "Phishing", "Report suspicious mail", "email", Audience.everyone(), true);
    kind =
        tp.certifications()
            .defineKind(officer, "CHPS", "HIPAA privacy certification", Set.of(hipaa.id()));
    hold = tp.retention().placeHold(officer, "Matter 1", clerk.id(), null, null);
  }

  static Instant at(LocalDate date) {
    return ZonedDateTime.of(date.atTime(10, 0), ZONE).toInstant();
  }

  static CredentialIssuer issuer(SettableClock clock) {
    SigningKey key =
        SigningKey.generate(
            KeyAlgorithm.ED25519, "did:web:clinic.example.org#key-1", new SecureRandom());
    IssuerKeyHistory history =
        IssuerKeyHistory.start(
            "did:web:clinic.example.org",
            key.keyId(),
            key.publicKey(),
            at(LONG_AGO).minusSeconds(86_400));
    InMemoryKeyProvider keys = new InMemoryKeyProvider().add(key);
    return SigningCredentialIssuer.builder()
        .issuers(org -> OrganizationIssuer.of(history, keys))
        .statusListBaseUrl("https://clinic.example.org/status")
        .clock(clock)
        .build();
  }

  Assignment openOf(WorkforceMember member) {
    return tp.assignments().forMember(officer, member.id()).stream()
        .filter(Assignment::isOpen)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no open assignment for " + member.id()));
  }

  Attestation pendingAttestationOf(WorkforceMember member) {
    return tp.attestations().forMember(officer, member.id(), TODAY).stream()
        .map(s -> s.attestation())
        .filter(a -> a.evidence() == null)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no pending attestation for " + member.id()));
  }

  Certificate certificateOf(WorkforceMember member) {
    List<Certificate> certificates = tp.certificates().forMember(officer, member.id());
    if (certificates.isEmpty()) {
      throw new AssertionError("no certificate for " + member.id());
    }
    return certificates.get(0);
  }

  /** The same member acting for themself. */
  Actor self(WorkforceMember member) {
    return new Actor("u-" + member.externalId(), ActorRole.MEMBER, fx.org().id(), member.id());
  }

  /**
   * The host's sink: records every delivery by idempotency key, as a real sink would to drop the
   * repeats the outbox contract allows after a crash between delivery and its record. Thread-safe.
   */
  static final class Ledger implements NotificationSink {
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    @Override
    public void deliver(Notification notification) {
      deliveries
          .computeIfAbsent(
              notification.organization() + "/" + notification.idempotencyKey(),
              k -> new AtomicInteger())
          .incrementAndGet();
    }

    /**
     * @return idempotency key to the number of times the sink was offered it
     */
    Map<String, Integer> deliveries() {
      Map<String, Integer> copy = new TreeMap<>();
      deliveries.forEach((k, v) -> copy.put(k, v.get()));
      return copy;
    }

    void clear() {
      deliveries.clear();
    }
  }
}
