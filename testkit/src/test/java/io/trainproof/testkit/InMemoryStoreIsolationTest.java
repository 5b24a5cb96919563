package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.ConflictException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.course.CourseService;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Certification;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Notification;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.RecordKind;
import io.trainproof.core.domain.RegulatoryTopic;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.external.CertificationService;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.policy.PolicyService;
import io.trainproof.core.retention.RetentionService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two organizations in one in-memory store, with the same kinds of records each: every read is
 * scoped to its organization (example-based; {@link TenantIsolationPropertyTest} does the same over
 * random operations), and a failed transaction leaves nothing behind.
 */
class InMemoryStoreIsolationTest {
  static final ZoneId ZONE = ZoneId.of("Europe/Madrid");
  static final LocalDate START = LocalDate.of(2019, 1, 7);
  static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

  SettableClock clock;
  InMemoryStore store;
  Trainproof tp;
  Org a;
  Org b;

  /** One organization's records. */
  record Org(
      Fixtures fx,
      Policy policy,
      Course course,
      WorkforceMember member,
      Completion completion,
      Certificate certificate) {}

  @BeforeEach
  void setUp() {
    clock = SettableClock.at(ZonedDateTime.of(START.atTime(9, 0), ZONE).toInstant());
    store = new InMemoryStore();
    tp =
        Trainproof.builder()
            .store(store)
            .clock(clock)
            .credentialIssuer(new StubIssuer())
            .notificationSink(n -> {})
            .build();
    a = populate();
    b = populate();
  }

  Org populate() {
    Fixtures fx = Fixtures.organization(tp, ZONE);
    Policy policy = fx.policy("PRIV", START.minusYears(1));
    Course course = fx.course("HIPAA", policy);
    tp.courses()
        .release(
            fx.officer(),
            course.id(),
            new CourseService.NewVersion("2", Set.of(policy.id()), Set.of(), 70, true, null));
    fx.requirement("R", Fixtures.terms(course, START.minusYears(1)).build());
    WorkforceMember m = fx.hire(START, "D", "nurse");
    Completion c =
        tp.completions()
            .record(
                fx.officer(),
                CompletionService.Request.inApp(
                    tp.assignments().forMember(fx.officer(), m.id()).get(0).id(), START, 90, "o"))
            .completion();
    tp.certifications()
        .defineKind(fx.officer(), "CHPC", "Privacy professional", Set.of(course.id()));
    tp.certifications()
        .record(
            fx.officer(),
            new CertificationService.NewCertification(
                m.id(), "CHPC", "Body", "late", START.minusMonths(1), null, null, null));
    tp.certifications()
        .record(
            fx.officer(),
            new CertificationService.NewCertification(
                m.id(), "CHPC", "Body", "early", START.minusMonths(6), null, null, null));
    tp.certifications()
        .record(
            fx.officer(),
            new CertificationService.NewCertification(
                m.id(), "CHPC", "Body", "middle", START.minusMonths(3), null, null, null));
    tp.documentation()
        .decide(
            fx.officer(),
            RegulatoryTopic.LOG_IN_MONITORING,
            true,
            "In the annual course",
            null,
            START);
    tp.documentation()
        .recordReview(
            fx.officer(), policy.id(), START, "Still accurate", false, START.plusYears(1));
    tp.securityReminders()
        .send(fx.officer(), "Phishing", "Check links", "email", Audience.everyone(), false);
    tp.retention().placeHold(fx.officer(), "Matter", null, null, START.minusYears(5));
    tp.notifications().dispatch();
    Certificate cert = tp.certificates().forMember(fx.officer(), m.id()).get(0);
    return new Org(fx, policy, course, m, c, cert);
  }

  @Test
  void everyListReadReturnsOnlyTheCallersOrganization() {
    for (Org o : List.of(a, b)) {
      var officer = o.fx().officer();
      assertThat(tp.policies().list(officer))
          .extracting(Policy::id)
          .containsExactly(o.policy().id());
      assertThat(tp.courses().list(officer))
          .extracting(Course::id)
          .containsExactly(o.course().id());
      assertThat(tp.requirements().list(officer)).hasSize(1);
      assertThat(tp.certifications().kinds(officer))
          .hasSize(1)
          .allSatisfy(k -> assertThat(k.organization()).isEqualTo(o.fx().org().id()));
      assertThat(tp.documentation().decisions(officer)).hasSize(1);
      assertThat(tp.documentation().reviews(officer, o.policy().id())).hasSize(1);
      assertThat(tp.securityReminders().log(officer, START, START)).hasSize(1);
      assertThat(tp.retention().holds(officer)).hasSize(1);
      assertThat(outbox(o))
          .isNotEmpty()
          .allSatisfy(n -> assertThat(n.organization()).isEqualTo(o.fx().org().id()));
    }
    assertThat(outbox(a)).hasSameSizeAs(outbox(b));
  }

