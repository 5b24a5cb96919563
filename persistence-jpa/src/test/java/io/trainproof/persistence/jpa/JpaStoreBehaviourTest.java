package io.trainproof.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Actor;
import io.trainproof.core.ConflictException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.core.domain.DueDateChange;
import io.trainproof.core.domain.EvidenceFile;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.Provenance;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.spi.AssignmentCountQuery;
import io.trainproof.core.spi.Transaction;
import io.trainproof.core.workforce.WorkforceService;
import io.trainproof.testkit.Fixtures;
import io.trainproof.testkit.SettableClock;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the storage contract cannot see from outside a store: the schema and its validation,
 * rollback when the database itself refuses a statement mid-way or at commit, lost updates detected
 * by the version column, claims that skip each other's locked rows, and a host's own entity manager
 * factory. Run once per database by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("database")
abstract class JpaStoreBehaviourTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:30:00.654321Z");

  private TestDatabase database;
  private JpaStore store;
  private org.opentest4j.TestAbortedException unavailable;

  /**
   * @return the database under test
   */
  abstract SqlDialect dialect();

  @BeforeAll
  void start() {
    try {
      database = TestDatabase.create(dialect());
      store = database.newStore();
    } catch (org.opentest4j.TestAbortedException e) {
      unavailable = e;
    }
  }

  /** Skips test by test when the server is missing, so the report counts every skipped test. */
  @org.junit.jupiter.api.BeforeEach
  void requireDatabase() {
    if (unavailable != null) {
      throw unavailable;
    }
  }

  @AfterAll
  void stop() throws SQLException {
    if (store != null) {
      store.close();
    }
    if (database != null) {
      database.close();
    }
  }

  private <T> T read(Function<Transaction, T> work) {
    return store.inTransaction(work);
  }

  private Organization newOrg() {
    Organization org =
        new Organization(Id.random(), "Org", ZoneId.of("America/St_Johns"), Period.ofYears(6), T0);
    store.inTransaction(
        tx -> {
          tx.organizations().insert(org);
          return null;
        });
    return org;
  }

  private WorkforceMember hire(Organization org, String externalId) {
    return store.inTransaction(
        tx ->
            tx.members()
                .insert(
                    new WorkforceMember(
                        Id.random(),
                        org.id(),
                        externalId,
                        "N",
                        LocalDate.of(2026, 1, 1),
                        List.of(
                            new MemberTerms(
                                LocalDate.of(2026, 1, 1),
                                WorkforceType.EMPLOYEE,
                                Set.of("nurse"),
                                "ICU",
                                null,
                                MemberStatus.ACTIVE)),
                        0)));
  }

  private static Assignment assignment(Organization org, Id<WorkforceMember> member, String key) {
    return new Assignment(
        Id.random(),
        org.id(),
        member,
        Id.random(),
        Id.random(),
        AssignmentReason.ONBOARDING,
        null,
        key,
        LocalDate.of(2026, 3, 2),
        T0,
        "officer",
        LocalDate.of(2026, 3, 2),
        LocalDate.of(2026, 4, 1),
        List.of(),
        null,
        null,
        0);
  }

  /**
   * Consumers of different nonces of one organization, with expired nonces to remove, neither wait
   * for nor deadlock one another. A plain {@code DELETE … WHERE expires_at <= ?} failed 3 in 4 of
   * these consumes on MariaDB with a deadlock (a {@link ConflictException}, so a wallet's good key
   * proof would have been refused).
   */
  @Test
  void consumersOfDifferentNoncesWithExpiredOnesAroundAllSucceed() throws Exception {
    Organization org = newOrg();
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 10; round++) {
        Instant now = T0.plusSeconds(1_000L * round + 500);
        String prefix = "round " + round + " ";
        store.inTransaction(
            tx -> {
              for (int i = 0; i < 30; i++) {
                tx.walletExchanges()
                    .insertNonce(org.id(), Fixtures.sha256(prefix + "expired " + i), now);
              }
              for (int i = 0; i < threads; i++) {
                tx.walletExchanges()
                    .insertNonce(org.id(), Fixtures.sha256(prefix + i), now.plusSeconds(300));
              }
              return null;
            });
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> consumed = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          String nonce = Fixtures.sha256(prefix + i);
          consumed.add(
              pool.submit(
                  () -> {
                    start.await();
                    return read(tx -> tx.walletExchanges().consumeNonce(org.id(), nonce, now));
                  }));
        }
        start.countDown();
        for (Future<Boolean> f : consumed) {
          assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Ids are unique per organization only (migration V7): of two new assignments with one id in two
   * organizations, written in one call, the one whose key is taken is not added, and the extensions
   * written are the added one's only. The bulk insert once told what it added by id alone, so the
   * refused one, listed first, passed for added: its extensions went in under an assignment that
   * does not exist, and the added one's were left out.
   */
  @Test
  void aBulkInsertTellsWhatItAddedByOrganizationAndId() {
    Organization a = newOrg();
    Organization b = newOrg();
    WorkforceMember inA = hire(a, "E-1");
    WorkforceMember inB = hire(b, "E-1");
    read(tx -> tx.assignments().insertIfAbsent(assignment(b, inB.id(), "taken")));
    DueDateChange extension =
        new DueDateChange(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 5, 1), "officer", "leave");
    Assignment added = assignment(a, inA.id(), "new").extended(extension);
    Assignment refused =
        added.toBuilder().organization(b.id()).member(inB.id()).dedupeKey("taken").build();

    Set<Id<Assignment>> result =
        read(tx -> tx.assignments().insertAllIfAbsent(List.of(refused, added)));

    assertThat(result).containsExactly(added.id());
    Optional<Assignment> inOrgA = read(tx -> tx.assignments().find(a.id(), added.id()));
    Optional<Assignment> inOrgB = read(tx -> tx.assignments().find(b.id(), added.id()));
    List<Assignment> ofMemberInB = read(tx -> tx.assignments().forMember(b.id(), inB.id()));
    assertThat(inOrgA)
        .hasValueSatisfying(x -> assertThat(x.dueChanges()).containsExactly(extension));
    assertThat(inOrgB).isEmpty();
    assertThat(ofMemberInB).singleElement().satisfies(x -> assertThat(x.dueChanges()).isEmpty());
  }

  @Test
  void theMigrationCreatesTheSchemaTheMappingExpects() {
    assertThat(database.migration().migrationsExecuted).isEqualTo(7);
    assertThat(database.migration().targetSchemaVersion).isEqualTo("7");
    // newStore() ran hibernate.hbm2ddl.auto=validate against it; a second store does too.
    try (JpaStore validated = database.newStore()) {
      assertThat(validated.dialect()).isEqualTo(dialect());
    }
    assertThat(SqlDialect.detect(database.dataSource())).isEqualTo(dialect());
  }

  @Test
  void theAssignmentSummaryIsOneStatementThatLoadsNoEntity() {
    Organization org = newOrg();
    for (int i = 0; i < 5; i++) {
      WorkforceMember m = hire(org, "S" + i);
      Assignment a = assignment(org, m.id(), "S" + i);
      read(tx -> tx.assignments().insertIfAbsent(a));
      read(
          tx ->
              tx.assignments()
                  .update(
                      a.extended(
                          new DueDateChange(
                              LocalDate.of(2026, 3, 10),
                              LocalDate.of(2026, 5, 1),
                              "officer",
                              "leave"))));
    }
    org.hibernate.stat.Statistics stats =
        store.entityManagerFactory().unwrap(org.hibernate.SessionFactory.class).getStatistics();
    boolean wasEnabled = stats.isStatisticsEnabled();
    stats.setStatisticsEnabled(true);
    try {
      stats.clear();
      // the query core builds for a 30-day due-soon window on 04-15: overdue through 04-14,
      // due soon through 05-15
      LocalDate asOf = LocalDate.of(2026, 4, 15);
      var rows =
          read(
              tx ->
                  tx.assignments()
                      .count(
                          new AssignmentCountQuery(
                              org.id(),
                              asOf,
                              MemberStatus.ACTIVE,
                              asOf.minusDays(1),
                              asOf.plusDays(30)))
                      .orElseThrow());
      assertThat(rows)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.members()).isEqualTo(5);
                assertThat(r.openInSecondBand()).as("due soon").isEqualTo(5);
              });
      assertThat(stats.getPrepareStatementCount()).as("SQL statements").isEqualTo(1);
      assertThat(stats.getEntityLoadCount()).as("entities loaded").isZero();
    } finally {
      stats.setStatisticsEnabled(wasEnabled);
    }
  }

  @Test
  void bulkMemberReadsTakeAFewStatementsWhateverTheNumberOfMembers() {
    assertThat(bulkReadStatements(10)).as("statements for 10 members").isLessThanOrEqualTo(8);
    assertThat(bulkReadStatements(120)).as("statements for 120 members").isLessThanOrEqualTo(12);
  }

  /** Statements the three bulk reads take for that many members with two assignments each. */
  private long bulkReadStatements(int members) {
    Organization org = newOrg();
    List<Id<WorkforceMember>> ids = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      WorkforceMember m = hire(org, "B" + i);
      ids.add(m.id());
      Assignment a = assignment(org, m.id(), "B" + i);
      Assignment b = assignment(org, m.id(), "B" + i + "-2");
      read(
          tx -> {
            tx.assignments().insertIfAbsent(a);
            tx.assignments().insertIfAbsent(b);
            return null;
          });
      read(
          tx ->
              tx.assignments()
                  .update(
                      a.extended(
                          new DueDateChange(
                              LocalDate.of(2026, 3, 10),
                              LocalDate.of(2026, 5, 1),
                              "officer",
                              "leave"))));
    }
    org.hibernate.stat.Statistics stats =
        store.entityManagerFactory().unwrap(org.hibernate.SessionFactory.class).getStatistics();
    boolean wasEnabled = stats.isStatisticsEnabled();
    stats.setStatisticsEnabled(true);
    try {
      stats.clear();
      read(
          tx -> {
            var assignments = tx.assignments().forMembers(org.id(), ids);
            assertThat(assignments.values()).allSatisfy(l -> assertThat(l).hasSize(2));
            assertThat(
                    assignments.values().stream()
                        .flatMap(List::stream)
                        .filter(x -> !x.dueChanges().isEmpty()))
                .hasSize(members);
            assertThat(tx.completions().forMembers(org.id(), ids)).hasSize(members);
            assertThat(tx.certifications().forMembers(org.id(), ids)).hasSize(members);
            return null;
          });
      return stats.getPrepareStatementCount();
    } finally {
      stats.setStatisticsEnabled(wasEnabled);
    }
  }

  @Test
  void aConstraintViolationMidWayRollsBackEverythingBeforeIt() {
    Organization org = newOrg();
    WorkforceMember existing = hire(org, "E0");
    assertThatThrownBy(
            () ->
                store.inTransaction(
                    (Transaction tx) -> {
                      tx.members()
                          .insert(
                              new WorkforceMember(
                                  Id.random(),
                                  org.id(),
                                  "E1",
                                  "N",
                                  LocalDate.of(2026, 1, 1),
                                  existing.history(),
                                  0));
                      tx.members()
                          .update(
                              existing.withTerms(
                                  existing
                                      .latestTerms()
                                      .withStatus(
                                          LocalDate.of(2026, 2, 1), MemberStatus.ON_LEAVE)));
                      tx.assignments().insertIfAbsent(assignment(org, existing.id(), "ok"));
                      // The database refuses this one: the member does not exist (foreign key).
                      tx.assignments().insertIfAbsent(assignment(org, Id.random(), "orphan"));
                      return null;
                    }))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("Assignment");
              assertThat(e.value()).isEqualTo("dedupeKey=orphan");
            });
    assertThat(read((Transaction tx) -> tx.members().list(org.id()))).containsExactly(existing);
    assertThat(read((Transaction tx) -> tx.assignments().list(org.id()))).isEmpty();
  }

  @Test
  void aConstraintViolationAtCommitRollsBackEverything() {
    Organization org = newOrg();
    WorkforceMember existing = hire(org, "E0");
    Completion orphan =
        new Completion(
            Id.random(),
            org.id(),
            Id.random(),
            Set.of("nurse"),
            WorkforceType.EMPLOYEE,
            Id.random(),
            Id.random(),
            Id.random(),
            null,
            Set.of(),
            AssignmentReason.MANUAL,
            null,
            null,
            LocalDate.of(2026, 1, 2),
            LocalDate.of(2026, 2, 1),
            LocalDate.of(2026, 1, 20),
            T0,
            null,
            true,
            new Provenance(CompletionMethod.MANUAL_ENTRY, "officer", null, null, "paper record"),
            List.of(new EvidenceFile("sheet.pdf", Fixtures.sha256("x"))),
            LocalDate.of(2032, 1, 20));
    assertThatThrownBy(
            () ->
                store.inTransaction(
                    (Transaction tx) -> {
                      tx.assignments().insertIfAbsent(assignment(org, existing.id(), "K"));
                      // Completions are batched until commit; the missing member is found only
                      // then.
                      tx.completions().insert(orphan);
                      return null;
                    }))
        .isInstanceOf(ValidationException.class);
    assertThat(read((Transaction tx) -> tx.assignments().list(org.id()))).isEmpty();
    assertThat(read((Transaction tx) -> tx.completions().find(org.id(), orphan.id()))).isEmpty();
  }

  @Test
  void aNestedFailureRollsBackTheOuterUnitEvenWhenCaught() {
    Organization org = newOrg();
    IllegalStateException inner = new IllegalStateException("listener failed");
    assertThatThrownBy(
            () ->
                store.inTransaction(
                    (Transaction tx) -> {
                      tx.members()
                          .insert(
                              new WorkforceMember(
                                  Id.random(),
                                  org.id(),
                                  "E1",
                                  "N",
                                  LocalDate.of(2026, 1, 1),
                                  List.of(
                                      new MemberTerms(
                                          LocalDate.of(2026, 1, 1),
                                          WorkforceType.EMPLOYEE,
                                          Set.of(),
                                          "ICU",
                                          null,
                                          MemberStatus.ACTIVE)),
                                  0));
                      try {
                        store.inTransaction(
                            (Transaction nested) -> {
                              nested
                                  .assignments()
                                  .insertIfAbsent(
                                      assignment(
                                          org, nested.members().list(org.id()).get(0).id(), "K"));
                              throw inner;
                            });
                      } catch (IllegalStateException swallowed) {
                        // the outer work carries on, but the unit of work is already lost
                      }
                      return null;
                    }))
        .isSameAs(inner);
    assertThat(read((Transaction tx) -> tx.members().list(org.id()))).isEmpty();
    assertThat(read((Transaction tx) -> tx.assignments().list(org.id()))).isEmpty();
  }

  @Test
  void aLostUpdateIsCaughtByTheVersionColumnAndNamesWhatConflicted() throws Exception {
    Organization org = newOrg();
    WorkforceMember member = hire(org, "E1");
    CountDownLatch read = new CountDownLatch(1);
    CountDownLatch written = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      // The slow writer reads first, so the store's own version check passes; only the
      // database's "WHERE version = ?" can see that the fast writer committed meanwhile.
      Future<WorkforceMember> slow =
          pool.submit(
              () ->
                  store.inTransaction(
                      (Transaction tx) -> {
                        WorkforceMember seen =
                            tx.members().find(org.id(), member.id()).orElseThrow();
                        read.countDown();
                        await(written);
                        return tx.members()
                            .update(
                                seen.withTerms(
                                    seen.latestTerms()
                                        .withStatus(
                                            LocalDate.of(2026, 4, 1), MemberStatus.TERMINATED)));
                      }));
      await(read);
      WorkforceMember fast =
          store.inTransaction(
              tx ->
                  tx.members()
                      .update(
                          member.withTerms(
                              member
                                  .latestTerms()
                                  .withStatus(LocalDate.of(2026, 3, 1), MemberStatus.ON_LEAVE))));
      written.countDown();
      assertThatThrownBy(() -> slow.get(30, TimeUnit.SECONDS))
          .hasCauseInstanceOf(ConflictException.class)
          .cause()
          .satisfies(
              e -> {
                assertThat(((ConflictException) e).entity()).isEqualTo("WorkforceMember");
                assertThat(((ConflictException) e).key()).isEqualTo(member.id().toString());
              });
      assertThat(read((Transaction tx) -> tx.members().find(org.id(), member.id()))).contains(fast);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentSweepClaimsSkipEachOthersRowsInsteadOfWaiting() throws Exception {
    Organization org = newOrg();
    List<Id<WorkforceMember>> all = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      all.add(hire(org, "E" + i).id());
    }
    LocalDate day = LocalDate.of(2026, 3, 2);
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<List<WorkforceMember>> holder =
          pool.submit(
              () ->
                  store.inTransaction(
                      (Transaction tx) -> {
                        List<WorkforceMember> mine = tx.members().claimForSweep(org.id(), day, 3);
                        claimed.countDown();
                        await(release);
                        return mine;
                      }));
      await(claimed);
      // The first claim holds its three rows; this one must not wait for them.
      List<WorkforceMember> others =
          store.inTransaction(tx -> tx.members().claimForSweep(org.id(), day, 10));
      release.countDown();
      List<WorkforceMember> first = holder.get(30, TimeUnit.SECONDS);
      assertThat(first).hasSize(3);
      assertThat(others).hasSize(2);
      List<Id<WorkforceMember>> union = new ArrayList<>();
      first.forEach(m -> union.add(m.id()));
      others.forEach(m -> union.add(m.id()));
      assertThat(union).containsExactlyInAnyOrderElementsOf(all);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aHostsOwnEntityManagerFactoryWorksThroughTheMappingFile() {
    // The unit in META-INF/persistence.xml (test resources) lists JpaStore.MAPPING_FILE.
    EntityManagerFactory factory =
        Persistence.createEntityManagerFactory(
            "host-unit", Map.of("jakarta.persistence.nonJtaDataSource", database.dataSource()));
    try {
      JpaStore hosted = JpaStore.using(factory, dialect());
      SettableClock clock = SettableClock.at(T0);
      Trainproof trainproof = Trainproof.builder().store(hosted).clock(clock).build();
      Fixtures fx = Fixtures.organization(trainproof, ZoneId.of("Asia/Kathmandu"));
      Policy policy = fx.policy("PRIV", LocalDate.of(2026, 1, 1));
      fx.requirement(
          "Privacy", Fixtures.terms(fx.course("HIPAA", policy), LocalDate.of(2026, 1, 1)).build());
      Actor officer = fx.officer();
      WorkforceMember nurse =
          trainproof
              .workforce()
              .hire(
                  officer,
                  new WorkforceService.NewMember(
                      "HR-1",
                      "A. Nurse",
                      WorkforceType.EMPLOYEE,
                      Set.of("nurse"),
                      "ICU",
                      null,
                      fx.org().dateOf(T0)));
      assertThat(trainproof.assignments().forMember(officer, nurse.id())).hasSize(1);
      hosted.close();
      assertThat(factory.isOpen()).as("the host's factory is the host's to close").isTrue();
    } finally {
      factory.close();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out waiting for the other transaction");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
