package io.trainproof.testkit;

import static io.trainproof.testkit.ContractRecords.assignment;
import static io.trainproof.testkit.ContractRecords.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Actor;
import io.trainproof.core.ConflictException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.audit.AuditChain;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Closure;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.DueDateChange;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.Store;
import io.trainproof.core.spi.Transaction;
import io.trainproof.core.status.ComplianceStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The storage contract every {@link Store} passes. A store is done when its subclass (a few lines:
 * {@link #createStore()}) passes every test here. Each test works in organizations of its own, so a
 * store backed by a shared database needs no cleaning between tests. Capability flags ({@link
 * io.trainproof.core.spi.StoreCapabilities}) choose what is tested: the tests of a store shared
 * across processes, and of a durable one, run only when the store declares it (they then need
 * {@link #openAnotherStore()}) and are skipped with the reason otherwise; no test is skipped by the
 * store's class. This class holds the cases on organizations, members, transactions and the
 * capabilities; the others are grouped by subject in the interfaces it implements ({@link
 * SweepStoreContract}, {@link CatalogStoreContract}, {@link AssignmentStoreContract}, {@link
 * AssignmentCountContract}, {@link AuditOutboxContract}, {@link RecordsStoreContract}, {@link
 * BulkReadsContract}, {@link BulkHireContract}, {@link IssuedCredentialContract}, {@link
 * WalletExchangeContract}, {@link WalletNonceContract}, {@link TenantKeysContract}), and run here
 * too.
 */
public abstract class StoreContract
    implements SweepStoreContract,
        CatalogStoreContract,
        AssignmentStoreContract,
        AssignmentCountContract,
        AuditOutboxContract,
        RecordsStoreContract,
        BulkReadsContract,
        BulkHireContract,
        IssuedCredentialContract,
        WalletExchangeContract,
        WalletNonceContract,
        TenantKeysContract {
  /** Instants with microsecond precision, which every supported database keeps exactly. */
  protected static final Instant T0 = ContractRecords.T0;

  /** The store under test, fresh (or shared) per test as the subclass decides. */
  protected Store store;

  /**
   * Creates the store under test.
   *
   * @return the store
   */
  protected abstract Store createStore();

  /**
   * Opens another store over the same data as {@link #createStore()}'s, as another process would
   * (for a database: a new connection pool and entity manager factory over the same database).
   * Called only by the tests of a capability the store declares ({@link
   * io.trainproof.core.spi.StoreCapabilities#sharedAcrossProcesses} or {@link
   * io.trainproof.core.spi.StoreCapabilities#durable}); a store that declares either must override
   * it, or those tests fail. The contract closes the store it returns when the test ends, if it is
   * {@link AutoCloseable}.
   *
   * @return a second store over the same data
   */
  protected Store openAnotherStore() {
    throw new UnsupportedOperationException(
        "the store declares "
            + store.capabilities()
            + ": its contract test must override openAnotherStore() so the contract can test that");
  }

  @Override
  public Store store() {
    return store;
  }

  private Organization newOrg() {
    return ContractRecords.newOrg(store);
  }

  private <T> T tx(Function<Transaction, T> work) {
    return store.inTransaction(work);
  }

  /** Creates the store before each test. */
  @BeforeEach
  void createStoreUnderTest() {
    store = createStore();
  }

  @Test
  void organizationsRoundTrip() {
    Organization org = newOrg();
    assertThat(tx((Transaction t) -> t.organizations().find(org.id()))).contains(org);
    assertThat(tx((Transaction t) -> t.organizations().ids())).contains(org.id());
    assertThatThrownBy(
            () ->
                tx(
                    (Transaction t) -> {
                      t.organizations().insert(org);
                      return null;
                    }))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void membersRoundTripWithHistoryAndOptimisticVersions() {
    Organization org = newOrg();
    WorkforceMember stored = tx((Transaction t) -> t.members().insert(member(org, "E1")));
    assertThat(stored.version()).isZero();
    assertThat(tx((Transaction t) -> t.members().find(org.id(), stored.id()))).contains(stored);

    WorkforceMember changed =
        stored.withTerms(
            stored.latestTerms().withStatus(LocalDate.of(2026, 3, 1), MemberStatus.ON_LEAVE));
    WorkforceMember updated = tx((Transaction t) -> t.members().update(changed));
    assertThat(updated.version()).isEqualTo(1);
    assertThat(updated.history()).hasSize(2);
    assertThat(tx((Transaction t) -> t.members().find(org.id(), stored.id()))).contains(updated);

    // A second writer holding the old version loses, and is told what conflicted.
    assertThatThrownBy(() -> tx((Transaction t) -> t.members().update(changed)))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.entity()).isEqualTo("WorkforceMember");
              assertThat(e.key()).isEqualTo(stored.id().toString());
            });
  }

  @Test
  void externalIdsAreUniquePerOrganizationOnly() {
    Organization a = newOrg();
    Organization b = newOrg();
    tx((Transaction t) -> t.members().insert(member(a, "E1")));
    assertThatThrownBy(() -> tx((Transaction t) -> t.members().insert(member(a, "E1"))))
        .isInstanceOf(ConflictException.class);
    WorkforceMember inB = tx((Transaction t) -> t.members().insert(member(b, "E1")));
    assertThat(tx((Transaction t) -> t.members().findByExternalId(b.id(), "E1"))).contains(inB);
  }

  @Test
  void everyLookUpIsScopedByOrganization() {
    Organization a = newOrg();
    Organization b = newOrg();
    WorkforceMember m = tx((Transaction t) -> t.members().insert(member(a, "E1")));
    assertThat(tx((Transaction t) -> t.members().find(b.id(), m.id()))).isEmpty();
    assertThat(tx((Transaction t) -> t.members().findByExternalId(b.id(), "E1"))).isEmpty();
    assertThat(tx((Transaction t) -> t.members().list(b.id()))).isEmpty();
    assertThat(tx((Transaction t) -> t.members().list(a.id()))).containsExactly(m);
    Assignment assignment = assignment(a, m, "K1");
    tx((Transaction t) -> t.assignments().insertIfAbsent(assignment));
    assertThat(tx((Transaction t) -> t.assignments().find(b.id(), assignment.id()))).isEmpty();
    assertThat(tx((Transaction t) -> t.assignments().forMember(b.id(), m.id()))).isEmpty();
    assertThat(tx((Transaction t) -> t.assignments().list(b.id()))).isEmpty();
    assertThat(tx((Transaction t) -> t.completions().forMember(b.id(), m.id()))).isEmpty();
  }

  // ---------------------------------------------------------------- capabilities

  private static void closeIfCloseable(Store other) throws Exception {
    if (other instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  /**
   * A store shared across processes: what one process commits, another sees; optimistic versions
   * hold across them; and their sweep claims of one day divide the members.
   */
  @Test
  void processesSharingTheStoreSeeEachOthersCommitsAndDivideClaims() throws Exception {
    Assumptions.assumeTrue(
        store.capabilities().sharedAcrossProcesses(),
        "the store is not shared across"
            + " processes (StoreCapabilities.sharedAcrossProcesses is false): no other process sees its data");
    Store other = openAnotherStore();
    try {
      Organization org = newOrg();
      List<WorkforceMember> members = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        String ext = "E" + i;
        members.add(tx((Transaction t) -> t.members().insert(member(org, ext))));
      }
      for (int i = 3; i < 6; i++) {
        String ext = "E" + i;
        members.add(other.inTransaction((Transaction t) -> t.members().insert(member(org, ext))));
      }
      assertThat(other.inTransaction((Transaction t) -> t.organizations().find(org.id())))
          .contains(org);
      assertThat(tx((Transaction t) -> t.members().list(org.id())))
          .containsExactlyInAnyOrderElementsOf(members);
      assertThat(other.inTransaction((Transaction t) -> t.members().list(org.id())))
          .containsExactlyInAnyOrderElementsOf(members);
      // A lost update is detected whichever process wrote first.
      WorkforceMember read = members.get(0);
      WorkforceMember changed =
          read.withTerms(
              read.latestTerms().withStatus(LocalDate.of(2026, 5, 1), MemberStatus.ON_LEAVE));
      WorkforceMember updated = tx((Transaction t) -> t.members().update(changed));
      assertThatThrownBy(() -> other.inTransaction((Transaction t) -> t.members().update(changed)))
          .isInstanceOf(ConflictException.class);
      assertThat(other.inTransaction((Transaction t) -> t.members().find(org.id(), read.id())))
          .contains(updated);
      // Claims of one day by two processes never hand a member out twice.
      LocalDate day = LocalDate.of(2026, 3, 1);
      List<WorkforceMember> first =
          tx((Transaction t) -> t.members().claimForSweep(org.id(), day, 4));
      List<WorkforceMember> second =
          other.inTransaction((Transaction t) -> t.members().claimForSweep(org.id(), day, 10));
      assertThat(first).hasSize(4);
      assertThat(second).hasSize(2).doesNotContainAnyElementsOf(first);
      assertThat(tx((Transaction t) -> t.members().claimForSweep(org.id(), day, 10))).isEmpty();
    } finally {
      closeIfCloseable(other);
    }
  }

  /** A durable store: what a store committed is there for a store opened after it closed. */
  @Test
  void whatADurableStoreCommittedOutlivesIt() throws Exception {
    Assumptions.assumeTrue(
        store.capabilities().durable(),
        "the store is not durable"
            + " (StoreCapabilities.durable is false): its data ends with it");
    Store writer = openAnotherStore();
    Organization org =
        new Organization(Id.random(), "Org", ZoneId.of("Asia/Kathmandu"), Period.ofYears(7), T0);
    WorkforceMember m;
    Assignment closed;
    try {
      writer.inTransaction(
          (Transaction t) -> {
            t.organizations().insert(org);
            return null;
          });
      m = writer.inTransaction((Transaction t) -> t.members().insert(member(org, "E1")));
      Assignment a = assignment(org, m, "K1");
      writer.inTransaction((Transaction t) -> t.assignments().insertIfAbsent(a));
      closed =
          writer.inTransaction(
              (Transaction t) ->
                  t.assignments()
                      .update(
                          a.extended(
                                  new DueDateChange(
                                      LocalDate.of(2026, 1, 8),
                                      LocalDate.of(2026, 3, 4),
                                      "officer",
                                      "sick"))
                              .closed(
                                  new Closure(
                                      AssignmentState.COMPLETED,
                                      LocalDate.of(2026, 1, 9),
                                      T0.plusSeconds(3600),
                                      "officer",
                                      "passed",
                                      Id.random()))));
    } finally {
      closeIfCloseable(writer);
    }
    Store reader = openAnotherStore();
    try {
      assertThat(reader.inTransaction((Transaction t) -> t.organizations().find(org.id())))
          .contains(org);
      assertThat(reader.inTransaction((Transaction t) -> t.members().find(org.id(), m.id())))
          .contains(m);
      assertThat(
              reader.inTransaction((Transaction t) -> t.assignments().forMember(org.id(), m.id())))
          .containsExactly(closed);
    } finally {
      closeIfCloseable(reader);
    }
  }

  @Test
  void aTransactionThatThrowsLeavesNothingBehind() {
    Organization org = newOrg();
    WorkforceMember existing = tx((Transaction t) -> t.members().insert(member(org, "E0")));
    assertThatThrownBy(
            () ->
                tx(
                    (Transaction t) -> {
                      t.members().insert(member(org, "E1"));
                      t.members()
                          .update(
                              existing.withTerms(
                                  existing
                                      .latestTerms()
                                      .withStatus(
                                          LocalDate.of(2026, 5, 1), MemberStatus.TERMINATED)));
                      t.assignments().insertIfAbsent(assignment(org, existing, "K"));
                      throw new IllegalStateException("listener failed");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(tx((Transaction t) -> t.members().list(org.id()))).containsExactly(existing);
    assertThat(tx((Transaction t) -> t.assignments().list(org.id()))).isEmpty();
    // The dedupe key was released with the rollback.
    assertThat(
            tx((Transaction t) -> t.assignments().insertIfAbsent(assignment(org, existing, "K"))))
        .isTrue();
  }

  /**
   * A host clock that reads nanoseconds (as {@code Clock.systemUTC()} does on Linux): the entries
   * the store keeps still verify, because the SDK records instants to the microsecond that SQL
   * timestamps keep. Before the fix, entries were hashed at nanoseconds and read back at
   * microseconds, so every stored entry failed its hash check on the JPA store.
   */
  @Test
  void theAuditChainVerifiesWhenTheHostClockReadsNanoseconds() {
    Instant withNanos = T0.plusNanos(123_456_789);
    Trainproof tp =
        Trainproof.builder().store(store).clock(Clock.fixed(withNanos, ZoneOffset.UTC)).build();
    Fixtures fx = Fixtures.organization(tp, ZoneId.of("America/Chicago"));
    Policy privacy = fx.policy("PRIV", LocalDate.of(2025, 1, 1));
    fx.course("HIPAA", privacy);
    fx.hire(fx.org().dateOf(withNanos), "ICU", "nurse");
    List<AuditEntry> stored =
        tx(
            (Transaction t) ->
                t.audit().between(fx.org().id(), Instant.EPOCH, withNanos.plusSeconds(1)));
    assertThat(stored)
        .isNotEmpty()
        .extracting(AuditEntry::at)
        .containsOnly(withNanos.truncatedTo(ChronoUnit.MICROS));
    assertThat(AuditChain.verify(stored, 0, AuditChain.GENESIS).intact()).isTrue();
    assertThat(tp.audit().verify(fx.officer()).intact()).isTrue();
  }

  @Test
  void theServicesRunEndToEndOnThisStore() {
    SettableClock clock = SettableClock.at(T0);
    Trainproof tp = Trainproof.builder().store(store).clock(clock).build();
    Fixtures fx = Fixtures.organization(tp, ZoneId.of("Pacific/Chatham"));
    Policy privacy = fx.policy("PRIV", LocalDate.of(2025, 1, 1));
    Course course = fx.course("HIPAA", privacy);
    fx.requirement(
        "Annual",
        Fixtures.terms(course, LocalDate.of(2025, 1, 1))
            .recurrence(
                Recurrence.every(Period.ofYears(1), Recurrence.CountFrom.COMPLETION),
                Period.ofDays(30))
            .retrainWithinDays(30)
            .build());
    LocalDate today = fx.org().dateOf(clock.instant());
    WorkforceMember m = fx.hire(today, "ICU", "nurse");
    Actor officer = fx.officer();
    Assignment a = tp.assignments().forMember(officer, m.id()).get(0);
    tp.completions()
        .record(officer, CompletionService.Request.inApp(a.id(), today, 95, officer.id()));
    assertThat(tp.status().overall(officer, m.id(), today)).isEqualTo(ComplianceStatus.COMPLIANT);
    clock.set(clock.instant().plus(Duration.ofDays(340)));
    assertThat(tp.scheduler().sweep().created()).isEqualTo(1);
    assertThat(tp.scheduler().sweep().created()).isZero();
    assertThat(tp.status().overall(officer, m.id(), today.plusDays(340)))
        .isEqualTo(ComplianceStatus.DUE_SOON);
    assertThat(tp.status().overall(officer, m.id(), today.plusDays(10)))
        .isEqualTo(ComplianceStatus.COMPLIANT);
  }
}