  List<Notification> outbox(Org o) {
    return store.inTransaction(tx -> tx.outbox().between(o.fx().org().id(), Instant.EPOCH, FAR));
  }

  @Test
  void certificatesAndCertificationsAreFoundOnlyInTheirOrganization() {
    store.inTransaction(
        tx -> {
          assertThat(
                  tx.certificates()
                      .findByCode(a.fx().org().id(), a.certificate().verificationCode()))
              .isPresent();
          assertThat(
                  tx.certificates()
                      .findByCode(a.fx().org().id(), b.certificate().verificationCode()))
              .isEmpty();
          assertThat(tx.certificates().forMember(a.fx().org().id(), b.member().id())).isEmpty();
          assertThat(tx.certificates().forMember(b.fx().org().id(), b.member().id())).hasSize(1);
          Map<Id<WorkforceMember>, List<Certification>> held =
              tx.certifications()
                  .forMembers(a.fx().org().id(), List.of(a.member().id(), b.member().id()));
          assertThat(held.get(b.member().id())).isEmpty();
          // Oldest first, as the repository promises.
          assertThat(held.get(a.member().id()))
              .extracting(Certification::credentialId)
              .containsExactly("early", "middle", "late");
          return null;
        });
  }

  @Test
  void tombstonesAreListedForTheirOrganizationOnly() {
    clock.set(ZonedDateTime.of(START.plusYears(7).atTime(9, 0), ZONE).toInstant());
    RetentionService.PurgeReport report =
        tp.retention()
            .purge(
                a.fx().officer(),
                new RetentionService.PurgeRequest(
                    Set.of(RecordKind.COMPLETION), a.member().id(), null));
    assertThat(report.tombstones()).hasSize(1);
    assertThat(tp.retention().tombstones(a.fx().officer())).hasSize(1);
    assertThat(tp.retention().tombstones(b.fx().officer())).isEmpty();
  }

  @Test
  void aPolicyCodeIsUniqueWithinAnOrganizationOnly() {
    assertThatThrownBy(
            () ->
                tp.policies().create(a.fx().officer(), PolicyService.NewPolicy.of("PRIV", "Again")))
        .isInstanceOf(ConflictException.class);
    assertThat(
            tp.policies()
                .create(a.fx().officer(), PolicyService.NewPolicy.of("SEC", "Security"))
                .code())
        .isEqualTo("SEC");
  }

  @Test
  void aFailedTransactionRestoresDeletedRowsAndTombstonedAuditEntries() {
    var org = a.fx().org().id();
    AuditEntry first = store.inTransaction(tx -> tx.audit().range(org, 1, 1)).get(0);
    assertThatThrownBy(
            () ->
                store.inTransaction(
                    tx -> {
                      tx.completions().delete(org, a.completion().id());
                      tx.audit().replaceWithTombstone(first.toTombstone());
                      throw new IllegalStateException("crash before commit");
                    }))
        .isInstanceOf(IllegalStateException.class);
    Optional<Completion> kept =
        store.inTransaction(tx -> tx.completions().find(org, a.completion().id()));
    assertThat(kept).isPresent();
    List<AuditEntry> restored = store.inTransaction(tx -> tx.audit().range(org, 1, 1));
    assertThat(restored).containsExactly(first);
    assertThat(tp.audit().verify(a.fx().officer()).problems()).isEmpty();
    // Tombstoning an entry that does not exist is a conflict, also just past the end.
    long size = store.inTransaction(tx -> tx.audit().range(org, 1, Long.MAX_VALUE)).size();
    AuditEntry beyond =
        new AuditEntry(
            org,
            size + 1,
            first.at(),
            "",
            "",
            "PURGED",
            "",
            "",
            new TreeMap<>(),
            first.previousHash(),
            first.hash(),
            true);
    assertThatThrownBy(
            () ->
                store.inTransaction(
                    tx -> {
                      tx.audit().replaceWithTombstone(beyond);
                      return null;
                    }))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void aMemberIsSweptOncePerDay() {
    assertThat(tp.scheduler().sweep().members()).isEqualTo(2);
    assertThat(tp.scheduler().sweep().members()).isZero();
    // Members hired after the sweep are swept the same day, and only they.
    for (int i = 0; i < 6; i++) {
      a.fx().hire(START, "D", "nurse");
    }
    assertThat(tp.scheduler().sweep().members()).isEqualTo(6);
    assertThat(tp.scheduler().sweep().members()).isZero();
    // The next day the full sweep visits everyone again (the incremental sweep, what sweep()
    // runs, visits only those with something due: see IncrementalSweepPropertiesTest), once.
    clock.set(ZonedDateTime.of(START.plusDays(1).atTime(9, 0), ZONE).toInstant());
    assertThat(tp.scheduler().sweep(true).members()).isEqualTo(8);
    assertThat(tp.scheduler().sweep(true).members()).isZero();
    assertThat(tp.scheduler().sweep().members()).isZero();
  }
}
