package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Actor;
import io.trainproof.core.ConflictException;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.audit.AuditChain;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.AddressableDecision;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Attestation;
import io.trainproof.core.domain.AttestationMethod;
import io.trainproof.core.domain.AttestationTrigger;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Certification;
import io.trainproof.core.domain.CertificationKind;
import io.trainproof.core.domain.Closure;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.CrossOrganizationGrant;
import io.trainproof.core.domain.DueDateChange;
import io.trainproof.core.domain.EvidenceFile;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.LegalHold;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Notification;
import io.trainproof.core.domain.NotificationKind;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyReview;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Provenance;
import io.trainproof.core.domain.RecordKind;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.RegulatoryTopic;
import io.trainproof.core.domain.ReminderSchedule;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.core.domain.SecurityReminder;
import io.trainproof.core.domain.Tombstone;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.spi.AssignmentCountQuery;
import io.trainproof.core.spi.AssignmentCounting;
import io.trainproof.core.spi.AssignmentCounts;
import io.trainproof.core.spi.Store;
import io.trainproof.core.spi.Transaction;
import io.trainproof.core.status.AssignmentSummary;
import io.trainproof.core.status.ComplianceStatus;
import io.trainproof.core.workforce.WorkforceService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
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
 * store's class. The cases of {@link IssuedCredentialContract}, {@link WalletExchangeContract},
 * {@link WalletNonceContract} and {@link TenantKeysContract} run here too.
 */
public abstract class StoreContract
    implements IssuedCredentialContract,
        WalletExchangeContract,
        WalletNonceContract,
        TenantKeysContract {
  /** Instants with microsecond precision, which every supported database keeps exactly. */
  protected static final Instant T0 = Instant.parse("2026-01-05T14:15:30.123456Z");

  /**
   * When tests that write many outbox messages run: a century after {@link #T0}, so no other test's
   * dispatcher, claiming what is due around T0 from a shared database, takes them.
   */
  private static final Instant CENTURY_ON = T0.plus(Duration.ofDays(36_500));

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

  /** Creates the store before each test. */
  @BeforeEach
  void createStoreUnderTest() {
    store = createStore();
  }

  private Organization newOrg() {
    Organization org =
        new Organization(Id.random(), "Org", ZoneId.of("Asia/Kathmandu"), Period.ofYears(7), T0);
    store.inTransaction(
        tx -> {
          tx.organizations().insert(org);
          return null;
        });
    return org;
  }

  private static WorkforceMember member(Organization org, String externalId) {
    return new WorkforceMember(
        Id.random(),
        org.id(),
        externalId,
        "Name " + externalId,
        LocalDate.of(2025, 2, 28),
        List.of(
            new MemberTerms(
                LocalDate.of(2025, 2, 28),
                WorkforceType.CONTRACTOR,
                Set.of("nurse", "lead"),
                "ICU",
                null,
                MemberStatus.ACTIVE)),
        0);
  }

  private <T> T tx(Function<Transaction, T> work) {
    return store.inTransaction(work);
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
  void sweepClaimsVisitEachMemberOncePerDayAndRollBackWithTheirTransaction() {
    Organization org = newOrg();
    Organization other = newOrg();
    List<WorkforceMember> members = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String ext = "E" + i;
      members.add(tx((Transaction t) -> t.members().insert(member(org, ext))));
    }
    tx((Transaction t) -> t.members().insert(member(other, "X")));
    // One member with a history of terms (a manager, then a later change), so a claim is seen
    // to return members exactly as stored.
    MemberTerms managed =
        new MemberTerms(
            LocalDate.of(2025, 6, 1),
            WorkforceType.EMPLOYEE,
            Set.of("coder"),
            "Billing",
            members.get(1).id(),
            MemberStatus.ACTIVE);
    WorkforceMember changed =
        tx((Transaction t) -> t.members().update(members.get(0).withTerms(managed)));
    WorkforceMember onLeave =
        changed.withTerms(managed.withStatus(LocalDate.of(2025, 9, 1), MemberStatus.ON_LEAVE));
    members.set(0, tx((Transaction t) -> t.members().update(onLeave)));
    LocalDate day = LocalDate.of(2026, 3, 1);
    // A claim that rolls back leaves the members unclaimed.
    assertThatThrownBy(
            () ->
                tx(
                    (Transaction t) -> {
                      assertThat(t.members().claimForSweep(org.id(), day, 3)).hasSize(3);
                      throw new IllegalStateException("crash mid-batch");
                    }))
        .isInstanceOf(IllegalStateException.class);
    List<WorkforceMember> first =
        tx((Transaction t) -> t.members().claimForSweep(org.id(), day, 3));
    List<WorkforceMember> second =
        tx((Transaction t) -> t.members().claimForSweep(org.id(), day, 3));
    assertThat(first).hasSize(3);
    assertThat(second).hasSize(2);
    List<WorkforceMember> all = new ArrayList<>(first);
    all.addAll(second);
    assertThat(all).containsExactlyInAnyOrderElementsOf(members);
    assertThat(members.get(0).history()).hasSize(3);
    assertThat(tx((Transaction t) -> t.members().claimForSweep(org.id(), day, 3))).isEmpty();
    // The next day, everyone is claimable again; the other organization was never touched.
    assertThat(tx((Transaction t) -> t.members().claimForSweep(org.id(), day.plusDays(1), 10)))
        .hasSize(5);
    assertThat(tx((Transaction t) -> t.members().claimForSweep(other.id(), day, 10))).hasSize(1);
  }

  @Test
  void nextChangeDatesRoundTripAndAreResetPerMemberOrPerOrganization() {
    Organization org = newOrg();
    Organization other = newOrg();
    List<WorkforceMember> members = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String ext = "N" + i;
      members.add(tx((Transaction t) -> t.members().insert(member(org, ext))));
    }
    WorkforceMember stranger = tx((Transaction t) -> t.members().insert(member(other, "S")));
    Id<WorkforceMember> a = members.get(0).id();
    Id<WorkforceMember> b = members.get(1).id();
    Id<WorkforceMember> c = members.get(2).id();
    Id<WorkforceMember> d = members.get(3).id();
    // A new member has no date.
    assertThat(tx((Transaction t) -> t.members().nextChange(org.id(), a))).isEmpty();
    LocalDate far = LocalDate.of(9999, 12, 31);
    tx(
        (Transaction t) -> {
          t.members()
              .setNextChange(
                  org.id(),
                  Map.of(
                      a, LocalDate.of(2026, 3, 5),
                      b, LocalDate.of(2026, 4, 1),
                      c, far,
                      d, LocalDate.of(2026, 3, 5)));
          // Another organization's member named under this one is left alone.
          t.members().setNextChange(org.id(), Map.of(stranger.id(), LocalDate.of(2026, 1, 1)));
          t.members().setNextChange(other.id(), Map.of(stranger.id(), LocalDate.of(2026, 6, 1)));
          return null;
        });
    assertThat(tx((Transaction t) -> t.members().nextChange(org.id(), a)))
        .contains(LocalDate.of(2026, 3, 5));
    assertThat(tx((Transaction t) -> t.members().nextChange(org.id(), c))).contains(far);
    assertThat(tx((Transaction t) -> t.members().nextChange(other.id(), stranger.id())))
        .contains(LocalDate.of(2026, 6, 1));
    // Never across organizations.
    assertThat(tx((Transaction t) -> t.members().nextChange(other.id(), a))).isEmpty();
    // Setting a date that rolls back leaves the old one.
    assertThatThrownBy(
            () ->
                tx(
                    (Transaction t) -> {
                      t.members().setNextChange(org.id(), Map.of(a, LocalDate.of(2030, 1, 1)));
                      t.members().resetNextChange(org.id(), List.of(b));
                      throw new IllegalStateException("crash");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(tx((Transaction t) -> t.members().nextChange(org.id(), a)))
        .contains(LocalDate.of(2026, 3, 5));
    assertThat(tx((Transaction t) -> t.members().nextChange(org.id(), b)))
        .contains(LocalDate.of(2026, 4, 1));
    // One member's reset, named under another organization, does nothing.
    tx(
        (Transaction t) -> {
          t.members().resetNextChange(other.id(), List.of(a));
          t.members().resetNextChange(org.id(), List.of());
          return null;
        });
    assertThat(tx((Transaction t) -> t.members().nextChange(org.id(), a))).isPresent();
    tx(
        (Transaction t) -> {
          t.members().resetNextChange(org.id(), List.of(a, b));
          return null;
        });
    assertThat(tx((Transaction t) -> t.members().nextChange(org.id(), a))).isEmpty();
    assertThat(tx((Transaction t) -> t.members().nextChange(org.id(), b))).isEmpty();
    assertThat(tx((Transaction t) -> t.members().nextChange(org.id(), c))).contains(far);
    // The organization's reset unsets all of its members and none of another's.
    tx(
        (Transaction t) -> {
          t.members().resetNextChangeAll(org.id());
          return null;
        });
    for (WorkforceMember m : members) {
      assertThat(tx((Transaction t) -> t.members().nextChange(org.id(), m.id()))).isEmpty();
    }
    assertThat(tx((Transaction t) -> t.members().nextChange(other.id(), stranger.id())))
        .contains(LocalDate.of(2026, 6, 1));
  }

  @Test
  void theIncrementalClaimTakesOnlyMembersWhoseDateHasComeOrIsUnset() {
    Organization org = newOrg();
    Organization other = newOrg();
    List<WorkforceMember> members = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String ext = "D" + i;
      members.add(tx((Transaction t) -> t.members().insert(member(org, ext))));
    }
    WorkforceMember stranger = tx((Transaction t) -> t.members().insert(member(other, "S")));
    LocalDate day = LocalDate.of(2026, 3, 10);
    // members 0 and 1 unset; 2 due earlier; 3 due today; 4 tomorrow; 5 never.
    tx(
        (Transaction t) -> {
          t.members()
              .setNextChange(
                  org.id(),
                  Map.of(
                      members.get(2).id(), day.minusDays(4),
                      members.get(3).id(), day,
                      members.get(4).id(), day.plusDays(1),
                      members.get(5).id(), LocalDate.of(9999, 12, 31)));
          return null;
        });
    List<WorkforceMember> due = members.subList(0, 4);
    // A claim that rolls back leaves its members unclaimed.
    assertThatThrownBy(
            () ->
                tx(
                    (Transaction t) -> {
                      assertThat(t.members().claimDueForSweep(org.id(), day, 10)).hasSize(4);
                      throw new IllegalStateException("crash mid-batch");
                    }))
        .isInstanceOf(IllegalStateException.class);
    List<WorkforceMember> first =
        tx((Transaction t) -> t.members().claimDueForSweep(org.id(), day, 3));
    List<WorkforceMember> second =
        tx((Transaction t) -> t.members().claimDueForSweep(org.id(), day, 3));
    assertThat(first).hasSize(3);
    assertThat(first.stream().map(WorkforceMember::id).toList()).doesNotHaveDuplicates();
    assertThat(second).hasSize(1);
    List<WorkforceMember> all = new ArrayList<>(first);
    all.addAll(second);
    assertThat(all).containsExactlyInAnyOrderElementsOf(due);
    // Visited today: not claimed again, by either claim; those not due were not marked visited.
    assertThat(tx((Transaction t) -> t.members().claimDueForSweep(org.id(), day, 10))).isEmpty();
    // A reset makes a member due the same day, unless it was already visited today.
    tx(
        (Transaction t) -> {
          t.members().resetNextChange(org.id(), List.of(members.get(4).id(), members.get(0).id()));
          return null;
        });
    assertThat(tx((Transaction t) -> t.members().claimDueForSweep(org.id(), day, 10)))
        .containsExactly(members.get(4));
    // The full claim still takes everyone not visited today, whatever their date.
    assertThat(tx((Transaction t) -> t.members().claimForSweep(org.id(), day, 10)))
        .containsExactly(members.get(5));
    // The next day: the unset ones (0, 1, 4 reset, and none set since), and 2 and 3 whose dates
    // have passed; 5 never.
    LocalDate next = day.plusDays(1);
    assertThat(tx((Transaction t) -> t.members().claimDueForSweep(org.id(), next, 10)))
        .containsExactlyInAnyOrderElementsOf(members.subList(0, 5));
    // After an organization-wide reset everyone is due; another organization is untouched.
    tx(
        (Transaction t) -> {
          t.members().setNextChange(other.id(), Map.of(stranger.id(), next.plusYears(1)));
          t.members().resetNextChangeAll(org.id());
          return null;
        });
    LocalDate third = next.plusDays(1);
    assertThat(tx((Transaction t) -> t.members().claimDueForSweep(org.id(), third, 10)))
        .containsExactlyInAnyOrderElementsOf(members);
    assertThat(tx((Transaction t) -> t.members().claimDueForSweep(other.id(), third, 10)))
        .isEmpty();
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

  @Test
  void policyVersionsAreOrderedAndTheirNumbersUnique() {
    Organization org = newOrg();
    Policy policy =
        new Policy(
            Id.random(),
            org.id(),
            "PRIV",
            "Privacy",
            Audience.roles("nurse"),
            AttestationTrigger.MATERIAL_ONLY,
            14,
            LocalDate.of(2027, 1, 1),
            T0,
            0);
    PolicyVersion v1 =
        new PolicyVersion(
            Id.random(),
            policy.id(),
            org.id(),
            1,
            LocalDate.of(2025, 1, 1),
            Fixtures.sha256("one"),
            "first",
            false,
            Set.of(),
            null,
            T0);
    PolicyVersion v2 =
        new PolicyVersion(
            Id.random(),
            policy.id(),
            org.id(),
            2,
            LocalDate.of(2026, 1, 1),
            Fixtures.sha256("two"),
            "second",
            true,
            Set.of("nurse"),
            null,
            T0.plusSeconds(5));
    tx(
        (Transaction t) -> {
          t.policies().insert(policy);
          t.policies().insertVersion(v2);
          t.policies().insertVersion(v1);
          t.policies().updateVersion(v1.endedOn(LocalDate.of(2025, 12, 31)));
          return null;
        });
    assertThat(tx((Transaction t) -> t.policies().versions(org.id(), policy.id())))
        .containsExactly(v1.endedOn(LocalDate.of(2025, 12, 31)), v2);
    assertThat(tx((Transaction t) -> t.policies().list(org.id()))).containsExactly(policy);
    Policy reviewed =
        tx(
            (Transaction t) ->
                t.policies().update(policy.withReviewDueOn(LocalDate.of(2028, 1, 1))));
    assertThat(reviewed.version()).isEqualTo(1);
    assertThat(tx((Transaction t) -> t.policies().find(org.id(), policy.id()))).contains(reviewed);
    assertThatThrownBy(() -> tx((Transaction t) -> t.policies().update(policy)))
        .isInstanceOf(ConflictException.class);
    assertThat(tx((Transaction t) -> t.policies().findVersion(org.id(), v2.id()))).contains(v2);
    PolicyVersion duplicate =
        new PolicyVersion(
            Id.random(),
            policy.id(),
            org.id(),
            2,
            LocalDate.of(2027, 1, 1),
            Fixtures.sha256("three"),
            "dup",
            false,
            Set.of(),
            null,
            T0);
    assertThatThrownBy(
            () ->
                tx(
                    (Transaction t) -> {
                      t.policies().insertVersion(duplicate);
                      return null;
                    }))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void coursesAndVersionsRoundTrip() {
    Organization org = newOrg();
    Course course = new Course(Id.random(), org.id(), "C1", "Course", T0);
    CourseVersion v1 =
        new CourseVersion(
            Id.random(),
            course.id(),
            org.id(),
            "1",
            Set.of(Id.random()),
            Set.of(RegulatoryTopic.PRIVACY_RULE, RegulatoryTopic.PASSWORD_MANAGEMENT),
            80,
            true,
            Fixtures.sha256("c"),
            T0,
            Period.ofMonths(24));
    CourseVersion v2 =
        new CourseVersion(
            Id.random(),
            course.id(),
            org.id(),
            "2",
            Set.of(),
            Set.of(),
            0,
            false,
            null,
            T0.plusSeconds(1));
    tx(
        (Transaction t) -> {
          t.courses().insert(course);
          t.courses().insertVersion(v2);
          t.courses().insertVersion(v1);
          return null;
        });
    assertThat(tx((Transaction t) -> t.courses().versions(org.id(), course.id())))
        .containsExactly(v1, v2);
    assertThat(tx((Transaction t) -> t.courses().find(org.id(), course.id()))).contains(course);
    assertThat(tx((Transaction t) -> t.courses().findVersion(org.id(), v1.id()))).contains(v1);
    assertThatThrownBy(
            () ->
                tx(
                    (Transaction t) -> {
                      t.courses().insert(new Course(Id.random(), org.id(), "C1", "Same code", T0));
                      return null;
                    }))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void requirementsRoundTripAndDetectLostUpdates() {
    Organization org = newOrg();
    RequirementTerms terms =
        new RequirementTerms(
            LocalDate.of(2025, 1, 1),
            new Audience(Set.of("nurse"), Set.of("ICU"), Set.of(WorkforceType.EMPLOYEE)),
            Id.random(),
            30,
            Recurrence.fixedDate(MonthDay.of(2, 29)),
            Period.ofDays(30),
            Period.ofMonths(6),
            7,
            45,
            new ReminderSchedule(List.of(14, 3), true, List.of(7, 14), 21),
            true);
    Requirement r =
        tx(
            (Transaction t) ->
                t.requirements()
                    .insert(
                        new Requirement(Id.random(), org.id(), "R", "why", List.of(terms), T0, 0)));
    assertThat(tx((Transaction t) -> t.requirements().find(org.id(), r.id()))).contains(r);
    Requirement changed = r.withTerms(terms.withActive(LocalDate.of(2026, 1, 1), false));
    Requirement updated = tx((Transaction t) -> t.requirements().update(changed));
    assertThat(updated.version()).isEqualTo(1);
    assertThat(tx((Transaction t) -> t.requirements().list(org.id()))).containsExactly(updated);
    assertThatThrownBy(() -> tx((Transaction t) -> t.requirements().update(changed)))
        .isInstanceOf(ConflictException.class);
    RequirementTerms every =
        new RequirementTerms(
            LocalDate.of(2027, 1, 1),
            Audience.everyone(),
            Id.random(),
            0,
            Recurrence.every(Period.ofMonths(18), Recurrence.CountFrom.EXPIRY),
            Period.ZERO,
            Period.ZERO,
            0,
            null,
            ReminderSchedule.none(),
            true);
    Requirement third = tx((Transaction t) -> t.requirements().update(updated.withTerms(every)));
    assertThat(
            tx((Transaction t) -> t.requirements().find(org.id(), r.id())).orElseThrow().history())
        .containsExactly(terms, terms.withActive(LocalDate.of(2026, 1, 1), false), every);
    assertThat(third.version()).isEqualTo(2);
  }

  private static Assignment assignment(Organization org, WorkforceMember m, String key) {
    return new Assignment(
        Id.random(),
        org.id(),
        m.id(),
        Id.random(),
        Id.random(),
        AssignmentReason.POLICY_CHANGE,
        Id.random(),
        key,
        LocalDate.of(2026, 1, 5),
        T0,
        "officer",
        LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 2, 4),
        List.of(),
        null,
        null,
        0);
  }

  @Test
  void assignmentDedupeKeysAreUniquePerOrganization() {
    Organization a = newOrg();
    Organization b = newOrg();
    WorkforceMember ma = tx((Transaction t) -> t.members().insert(member(a, "E1")));
    WorkforceMember mb = tx((Transaction t) -> t.members().insert(member(b, "E1")));
    assertThat(tx((Transaction t) -> t.assignments().insertIfAbsent(assignment(a, ma, "same"))))
        .isTrue();
    assertThat(tx((Transaction t) -> t.assignments().insertIfAbsent(assignment(a, ma, "same"))))
        .isFalse();
    assertThat(tx((Transaction t) -> t.assignments().insertIfAbsent(assignment(b, mb, "same"))))
        .isTrue();
    assertThat(tx((Transaction t) -> t.assignments().forMember(a.id(), ma.id()))).hasSize(1);
  }

  @Test
  void bulkAssignmentInsertsGiveWhatOneByOneInsertsGive() {
    Organization a = newOrg();
    Organization b = newOrg();
    WorkforceMember ma = tx((Transaction t) -> t.members().insert(member(a, "E1")));
    WorkforceMember mb = tx((Transaction t) -> t.members().insert(member(b, "E1")));
    Assignment taken = assignment(a, ma, "taken");
    Assignment purged = assignment(a, ma, "purged");
    tx((Transaction t) -> t.assignments().insertIfAbsent(taken));
    tx((Transaction t) -> t.assignments().insertIfAbsent(purged));
    tx(
        (Transaction t) -> {
          t.assignments().delete(a.id(), purged.id());
          return null;
        });
    Assignment fresh = assignment(a, ma, "K1");
    Assignment sameKeyLater = assignment(a, ma, "K1");
    Assignment extended =
        assignment(a, ma, "K2")
            .extended(
                new DueDateChange(
                    LocalDate.of(2026, 1, 8), LocalDate.of(2026, 3, 4), "officer", "sick"));
    Assignment otherOrg = assignment(b, mb, "K1");
    assertThat(
            tx(
                (Transaction t) ->
                    t.assignments()
                        .insertAllIfAbsent(
                            List.of(
                                fresh,
                                assignment(a, ma, "taken"),
                                sameKeyLater,
                                assignment(a, ma, "purged"),
                                extended,
                                otherOrg))))
        .containsExactly(fresh.id(), extended.id(), otherOrg.id());
    assertThat(tx((Transaction t) -> t.assignments().forMember(a.id(), ma.id())))
        .containsExactlyInAnyOrder(taken, fresh, extended);
    assertThat(tx((Transaction t) -> t.assignments().forMember(b.id(), mb.id())))
        .containsExactly(otherOrg);
    assertThat(tx((Transaction t) -> t.assignments().insertAllIfAbsent(List.of()))).isEmpty();
    // Past every per-statement and IN-list chunk: each is added once, and a second call adds none.
    List<Assignment> many = new ArrayList<>();
    for (int i = 0; i < 1_234; i++) {
      many.add(assignment(a, ma, "many-" + i));
    }
    assertThat(tx((Transaction t) -> t.assignments().insertAllIfAbsent(many)))
        .hasSize(1_234)
        .containsExactlyElementsOf(many.stream().map(Assignment::id).toList());
    List<Assignment> again = many.stream().map(x -> assignment(a, ma, x.dedupeKey())).toList();
    assertThat(tx((Transaction t) -> t.assignments().insertAllIfAbsent(again))).isEmpty();
    assertThat(tx((Transaction t) -> t.assignments().forMember(a.id(), ma.id())))
        .hasSize(3 + 1_234);
  }

  @Test
  void bulkMemberInsertsAreAllOrNothing() {
    Organization org = newOrg();
    WorkforceMember existing = tx((Transaction t) -> t.members().insert(member(org, "E0")));
    List<WorkforceMember> fresh = new ArrayList<>();
    for (int i = 1; i <= 612; i++) {
      fresh.add(member(org, "E" + i));
    }
    assertThat(tx((Transaction t) -> t.members().insertAll(fresh)))
        .containsExactlyElementsOf(fresh);
    assertThat(tx((Transaction t) -> t.members().findByExternalId(org.id(), "E612")))
        .contains(fresh.get(611));
    assertThat(tx((Transaction t) -> t.members().list(org.id()))).hasSize(613).contains(existing);
    // A taken external id at the end of the list, or one given twice: a conflict and nothing
    // written.
    WorkforceMember newcomer = member(org, "N1");
    assertThatThrownBy(
            () ->
                tx((Transaction t) -> t.members().insertAll(List.of(newcomer, member(org, "E7")))))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("E7");
    assertThatThrownBy(
            () ->
                tx(
                    (Transaction t) ->
                        t.members()
                            .insertAll(List.of(newcomer, member(org, "N2"), member(org, "N2")))))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("N2");
    assertThat(tx((Transaction t) -> t.members().findByExternalId(org.id(), "N1"))).isEmpty();
    assertThat(tx((Transaction t) -> t.members().findByExternalId(org.id(), "N2"))).isEmpty();
    assertThat(tx((Transaction t) -> t.members().insertAll(List.of()))).isEmpty();
  }

  @Test
  void assignmentsKeepEveryFieldThroughUpdates() {
    Organization org = newOrg();
    WorkforceMember m = tx((Transaction t) -> t.members().insert(member(org, "E1")));
    Assignment first = assignment(org, m, "K1");
    Assignment second =
        new Assignment(
            Id.random(),
            org.id(),
            m.id(),
            Id.random(),
            null,
            AssignmentReason.MANUAL,
            null,
            "K2",
            LocalDate.of(2026, 1, 6),
            T0.plusSeconds(60),
            "officer",
            LocalDate.of(2026, 1, 6),
            LocalDate.of(2026, 3, 1),
            List.of(),
            null,
            null,
            0);
    tx((Transaction t) -> t.assignments().insertIfAbsent(second));
    tx((Transaction t) -> t.assignments().insertIfAbsent(first));
    Assignment extended =
        tx(
            (Transaction t) ->
                t.assignments()
                    .update(
                        first
                            .started(LocalDate.of(2026, 1, 7))
                            .extended(
                                new DueDateChange(
                                    LocalDate.of(2026, 1, 8),
                                    LocalDate.of(2026, 3, 4),
                                    "officer",
                                    "sick"))));
    Assignment closed =
        tx(
            (Transaction t) ->
                t.assignments()
                    .update(
                        extended.closed(
                            new Closure(
                                AssignmentState.WAIVED,
                                LocalDate.of(2026, 1, 9),
                                T0.plusSeconds(3600),
                                "officer-2",
                                "equivalent training",
                                null))));
    assertThat(closed.version()).isEqualTo(2);
    assertThat(tx((Transaction t) -> t.assignments().find(org.id(), first.id()))).contains(closed);
    assertThat(tx((Transaction t) -> t.assignments().forMember(org.id(), m.id())))
        .containsExactly(closed, second);
    assertThat(
            tx(
                (Transaction t) ->
                    t.assignments()
                        .forRequirement(org.id(), Objects.requireNonNull(first.requirement()))))
        .containsExactly(closed);
    assertThat(tx((Transaction t) -> t.assignments().list(org.id())))
        .containsExactly(closed, second);
    assertThatThrownBy(() -> tx((Transaction t) -> t.assignments().update(extended)))
        .isInstanceOf(ConflictException.class);
  }

  // ---------------------------------------------------------------- assignment aggregate

  private static MemberTerms terms(
      String from, WorkforceType type, String department, MemberStatus status) {
    return new MemberTerms(LocalDate.parse(from), type, Set.of("nurse"), department, null, status);
  }

  private static MemberTerms terms(
      String from, WorkforceType type, String department, MemberStatus status, Set<String> roles) {
    return new MemberTerms(LocalDate.parse(from), type, roles, department, null, status);
  }

  private WorkforceMember insertMember(
      Organization org, String externalId, String engagedOn, MemberTerms... history) {
    return tx(
        (Transaction t) ->
            t.members()
                .insert(
                    new WorkforceMember(
                        Id.random(),
                        org.id(),
                        externalId,
                        "Name " + externalId,
                        LocalDate.parse(engagedOn),
                        List.of(history),
                        0)));
  }

  /**
   * Assigned 2026-01-05, due 2026-02-04, then changed by {@code change} in a second transaction.
   */
  private void insertAssignment(
      Organization org, WorkforceMember m, String key, Function<Assignment, Assignment> change) {
    Assignment a = assignment(org, m, key);
    tx((Transaction t) -> t.assignments().insertIfAbsent(a));
    Assignment changed = change.apply(a);
    if (!changed.equals(a)) {
      tx((Transaction t) -> t.assignments().update(changed));
    }
  }

  private static Closure closure(AssignmentState state, String on) {
    return new Closure(
        state,
        LocalDate.parse(on),
        T0.plusSeconds(86_400),
        "officer",
        "because",
        state == AssignmentState.COMPLETED ? Id.random() : null);
  }

  private static AssignmentSummary row(
      String department,
      WorkforceType type,
      long members,
      long membersOverdue,
      long membersDueSoon,
      long membersPending,
      long pending,
      long dueSoon,
      long overdue,
      long completed,
      long waived) {
    return new AssignmentSummary(
        department,
        type,
        Set.of("nurse"),
        members,
        membersOverdue,
        membersDueSoon,
        membersPending,
        pending,
        dueSoon,
        overdue,
        completed,
        waived);
  }

  /**
   * The organization's summary as the public API gives it on this store, with a 14-day due-soon
   * window: core decides what the counts mean, the store counts (its fast count if it has one, else
   * core's count from plain reads).
   */
  private List<AssignmentSummary> summarize(Organization org, String asOf) {
    Trainproof tp = Trainproof.builder().store(store).dueSoonDays(14).build();
    return tp.status()
        .summary(Actor.complianceOfficer("officer-1", org.id()), LocalDate.parse(asOf));
  }

  /**
   * Pins the aggregate's rules (see {@link io.trainproof.core.status.AssignmentSummary}) with
   * counts computed by hand. Every assignment is assigned 2026-01-05 and due 2026-02-04; the
   * due-soon window is 14 days.
   */
  @Test
  void assignmentSummaryCountsByDatedFacts() {
    Organization org = newOrg();
    WorkforceType emp = WorkforceType.EMPLOYEE;
    WorkforceType con = WorkforceType.CONTRACTOR;
    // A: ICU employee throughout, five assignments
    WorkforceMember a =
        insertMember(org, "A", "2025-02-28", terms("2025-02-28", emp, "ICU", MemberStatus.ACTIVE));
    insertAssignment(org, a, "a1", x -> x);
    insertAssignment(
        org,
        a,
        "a2",
        x ->
            x // extended on 02-01 to 03-06, then on 02-25 to 04-30
                .extended(
                    new DueDateChange(
                        LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 6), "officer", "leave"))
                .extended(
                    new DueDateChange(
                        LocalDate.of(2026, 2, 25), LocalDate.of(2026, 4, 30), "officer", "again")));
    insertAssignment(org, a, "a3", x -> x.closed(closure(AssignmentState.COMPLETED, "2026-01-20")));
    insertAssignment(org, a, "a4", x -> x.closed(closure(AssignmentState.WAIVED, "2026-02-10")));
    insertAssignment(org, a, "a5", x -> x.closed(closure(AssignmentState.CANCELLED, "2026-01-15")));
    // B: moves from ICU to Front on 02-01
    WorkforceMember b =
        insertMember(
            org,
            "B",
            "2025-02-28",
            terms("2025-02-28", emp, "ICU", MemberStatus.ACTIVE),
            terms("2026-02-01", emp, "Front", MemberStatus.ACTIVE));
    insertAssignment(org, b, "b1", x -> x);
    // C: ICU contractor, on leave from 02-01
    WorkforceMember c =
        insertMember(
            org,
            "C",
            "2025-02-28",
            terms("2025-02-28", con, "ICU", MemberStatus.ACTIVE),
            terms("2026-02-01", con, "ICU", MemberStatus.ON_LEAVE));
    insertAssignment(org, c, "c1", x -> x);
    // D: ICU employee, terminated from 01-25 (the assignment is left open on purpose)
    WorkforceMember d =
        insertMember(
            org,
            "D",
            "2025-02-28",
            terms("2025-02-28", emp, "ICU", MemberStatus.ACTIVE),
            terms("2026-01-25", emp, "ICU", MemberStatus.TERMINATED));
    insertAssignment(org, d, "d1", x -> x);
    // E: Front employee engaged 01-10, nothing assigned
    insertMember(org, "E", "2026-01-10", terms("2026-01-10", emp, "Front", MemberStatus.ACTIVE));
    // F: an ICU volunteer with two roles, engaged 03-01; the assignment (dated before) counts from
    // then
    WorkforceMember f =
        insertMember(
            org,
            "F",
            "2026-03-01",
            terms(
                "2026-03-01",
                WorkforceType.VOLUNTEER,
                "ICU",
                MemberStatus.ACTIVE,
                Set.of("nurse", "lead")));
    insertAssignment(org, f, "f1", y -> y);
    // another organization's facts never count
    Organization other = newOrg();
    WorkforceMember x =
        insertMember(
            other, "A", "2025-02-28", terms("2025-02-28", emp, "ICU", MemberStatus.ACTIVE));
    insertAssignment(other, x, "x1", y -> y);

    // before anything was assigned; E not yet engaged
    assertThat(summarize(org, "2026-01-04"))
        .containsExactly(
            row("ICU", emp, 3, 0, 0, 0, 0, 0, 0, 0, 0), row("ICU", con, 1, 0, 0, 0, 0, 0, 0, 0, 0));
    // everything open and pending (due 02-04 is after 01-10 + 14); the completion and the
    // cancellation are later facts
    assertThat(summarize(org, "2026-01-10"))
        .containsExactly(
            row("Front", emp, 1, 0, 0, 0, 0, 0, 0, 0, 0),
            row("ICU", emp, 3, 0, 0, 3, 7, 0, 0, 0, 0),
            row("ICU", con, 1, 0, 0, 1, 1, 0, 0, 0, 0));
    // due soon (02-04 <= 01-25 + 14); a3 completed, a5 cancelled (not counted); D terminated
    assertThat(summarize(org, "2026-01-25"))
        .containsExactly(
            row("Front", emp, 1, 0, 0, 0, 0, 0, 0, 0, 0),
            row("ICU", emp, 2, 0, 2, 0, 0, 4, 0, 1, 0),
            row("ICU", con, 1, 0, 1, 0, 0, 1, 0, 0, 0));
    // the due date itself is not overdue; a2 extended to 03-06 is pending; B now in Front; C on
    // leave
    assertThat(summarize(org, "2026-02-04"))
        .containsExactly(
            row("Front", emp, 2, 0, 1, 0, 0, 1, 0, 0, 0),
            row("ICU", emp, 1, 0, 1, 0, 1, 2, 0, 1, 0));
    // the day after: overdue (a4 is waived only on 02-10)
    assertThat(summarize(org, "2026-02-05"))
        .containsExactly(
            row("Front", emp, 2, 1, 0, 0, 0, 0, 1, 0, 0),
            row("ICU", emp, 1, 1, 0, 0, 1, 0, 2, 1, 0));
    // a4 waived; a2 due soon (03-06 <= 02-20 + 14); its second extension is not granted yet
    assertThat(summarize(org, "2026-02-20"))
        .containsExactly(
            row("Front", emp, 2, 1, 0, 0, 0, 0, 1, 0, 0),
            row("ICU", emp, 1, 1, 0, 0, 0, 1, 1, 1, 1));
    // past the first extended date, but the second extension (granted 02-25) moved it to 04-30;
    // F is a group of their own (another type and role set)
    assertThat(summarize(org, "2026-03-07"))
        .containsExactly(
            row("Front", emp, 2, 1, 0, 0, 0, 0, 1, 0, 0),
            row("ICU", emp, 1, 1, 0, 0, 1, 0, 1, 1, 1),
            new AssignmentSummary(
                "ICU",
                WorkforceType.VOLUNTEER,
                Set.of("lead", "nurse"),
                1,
                1,
                0,
                0,
                0,
                0,
                1,
                0,
                0));
    // an organization with nobody active has no rows
    assertThat(summarize(newOrg(), "2026-03-07")).isEmpty();
  }

  /** An assignment of {@code m} assigned on {@code assignedOn} and due on {@code dueOn}. */
  private Assignment insertDue(
      Organization org,
      WorkforceMember m,
      String key,
      LocalDate assignedOn,
      LocalDate dueOn,
      Function<Assignment, Assignment> change) {
    Assignment a =
        assignment(org, m, key).toBuilder()
            .assignedOn(assignedOn)
            .anchorOn(assignedOn)
            .dueOn(dueOn)
            .build();
    tx((Transaction t) -> t.assignments().insertIfAbsent(a));
    Assignment changed = change.apply(a);
    return changed.equals(a) ? a : tx((Transaction t) -> t.assignments().update(changed));
  }

  /**
   * A store's fast assignment count ({@link io.trainproof.core.spi.AssignmentRepository#count})
   * gives exactly what core counts from plain reads ({@link AssignmentCounting#fromReads}), on
   * assignments open, closed every way, extended (before and after the as-of date), assigned or
   * closed after it, and due on each side of every band boundary, for several as-of dates, windows
   * and member statuses. A store with no fast count has nothing to compare: core's count from reads
   * is what its summary uses, and {@link #assignmentSummaryCountsByDatedFacts} checks that by hand.
   */
  @Test
  void aFastAssignmentCountAgreesWithCoresCountFromReads() {
    Organization org = newOrg();
    LocalDate b = LocalDate.of(2026, 3, 10);
    LocalDate early = b.minusDays(60);
    WorkforceType emp = WorkforceType.EMPLOYEE;
    // M1: open assignments due on each side of the boundaries around b for windows 0, 1 and 14
    WorkforceMember m1 =
        insertMember(org, "M1", "2025-01-01", terms("2025-01-01", emp, "ICU", MemberStatus.ACTIVE));
    int[] offsets = {-2, -1, 0, 1, 2, 13, 14, 15, 16};
    for (int o : offsets) {
      insertDue(org, m1, "m1-" + o, early, b.plusDays(o), x -> x);
    }
    // M2, same group: completed, waived and cancelled at different dates, one started, one
    // assigned only after b, one closed after being extended
    WorkforceMember m2 =
        insertMember(org, "M2", "2025-01-01", terms("2025-01-01", emp, "ICU", MemberStatus.ACTIVE));
    insertDue(
        org,
        m2,
        "m2-completed",
        early,
        b.plusDays(5),
        x -> x.closed(closure(AssignmentState.COMPLETED, b.toString())));
    insertDue(
        org,
        m2,
        "m2-waived",
        early,
        b.minusDays(3),
        x -> x.closed(closure(AssignmentState.WAIVED, b.plusDays(2).toString())));
    insertDue(
        org,
        m2,
        "m2-cancelled",
        early,
        b.plusDays(1),
        x -> x.closed(closure(AssignmentState.CANCELLED, b.minusDays(1).toString())));
    insertDue(org, m2, "m2-started", early, b.plusDays(14), x -> x.started(b.minusDays(20)));
    insertDue(org, m2, "m2-later", b.plusDays(3), b.plusDays(10), x -> x);
    insertDue(
        org,
        m2,
        "m2-extended-closed",
        early,
        b.minusDays(5),
        x ->
            x.extended(new DueDateChange(b.minusDays(10), b.plusDays(1), "officer", "leave"))
                .closed(closure(AssignmentState.COMPLETED, b.plusDays(1).toString())));
    // M3, another group (type and roles): extensions granted before and after b, one granted
    // before the assignment's original due date moves it back into an earlier band
    WorkforceMember m3 =
        insertMember(
            org,
            "M3",
            "2025-01-01",
            terms(
                "2025-01-01",
                WorkforceType.CONTRACTOR,
                "Front",
                MemberStatus.ACTIVE,
                Set.of("nurse", "lead")));
    insertDue(
        org,
        m3,
        "m3-twice",
        early,
        b.minusDays(5),
        x ->
            x.extended(new DueDateChange(b.minusDays(10), b.plusDays(3), "officer", "leave"))
                .extended(new DueDateChange(b.plusDays(2), b.plusDays(20), "officer", "again")));
    insertDue(
        org,
        m3,
        "m3-shortened",
        early,
        b.plusDays(30),
        x -> x.extended(new DueDateChange(b.minusDays(1), b.plusDays(14), "officer", "moved up")));
    insertDue(
        org,
        m3,
        "m3-granted-on-b",
        early,
        b.minusDays(1),
        x -> x.extended(new DueDateChange(b, b.plusDays(15), "officer", "granted on the day")));
    // M4: moves department on b+1, on leave from b+14
    WorkforceMember m4 =
        insertMember(
            org,
            "M4",
            "2025-01-01",
            terms("2025-01-01", emp, "ICU", MemberStatus.ACTIVE),
            terms(b.plusDays(1).toString(), emp, "Front", MemberStatus.ACTIVE),
            terms(b.plusDays(14).toString(), emp, "Front", MemberStatus.ON_LEAVE));
    insertDue(org, m4, "m4", early, b, x -> x);
    // M5: terminated on b with an open assignment; M6: engaged on b+14 with one assigned before;
    // M7: nothing assigned
    WorkforceMember m5 =
        insertMember(
            org,
            "M5",
            "2025-01-01",
            terms("2025-01-01", emp, "ICU", MemberStatus.ACTIVE),
            terms(b.toString(), emp, "ICU", MemberStatus.TERMINATED));
    insertDue(org, m5, "m5", early, b.plusDays(1), x -> x);
    WorkforceMember m6 =
        insertMember(
            org,
            "M6",
            b.plusDays(14).toString(),
            terms(b.plusDays(14).toString(), emp, "ICU", MemberStatus.ACTIVE));
    insertDue(org, m6, "m6", early, b.plusDays(7), x -> x);
    insertMember(org, "M7", "2025-01-01", terms("2025-01-01", emp, "ICU", MemberStatus.ACTIVE));
    // another organization's facts never count
    Organization other = newOrg();
    WorkforceMember x1 =
        insertMember(
            other, "M1", "2025-01-01", terms("2025-01-01", emp, "ICU", MemberStatus.ACTIVE));
    insertDue(other, x1, "x1", early, b, y -> y);

    int compared = 0;
    for (int day = -20; day <= 40; day++) {
      LocalDate asOf = b.plusDays(day);
      for (int window : new int[] {0, 1, 14}) {
        for (MemberStatus status :
            new MemberStatus[] {MemberStatus.ACTIVE, MemberStatus.ON_LEAVE}) {
          compared +=
              agree(
                  new AssignmentCountQuery(
                      org.id(), asOf, status, asOf.minusDays(1), asOf.plusDays(window)));
        }
      }
      // bands of other shapes: an empty second band, and a first band reaching past the date
      compared += agree(new AssignmentCountQuery(org.id(), asOf, MemberStatus.ACTIVE, asOf, asOf));
      compared +=
          agree(
              new AssignmentCountQuery(
                  org.id(), asOf, MemberStatus.ACTIVE, asOf.plusDays(3), asOf.plusDays(9)));
    }
    compared +=
        agree(
            new AssignmentCountQuery(
                newOrg().id(), b, MemberStatus.ACTIVE, b.minusDays(1), b.plusDays(14)));
    // The data is rich enough to tell bands apart: core's count sees every band and closure.
    List<AssignmentCounts> onB =
        tx(
            (Transaction t) ->
                AssignmentCounting.fromReads(
                    t,
                    new AssignmentCountQuery(
                        org.id(), b, MemberStatus.ACTIVE, b.minusDays(1), b.plusDays(14))));
    assertThat(onB).extracting(AssignmentCounts::department).contains("ICU", "Front");
    assertThat(onB.stream().mapToLong(AssignmentCounts::openInFirstBand).sum()).isPositive();
    assertThat(onB.stream().mapToLong(AssignmentCounts::openInSecondBand).sum()).isPositive();
    assertThat(onB.stream().mapToLong(AssignmentCounts::openInThirdBand).sum()).isPositive();
    assertThat(onB.stream().mapToLong(AssignmentCounts::completed).sum()).isPositive();
    assertThat(onB.stream().mapToLong(AssignmentCounts::cancelled).sum()).isPositive();
    Assumptions.assumeTrue(
        compared > 0,
        "this store has no fast assignment count (AssignmentRepository.count is"
            + " empty): core counts from plain reads, which assignmentSummaryCountsByDatedFacts checks by hand");
  }

  /**
   * @return 1 when the store has a fast count for the query (and it agreed), 0 when it has none
   */
  private int agree(AssignmentCountQuery query) {
    return tx(
        (Transaction t) -> {
          Optional<List<AssignmentCounts>> fast = t.assignments().count(query);
          if (fast.isEmpty()) {
            return 0;
          }
          assertThat(fast.get())
              .as("fast count for %s", query)
              .containsExactlyInAnyOrderElementsOf(AssignmentCounting.fromReads(t, query));
          return 1;
        });
  }

  @Test
  void completionsRoundTripInDateOrder() {
    Organization org = newOrg();
    WorkforceMember m = tx((Transaction t) -> t.members().insert(member(org, "E1")));
    Completion later = completion(org, m, LocalDate.of(2026, 2, 1), T0, true, 91);
    Completion earlier =
        completion(org, m, LocalDate.of(2026, 1, 20), T0.plusSeconds(10), false, null);
    tx(
        (Transaction t) -> {
          t.completions().insert(later);
          t.completions().insert(earlier);
          return null;
        });
    assertThat(tx((Transaction t) -> t.completions().forMember(org.id(), m.id())))
        .containsExactly(earlier, later);
    assertThat(tx((Transaction t) -> t.completions().find(org.id(), later.id()))).contains(later);
  }

  @SuppressWarnings("DistinctVarargsChecker") // why: each Id.random() is a new id
  private static Completion completion(
      Organization org,
      WorkforceMember m,
      LocalDate on,
      Instant at,
      boolean passed,
      @Nullable Integer score) {
    return new Completion(
        Id.random(),
        org.id(),
        m.id(),
        Set.of("nurse"),
        WorkforceType.TRAINEE,
        Id.random(),
        Id.random(),
        Id.random(),
        Fixtures.sha256("content"),
        Set.of(Id.random(), Id.random()),
        AssignmentReason.POLICY_CHANGE,
        Id.random(),
        LocalDate.of(2026, 1, 15),
        LocalDate.of(2026, 1, 10),
        LocalDate.of(2026, 2, 14),
        on,
        at,
        score,
        passed,
        new Provenance(CompletionMethod.CLASSROOM, "instructor-7", "Room 4", "sheet-12", null),
        List.of(new EvidenceFile("sign-in.pdf", Fixtures.sha256("pdf"))),
        LocalDate.of(2033, 2, 1));
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

  @Test
  void concurrentInsertsOfOneDedupeKeyCreateExactlyOne() throws Exception {
    Organization org = newOrg();
    WorkforceMember m = tx((Transaction t) -> t.members().insert(member(org, "E1")));
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        Callable<Boolean> insert =
            () -> {
              start.await();
              return tx(
                  (Transaction t) -> t.assignments().insertIfAbsent(assignment(org, m, "race")));
            };
        results.add(pool.submit(insert));
      }
      start.countDown();
      int created = 0;
      for (Future<Boolean> f : results) {
        created += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(created).isEqualTo(1);
      assertThat(tx((Transaction t) -> t.assignments().list(org.id()))).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- Oversight, audit, attestations, retention, outbox, certificates ----

  private static AuditEntry entry(Organization org, long seq, String previous) {
    TreeMap<String, String> details = new TreeMap<>(Map.of("member", "m-1", "dueOn", "2026-02-01"));
    AuditEntry draft =
        new AuditEntry(
            org.id(),
            seq,
            T0.plusSeconds(seq),
            "officer",
            "COMPLIANCE_OFFICER",
            "ACTION",
            "Assignment",
            "a-" + seq,
            details,
            previous,
            "",
            false);
    return new AuditEntry(
        org.id(),
        seq,
        draft.at(),
        "officer",
        "COMPLIANCE_OFFICER",
        "ACTION",
        "Assignment",
        "a-" + seq,
        details,
        previous,
        AuditChain.hashOf(draft),
        false);
  }

  @Test
  void auditChainsAppendInSequencePerOrganization() {
    Organization org = newOrg();
    Organization other = newOrg();
    assertThat(tx((Transaction t) -> t.audit().lockHead(org.id()))).isEmpty();
    AuditEntry first = entry(org, 1, AuditChain.GENESIS);
    AuditEntry second = entry(org, 2, first.hash());
    tx(
        (Transaction t) -> {
          t.audit().append(first);
          t.audit().append(second);
          t.audit().append(entry(other, 1, AuditChain.GENESIS));
          return null;
        });
    assertThat(tx((Transaction t) -> t.audit().lockHead(org.id()))).contains(second);
    assertThat(tx((Transaction t) -> t.audit().range(org.id(), 1, 2)))
        .containsExactly(first, second);
    assertThat(tx((Transaction t) -> t.audit().between(org.id(), T0, T0.plusSeconds(2))))
        .containsExactly(first);
    assertThatThrownBy(
            () ->
                tx(
                    (Transaction t) -> {
                      t.audit().append(entry(org, 2, first.hash()));
                      return null;
                    }))
        .isInstanceOf(ConflictException.class);
    tx(
        (Transaction t) -> {
          t.audit().replaceWithTombstone(first.toTombstone());
          return null;
        });
    assertThat(tx((Transaction t) -> t.audit().range(org.id(), 1, 1)))
        .containsExactly(first.toTombstone());
    assertThat(
            AuditChain.verify(
                    tx((Transaction t) -> t.audit().range(org.id(), 1, 2)), 0, AuditChain.GENESIS)
                .intact())
        .isTrue();
  }

  @Test
  void bulkAuditAppendsChainAndRefuseTakenSequences() {
    Organization org = newOrg();
    List<AuditEntry> entries = new ArrayList<>();
    String previous = AuditChain.GENESIS;
    for (long seq = 1; seq <= 1_105; seq++) {
      AuditEntry e = entry(org, seq, previous);
      entries.add(e);
      previous = e.hash();
    }
    tx(
        (Transaction t) -> {
          t.audit().appendAll(entries.subList(0, 2));
          return null;
        });
    tx(
        (Transaction t) -> {
          t.audit().appendAll(entries.subList(2, entries.size()));
          return null;
        });
    assertThat(tx((Transaction t) -> t.audit().lockHead(org.id())))
        .contains(entries.get(entries.size() - 1));
    List<AuditEntry> stored = tx((Transaction t) -> t.audit().range(org.id(), 1, 1_105));
    assertThat(stored).containsExactlyElementsOf(entries);
    assertThat(AuditChain.verify(stored, 0, AuditChain.GENESIS).intact()).isTrue();
    // A taken sequence anywhere in the list: a conflict, and the new entries before it are not
    // kept.
    AuditEntry next = entry(org, 1_106, previous);
    AuditEntry clash = entry(org, 600, previous);
    assertThatThrownBy(
            () ->
                tx(
                    (Transaction t) -> {
                      t.audit().appendAll(List.of(next, clash));
                      return null;
                    }))
        .isInstanceOf(ConflictException.class);
    assertThat(tx((Transaction t) -> t.audit().lockHead(org.id())))
        .contains(entries.get(entries.size() - 1));
  }

  @Test
  void theNewestAuditEntriesComeInChainOrderPerOrganization() {
    Organization org = newOrg();
    Organization other = newOrg();
    assertThat(tx((Transaction t) -> t.audit().latest(org.id(), 3))).isEmpty();
    List<AuditEntry> entries = new ArrayList<>();
    String previous = AuditChain.GENESIS;
    for (long seq = 1; seq <= 5; seq++) {
      AuditEntry e = entry(org, seq, previous);
      entries.add(e);
      previous = e.hash();
    }
    tx(
        (Transaction t) -> {
          t.audit().appendAll(entries);
          t.audit().append(entry(other, 1, AuditChain.GENESIS));
          return null;
        });
    assertThat(tx((Transaction t) -> t.audit().latest(org.id(), 3)))
        .containsExactlyElementsOf(entries.subList(2, 5));
    assertThat(tx((Transaction t) -> t.audit().latest(org.id(), 1)))
        .containsExactly(entries.get(4));
    assertThat(tx((Transaction t) -> t.audit().latest(org.id(), 50)))
        .containsExactlyElementsOf(entries);
    assertThat(AuditChain.verifyHead(tx((Transaction t) -> t.audit().latest(org.id(), 3))).intact())
        .isTrue();
  }

  @Test
  void attestationsAreUniquePerMemberAndVersionAndKeepTheirEvidence() {
    Organization org = newOrg();
    WorkforceMember m = tx((Transaction t) -> t.members().insert(member(org, "E1")));
    Id<Policy> policy = Id.random();
    Id<PolicyVersion> version = Id.random();
    Attestation request =
        new Attestation(
            Id.random(),
            org.id(),
            m.id(),
            policy,
            version,
            LocalDate.of(2026, 1, 5),
            LocalDate.of(2026, 2, 4),
            "system",
            true,
            null,
            0);
    assertThat(tx((Transaction t) -> t.attestations().insertIfAbsent(request))).isTrue();
    assertThat(
            tx(
                (Transaction t) ->
                    t.attestations()
                        .insertIfAbsent(
                            new Attestation(
                                Id.random(),
                                org.id(),
                                m.id(),
                                policy,
                                version,
                                LocalDate.of(2026, 1, 6),
                                LocalDate.of(2026, 2, 5),
                                "officer",
                                false,
                                null,
                                0))))
        .isFalse();
    Attestation.Evidence evidence =
        new Attestation.Evidence(
            "I have read PRIV-01 v2.",
            Fixtures.sha256("s"),
            Fixtures.sha256("p"),
            T0,
            LocalDate.of(2026, 1, 5),
            AttestationMethod.ON_BEHALF,
            "officer",
            null,
            "signed on paper",
            Fixtures.sha256("r"),
            "urn:uuid:1",
            "{\"proof\":{}}");
    Attestation attested =
        tx((Transaction t) -> t.attestations().update(request.attested(evidence)));
    assertThat(attested.version()).isEqualTo(1);
    assertThat(tx((Transaction t) -> t.attestations().find(org.id(), m.id(), version)))
        .contains(attested);
    assertThat(tx((Transaction t) -> t.attestations().forMember(org.id(), m.id())))
        .containsExactly(attested);
    assertThat(tx((Transaction t) -> t.attestations().forVersion(org.id(), version)))
        .containsExactly(attested);
    assertThatThrownBy(
            () -> tx((Transaction t) -> t.attestations().update(request.attested(evidence))))
        .isInstanceOf(ConflictException.class);
    tx(
        (Transaction t) -> {
          t.attestations().delete(org.id(), request.id());
          return null;
        });
    assertThat(tx((Transaction t) -> t.attestations().find(org.id(), request.id()))).isEmpty();
  }

  @Test
  void theOutboxKeepsOneMessagePerKeyAndLeasesClaims() {
    Organization org = newOrg();
    Notification n =
        Notification.pending(
            org.id(),
            "k-1",
            NotificationKind.REMINDER,
            null,
            "email",
            Map.of("assignment", "a-1"),
            T0);
    assertThat(tx((Transaction t) -> t.outbox().enqueue(n))).isTrue();
    assertThat(
            tx(
                (Transaction t) ->
                    t.outbox()
                        .enqueue(
                            Notification.pending(
                                org.id(),
                                "k-1",
                                NotificationKind.DUE,
                                null,
                                "email",
                                Map.of(),
                                T0))))
        .isFalse();
    List<Notification> claimed =
        tx((Transaction t) -> t.outbox().claimDue(T0, T0.plusSeconds(300), 10)).stream()
            .filter(c -> c.organization().equals(org.id()))
            .toList();
    assertThat(claimed)
        .singleElement()
        .satisfies(c -> assertThat(c.nextAttemptAt()).isEqualTo(T0.plusSeconds(300)));
    // Leased: a second dispatcher before the lease ends gets nothing of this organization.
    assertThat(
            tx(
                (Transaction t) ->
                    t.outbox().claimDue(T0.plusSeconds(10), T0.plusSeconds(310), 1000)))
        .noneMatch(c -> c.organization().equals(org.id()));
    Notification delivered =
        new Notification(
            n.id(),
            n.organization(),
            n.idempotencyKey(),
            n.kind(),
            n.recipient(),
            n.channel(),
            n.payload(),
            n.createdAt(),
            1,
            claimed.get(0).nextAttemptAt(),
            null,
            T0.plusSeconds(1));
    tx(
        (Transaction t) -> {
          t.outbox().update(delivered);
          return null;
        });
    assertThat(
            tx(
                (Transaction t) ->
                    t.outbox().claimDue(T0.plusSeconds(1000), T0.plusSeconds(1300), 1000)))
        .noneMatch(c -> c.organization().equals(org.id()));
    assertThat(tx((Transaction t) -> t.outbox().between(org.id(), T0, T0.plusSeconds(1))))
        .containsExactly(delivered);
  }

  @Test
  void theOutboxCountsWhatIsNotDeliveredYet() {
    // why: the store is shared by the suite's tests; other organizations' messages are counted
    // too, so the test compares counts before and after its own writes
    long before = tx((Transaction t) -> t.outbox().countPending());
    Organization org = newOrg();
    Notification first =
        Notification.pending(
            org.id(), "p-1", NotificationKind.REMINDER, null, "email", Map.of(), T0);
    Notification second =
        Notification.pending(org.id(), "p-2", NotificationKind.DUE, null, "email", Map.of(), T0);
    tx((Transaction t) -> t.outbox().enqueueAll(List.of(first, second)));
    assertThat(tx((Transaction t) -> t.outbox().countPending())).isEqualTo(before + 2);
    Notification delivered =
        new Notification(
            first.id(),
            first.organization(),
            first.idempotencyKey(),
            first.kind(),
            first.recipient(),
            first.channel(),
            first.payload(),
            first.createdAt(),
            1,
            first.nextAttemptAt(),
            null,
            T0.plusSeconds(1));
    tx(
        (Transaction t) -> {
          t.outbox().update(delivered);
          return null;
        });
    assertThat(tx((Transaction t) -> t.outbox().countPending())).isEqualTo(before + 1);
  }

  @Test
  void bulkOutboxWritesKeepOneMessagePerKey() {
    Instant later = CENTURY_ON;
    Organization org = newOrg();
    Organization other = newOrg();
    Notification taken =
        Notification.pending(
            org.id(), "taken", NotificationKind.REMINDER, null, "email", Map.of(), later);
    tx((Transaction t) -> t.outbox().enqueue(taken));
    Notification first =
        Notification.pending(
            org.id(),
            "k-1",
            NotificationKind.ASSIGNED,
            null,
            "default",
            Map.of("assignment", "a-1"),
            later);
    Notification sameKeyLater =
        Notification.pending(
            org.id(), "k-1", NotificationKind.DUE, null, "default", Map.of(), later);
    Notification otherOrg =
        Notification.pending(
            other.id(), "k-1", NotificationKind.DUE, null, "default", Map.of(), later);
    Notification again =
        Notification.pending(
            org.id(), "taken", NotificationKind.DUE, null, "default", Map.of(), later);
    assertThat(
            tx(
                (Transaction t) ->
                    t.outbox().enqueueAll(List.of(first, again, sameKeyLater, otherOrg))))
        .containsExactly(first.id(), otherOrg.id());
    assertThat(tx((Transaction t) -> t.outbox().between(org.id(), later, later.plusSeconds(1))))
        .containsExactlyInAnyOrder(taken, first);
    List<Notification> many = new ArrayList<>();
    List<Notification> manyAgain = new ArrayList<>();
    for (int i = 0; i < 1_111; i++) {
      many.add(
          Notification.pending(
              other.id(),
              "many-" + i,
              NotificationKind.REMINDER,
              null,
              "default",
              Map.of(),
              later));
      manyAgain.add(
          Notification.pending(
              other.id(), "many-" + i, NotificationKind.DUE, null, "default", Map.of(), later));
    }
    assertThat(tx((Transaction t) -> t.outbox().enqueueAll(many))).hasSize(1_111);
    assertThat(tx((Transaction t) -> t.outbox().enqueueAll(manyAgain))).isEmpty();
    assertThat(tx((Transaction t) -> t.outbox().between(other.id(), later, later.plusSeconds(1))))
        .hasSize(1_112)
        .noneMatch(n -> n.kind() == NotificationKind.DUE && n.idempotencyKey().startsWith("many-"));
    assertThat(tx((Transaction t) -> t.outbox().enqueueAll(List.of()))).isEmpty();
  }

  @Test
  void holdsTombstonesReviewsDecisionsRemindersAndGrantsRoundTrip() {
    Organization org = newOrg();
    WorkforceMember m = tx((Transaction t) -> t.members().insert(member(org, "E1")));
    LegalHold hold =
        new LegalHold(
            Id.random(),
            org.id(),
            "Matter 12",
            m.id(),
            LocalDate.of(2020, 1, 1),
            null,
            "officer",
            T0,
            null,
            null);
    Tombstone tomb =
        new Tombstone(
            Id.random(),
            org.id(),
            RecordKind.COMPLETION,
            "c-1",
            LocalDate.of(2032, 1, 1),
            T0,
            "officer");
    PolicyReview review =
        new PolicyReview(
            Id.random(),
            org.id(),
            Id.random(),
            LocalDate.of(2026, 1, 2),
            "officer",
            "fine",
            false,
            LocalDate.of(2027, 1, 2),
            T0);
    AddressableDecision decision =
        new AddressableDecision(
            Id.random(),
            org.id(),
            RegulatoryTopic.LOG_IN_MONITORING,
            1,
            false,
            "covered by SIEM alerts",
            "automated alerts",
            LocalDate.of(2026, 1, 2),
            "officer",
            T0);
    SecurityReminder reminder =
        new SecurityReminder(
            Id.random(),
            org.id(),
            "Phishing",
            "Watch out",
            Fixtures.sha256("Watch out"),
            "email",
            LocalDate.of(2026, 1, 5),
            T0,
            "officer",
            true,
            List.of(new SecurityReminder.Recipient(m.id(), null)));
    CrossOrganizationGrant grant =
        new CrossOrganizationGrant(
            Id.random(),
            org.id(),
            "support-1",
            "platform",
            "TICKET-9",
            T0,
            T0.plusSeconds(3600),
            null);
    tx(
        (Transaction t) -> {
          t.retention().saveHold(hold);
          t.retention().insertTombstone(tomb);
          t.documentation().insertReview(review);
          t.documentation().insertDecision(decision);
          t.documentation().saveReminder(reminder);
          t.grants().save(grant);
          return null;
        });
    LegalHold released =
        new LegalHold(
            hold.id(),
            org.id(),
            hold.matter(),
            hold.member(),
            hold.from(),
            null,
            "officer",
            T0,
            "officer-2",
            T0.plusSeconds(5));
    SecurityReminder acknowledged = reminder.acknowledged(m.id(), T0.plusSeconds(9));
    tx(
        (Transaction t) -> {
          t.retention().saveHold(released);
          t.documentation().saveReminder(acknowledged);
          return null;
        });
    assertThat(tx((Transaction t) -> t.retention().holds(org.id()))).containsExactly(released);
    assertThat(tx((Transaction t) -> t.retention().tombstones(org.id()))).containsExactly(tomb);
    assertThat(tx((Transaction t) -> t.documentation().reviews(org.id(), review.policy())))
        .containsExactly(review);
    assertThat(tx((Transaction t) -> t.documentation().decisions(org.id())))
        .containsExactly(decision);
    assertThat(tx((Transaction t) -> t.documentation().findReminder(org.id(), reminder.id())))
        .contains(acknowledged);
    assertThat(tx((Transaction t) -> t.documentation().reminders(org.id())))
        .containsExactly(acknowledged);
    assertThat(tx((Transaction t) -> t.grants().forActor(org.id(), "support-1")))
        .containsExactly(grant);
    assertThatThrownBy(
            () ->
                tx(
                    (Transaction t) -> {
                      t.documentation().insertDecision(decision);
                      return null;
                    }))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void certificatesHaveUniqueStatusIndexesAndKeepTheirStatus() {
    Organization org = newOrg();
    WorkforceMember m = tx((Transaction t) -> t.members().insert(member(org, "E1")));
    Certificate cert =
        new Certificate(
            Id.random(),
            org.id(),
            m.id(),
            Id.random(),
            Id.random(),
            Id.random(),
            "urn:uuid:c1",
            "ABCD-EFGH-JK",
            "{\"a\":1}",
            4242,
            T0,
            LocalDate.of(2026, 1, 5),
            LocalDate.of(2027, 1, 5),
            Certificate.Status.VALID,
            null,
            null,
            0);
    tx(
        (Transaction t) -> {
          t.certificates().insert(cert);
          return null;
        });
    assertThat(tx((Transaction t) -> t.certificates().statusIndexTaken(org.id(), 4242))).isTrue();
    assertThat(tx((Transaction t) -> t.certificates().statusIndexTaken(org.id(), 4243))).isFalse();
    Certificate clash =
        new Certificate(
            Id.random(),
            org.id(),
            m.id(),
            Id.random(),
            Id.random(),
            Id.random(),
            "urn:uuid:c2",
            "ZZZZ",
            "{}",
            4242,
            T0,
            LocalDate.of(2026, 1, 5),
            null,
            Certificate.Status.VALID,
            null,
            null,
            0);
    assertThatThrownBy(
            () ->
                tx(
                    (Transaction t) -> {
                      t.certificates().insert(clash);
                      return null;
                    }))
        .isInstanceOf(ConflictException.class);
    Certificate revoked =
        tx(
            (Transaction t) ->
                t.certificates()
                    .update(
                        cert.withStatus(
                            Certificate.Status.REVOKED, "issued in error", T0.plusSeconds(5))));
    assertThat(tx((Transaction t) -> t.certificates().find(org.id(), cert.id()))).contains(revoked);
    assertThat(tx((Transaction t) -> t.certificates().findByCode(org.id(), "ABCD-EFGH-JK")))
        .contains(revoked);
    assertThat(tx((Transaction t) -> t.certificates().forMember(org.id(), m.id())))
        .containsExactly(revoked);
    assertThat(
            tx(
                (Transaction t) ->
                    t.certificates().statusIndexes(org.id(), Certificate.Status.REVOKED)))
        .containsExactly(4242);
    assertThat(
            tx(
                (Transaction t) ->
                    t.certificates().statusIndexes(org.id(), Certificate.Status.VALID)))
        .isEmpty();
  }

  @Test
  void completionsAndAssignmentsCanBePurged() {
    Organization org = newOrg();
    WorkforceMember m = tx((Transaction t) -> t.members().insert(member(org, "E1")));
    Completion c = completion(org, m, LocalDate.of(2026, 1, 20), T0, true, 90);
    Assignment a = assignment(org, m, "K1");
    tx(
        (Transaction t) -> {
          t.completions().insert(c);
          t.assignments().insertIfAbsent(a);
          return null;
        });
    tx(
        (Transaction t) -> {
          t.completions().delete(org.id(), c.id());
          t.assignments().delete(org.id(), a.id());
          return null;
        });
    assertThat(tx((Transaction t) -> t.completions().forMember(org.id(), m.id()))).isEmpty();
    assertThat(tx((Transaction t) -> t.assignments().forMember(org.id(), m.id()))).isEmpty();
    // A purged cycle is never recreated: its dedupe key stays taken.
    assertThat(tx((Transaction t) -> t.assignments().insertIfAbsent(assignment(org, m, "K1"))))
        .isFalse();
  }

  @Test
  void certificationsAndTheirKindsRoundTrip() {
    Organization org = newOrg();
    WorkforceMember m = tx((Transaction t) -> t.members().insert(member(org, "E1")));
    CertificationKind kind =
        new CertificationKind(
            Id.random(), org.id(), "CHPS", "HIPAA certification", Set.of(Id.random()), T0);
    Certification cert =
        new Certification(
            Id.random(),
            org.id(),
            m.id(),
            kind.id(),
            "Provider",
            "C-77",
            LocalDate.of(2026, 1, 2),
            LocalDate.of(2027, 1, 1),
            Fixtures.sha256("pdf"),
            new Certification.Verification(true, "proof valid; issuer trusted", T0),
            T0,
            "officer");
    Certification older =
        new Certification(
            Id.random(),
            org.id(),
            m.id(),
            kind.id(),
            "Provider",
            "C-70",
            LocalDate.of(2025, 1, 2),
            null,
            null,
            null,
            T0,
            "officer");
    tx(
        (Transaction t) -> {
          t.certifications().insertKind(kind);
          t.certifications().insert(cert);
          t.certifications().insert(older);
          return null;
        });
    assertThat(tx((Transaction t) -> t.certifications().kinds(org.id()))).containsExactly(kind);
    assertThat(tx((Transaction t) -> t.certifications().forMember(org.id(), m.id())))
        .containsExactly(older, cert);
    assertThatThrownBy(
            () ->
                tx(
                    (Transaction t) -> {
                      t.certifications()
                          .insertKind(
                              new CertificationKind(
                                  Id.random(), org.id(), "CHPS", "dup", Set.of(), T0));
                      return null;
                    }))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(
            () ->
                tx(
                    (Transaction t) -> {
                      t.certifications()
                          .insert(
                              new Certification(
                                  Id.random(),
                                  org.id(),
                                  m.id(),
                                  kind.id(),
                                  "Provider",
                                  "C-77",
                                  LocalDate.of(2026, 1, 2),
                                  null,
                                  null,
                                  null,
                                  T0,
                                  "officer"));
                      return null;
                    }))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  @SuppressWarnings("DistinctVarargsChecker") // why: each Id.random() is a new id
  void bulkReadsForManyMembersGiveWhatTheOnePerMemberReadsGive() {
    Organization org = newOrg();
    Organization other = newOrg();
    WorkforceMember m1 = tx((Transaction t) -> t.members().insert(member(org, "E1")));
    WorkforceMember m2 = tx((Transaction t) -> t.members().insert(member(org, "E2")));
    WorkforceMember none = tx((Transaction t) -> t.members().insert(member(org, "E3")));
    WorkforceMember elsewhere = tx((Transaction t) -> t.members().insert(member(other, "E1")));
    CertificationKind kind =
        new CertificationKind(
            Id.random(), org.id(), "CHPS", "HIPAA certification", Set.of(Id.random()), T0);
    tx(
        (Transaction t) -> {
          t.assignments().insertIfAbsent(assignment(org, m1, "K1"));
          t.assignments()
              .insertIfAbsent(
                  new Assignment(
                      Id.random(),
                      org.id(),
                      m1.id(),
                      Id.random(),
                      null,
                      AssignmentReason.MANUAL,
                      null,
                      "K2",
                      LocalDate.of(2026, 1, 6),
                      T0.minusSeconds(60),
                      "officer",
                      LocalDate.of(2026, 1, 6),
                      LocalDate.of(2026, 3, 1),
                      List.of(),
                      null,
                      null,
                      0));
          t.assignments().insertIfAbsent(assignment(org, m2, "K3"));
          t.assignments().insertIfAbsent(assignment(other, elsewhere, "K4"));
          t.completions().insert(completion(org, m1, LocalDate.of(2026, 2, 1), T0, true, 91));
          t.completions()
              .insert(
                  completion(org, m1, LocalDate.of(2026, 1, 20), T0.plusSeconds(10), false, null));
          t.completions().insert(completion(org, m2, LocalDate.of(2026, 1, 3), T0, true, null));
          t.completions()
              .insert(completion(other, elsewhere, LocalDate.of(2026, 1, 3), T0, true, null));
          // Every column and element collection filled: extensions in order, a closure, a start;
          // several roles, policy versions and evidence files (in order), provenance in full.
          Assignment closed =
              new Assignment(
                  Id.random(),
                  org.id(),
                  m2.id(),
                  Id.random(),
                  Id.random(),
                  AssignmentReason.ONBOARDING,
                  null,
                  "K5",
                  LocalDate.of(2025, 12, 1),
                  T0.minusSeconds(3600),
                  "system",
                  LocalDate.of(2025, 12, 1),
                  LocalDate.of(2025, 12, 31),
                  List.of(),
                  null,
                  null,
                  0);
          t.assignments().insertIfAbsent(closed);
          Completion full =
              new Completion(
                  Id.random(),
                  org.id(),
                  m2.id(),
                  Set.of("nurse", "coder", "lead"),
                  WorkforceType.EMPLOYEE,
                  closed.id(),
                  closed.course(),
                  Id.random(),
                  Fixtures.sha256("course"),
                  Set.of(Id.random(), Id.random(), Id.random()),
                  AssignmentReason.ONBOARDING,
                  null,
                  null,
                  LocalDate.of(2025, 12, 1),
                  LocalDate.of(2026, 1, 31),
                  LocalDate.of(2026, 1, 3),
                  T0.plusSeconds(5),
                  77,
                  true,
                  new Provenance(
                      CompletionMethod.MANUAL_ENTRY,
                      "officer",
                      "paper",
                      "binder 3",
                      "signed sheet on file"),
                  List.of(
                      new EvidenceFile("z-sheet.pdf", Fixtures.sha256("z")),
                      new EvidenceFile("a-photo.jpg", Fixtures.sha256("a")),
                      new EvidenceFile("m-note.txt", Fixtures.sha256("m"))),
                  LocalDate.of(2032, 1, 3));
          t.completions().insert(full);
          t.assignments()
              .update(
                  closed
                      .started(LocalDate.of(2025, 12, 2))
                      .extended(
                          new DueDateChange(
                              LocalDate.of(2025, 12, 20),
                              LocalDate.of(2026, 1, 31),
                              "manager-2",
                              "leave"))
                      .extended(
                          new DueDateChange(
                              LocalDate.of(2025, 12, 21),
                              LocalDate.of(2026, 1, 15),
                              "manager-1",
                              "shortened"))
                      .closed(
                          new Closure(
                              AssignmentState.COMPLETED,
                              LocalDate.of(2026, 1, 3),
                              T0.plusSeconds(5),
                              "system",
                              "completed",
                              full.id())));
          t.certifications().insertKind(kind);
          t.certifications()
              .insert(
                  new Certification(
                      Id.random(),
                      org.id(),
                      m2.id(),
                      kind.id(),
                      "Provider",
                      "C-77",
                      LocalDate.of(2026, 1, 2),
                      null,
                      null,
                      null,
                      T0,
                      "officer"));
          t.certifications()
              .insert(
                  new Certification(
                      Id.random(),
                      org.id(),
                      m2.id(),
                      kind.id(),
                      "Provider",
                      "C-70",
                      LocalDate.of(2025, 1, 2),
                      null,
                      null,
                      null,
                      T0,
                      "officer"));
          return null;
        });
    // More ids than one IN list takes, with the real members after the first chunk.
    List<Id<WorkforceMember>> ids = new ArrayList<>();
    for (int i = 0; i < 550; i++) {
      ids.add(Id.random());
    }
    ids.addAll(List.of(m2.id(), none.id(), elsewhere.id(), m1.id()));
    Map<Id<WorkforceMember>, List<Assignment>> assignments =
        tx((Transaction t) -> t.assignments().forMembers(org.id(), ids));
    Map<Id<WorkforceMember>, List<Completion>> completions =
        tx((Transaction t) -> t.completions().forMembers(org.id(), ids));
    Map<Id<WorkforceMember>, List<Certification>> certifications =
        tx((Transaction t) -> t.certifications().forMembers(org.id(), ids));
    for (Map<Id<WorkforceMember>, ?> bulk : List.of(assignments, completions, certifications)) {
      assertThat(bulk.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    }
    for (Id<WorkforceMember> id : List.of(m1.id(), m2.id(), none.id(), elsewhere.id())) {
      assertThat(assignments.get(id))
          .containsExactlyElementsOf(
              tx((Transaction t) -> t.assignments().forMember(org.id(), id)));
      assertThat(completions.get(id))
          .containsExactlyElementsOf(
              tx((Transaction t) -> t.completions().forMember(org.id(), id)));
      assertThat(certifications.get(id))
          .containsExactlyElementsOf(
              tx((Transaction t) -> t.certifications().forMember(org.id(), id)));
    }
    assertThat(assignments.get(m1.id())).hasSize(2);
    assertThat(completions.get(m1.id())).hasSize(2);
    assertThat(certifications.get(m2.id())).hasSize(2);
    Assignment extended =
        Objects.requireNonNull(assignments.get(m2.id())).stream()
            .filter(a -> a.dedupeKey().equals("K5"))
            .findFirst()
            .orElseThrow();
    assertThat(extended.dueChanges())
        .extracting(DueDateChange::approvedBy)
        .containsExactly("manager-2", "manager-1");
    assertThat(extended.closure()).isNotNull();
    assertThat(extended.startedOn()).isEqualTo(LocalDate.of(2025, 12, 2));
    Completion withEvidence =
        Objects.requireNonNull(completions.get(m2.id())).stream()
            .filter(c -> c.score() != null)
            .findFirst()
            .orElseThrow();
    assertThat(withEvidence.evidence())
        .extracting(EvidenceFile::name)
        .containsExactly("z-sheet.pdf", "a-photo.jpg", "m-note.txt");
    assertThat(withEvidence.roles()).containsExactlyInAnyOrder("nurse", "coder", "lead");
    assertThat(withEvidence.policyVersions()).hasSize(3);
    assertThat(assignments.get(elsewhere.id())).isEmpty();
    assertThat(completions.get(elsewhere.id())).isEmpty();
    assertThat(assignments.get(none.id())).isEmpty();
  }

  @Test
  void keysetPagesReturnEachRecordOnceInIdOrder() {
    Organization org = newOrg();
    Organization other = newOrg();
    List<WorkforceMember> members = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String ext = "P" + i;
      WorkforceMember m = tx((Transaction t) -> t.members().insert(member(org, ext)));
      members.add(m);
      String key = "K" + i;
      tx((Transaction t) -> t.assignments().insertIfAbsent(assignment(org, m, key)));
      Completion c = completion(org, m, LocalDate.of(2026, 1, 20), T0.plusSeconds(i), true, 90);
      tx(
          (Transaction t) -> {
            t.completions().insert(c);
            return null;
          });
    }
    tx((Transaction t) -> t.members().insert(member(other, "P0")));
    List<WorkforceMember> walked = new ArrayList<>();
    Id<WorkforceMember> after = null;
    while (true) {
      Id<WorkforceMember> cursor = after;
      List<WorkforceMember> page = tx((Transaction t) -> t.members().page(org.id(), cursor, 3));
      if (page.isEmpty()) {
        break;
      }
      walked.addAll(page);
      after = page.get(page.size() - 1).id();
    }
    assertThat(walked)
        .containsExactlyElementsOf(
            members.stream().sorted(Comparator.comparing(WorkforceMember::id)).toList());
    List<Assignment> assignments = tx((Transaction t) -> t.assignments().page(org.id(), null, 100));
    assertThat(assignments).hasSize(7).isSortedAccordingTo(Comparator.comparing(Assignment::id));
    List<Completion> completions = tx((Transaction t) -> t.completions().page(org.id(), null, 4));
    assertThat(completions).hasSize(4).isSortedAccordingTo(Comparator.comparing(Completion::id));
    Id<Completion> last = completions.get(3).id();
    assertThat(tx((Transaction t) -> t.completions().page(org.id(), last, 100)))
        .hasSize(3)
        .allSatisfy(c -> assertThat(c.id()).isGreaterThan(last));
    Completion any = completions.get(0);
    assertThat(tx((Transaction t) -> t.completions().findBySource(org.id(), "Room 4", "sheet-12")))
        .isPresent();
    assertThat(
            tx((Transaction t) -> t.completions().findBySource(other.id(), "Room 4", "sheet-12")))
        .isEmpty();
    assertThat(tx((Transaction t) -> t.completions().findBySource(org.id(), "Room 4", "sheet-13")))
        .isEmpty();
    assertThat(any.organization()).isEqualTo(org.id());
  }

  /** An organization with a policy, two courses and two requirements (one for nurses only). */
  private static Fixtures hiringWorld(Trainproof tp) {
    Fixtures fx = Fixtures.organization(tp, ZoneId.of("America/Chicago"));
    Policy privacy = fx.policy("PRIV", LocalDate.of(2025, 1, 1));
    Course hipaa = fx.course("HIPAA", privacy);
    Course meds = fx.course("MEDS");
    fx.requirement(
        "Annual",
        Fixtures.terms(hipaa, LocalDate.of(2025, 1, 1))
            .recurrence(
                Recurrence.every(Period.ofYears(1), Recurrence.CountFrom.COMPLETION),
                Period.ofDays(30))
            .initialDueDays(30)
            .build());
    fx.requirement(
        "Meds",
        Fixtures.terms(meds, LocalDate.of(2025, 1, 1))
            .audience(Audience.roles("nurse"))
            .initialDueDays(14)
            .build());
    return fx;
  }

  private static List<WorkforceService.NewMember> hires(
      LocalDate today, Id<WorkforceMember> manager) {
    List<WorkforceService.NewMember> hires = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      hires.add(
          new WorkforceService.NewMember(
              "HR-" + i,
              "Member " + i,
              i % 3 == 0 ? WorkforceType.CONTRACTOR : WorkforceType.EMPLOYEE,
              i % 2 == 0 ? Set.of("nurse") : Set.of("clerk"),
              "Dept-" + (i % 2),
              i % 4 == 0 ? manager : null,
              today.plusDays(i * 5L - 20)));
    }
    return hires;
  }

  /** What a member's hire left behind, without ids: assignments, attestations. */
  private List<String> footprint(Fixtures fx, WorkforceMember m) {
    List<String> facts = new ArrayList<>();
    for (Assignment a : fx.trainproof().assignments().forMember(fx.officer(), m.id())) {
      facts.add(
          a.reason()
              + " "
              + a.assignedOn()
              + " "
              + a.anchorOn()
              + " "
              + a.dueOn()
              + " open="
              + a.isOpen());
    }
    facts.add(
        "attestations="
            + tx((Transaction t) -> t.attestations().forMember(fx.org().id(), m.id())).size());
    facts.sort(null);
    return facts;
  }

  private List<String> auditActions(Fixtures fx) {
    List<AuditEntry> chain =
        tx((Transaction t) -> t.audit().range(fx.org().id(), 1, Long.MAX_VALUE));
    assertThat(AuditChain.verify(chain, 0, AuditChain.GENESIS).intact()).isTrue();
    return chain.stream().map(AuditEntry::action).sorted().toList();
  }

  private List<String> outboxKinds(Fixtures fx) {
    return tx(
            (Transaction t) ->
                t.outbox().between(fx.org().id(), Instant.EPOCH, CENTURY_ON.plusSeconds(1)))
        .stream()
        .map(n -> n.kind().name())
        .sorted()
        .toList();
  }

  @Test
  void bulkHiresGiveWhatOneByOneHiresGive() {
    Trainproof tp = Trainproof.builder().store(store).clock(SettableClock.at(CENTURY_ON)).build();
    Fixtures one = hiringWorld(tp);
    Fixtures bulk = hiringWorld(tp);
    LocalDate today = one.org().dateOf(CENTURY_ON);
    WorkforceMember oneManager = one.hire(today.minusYears(1), "Dept-0", "lead");
    WorkforceMember bulkManager = bulk.hire(today.minusYears(1), "Dept-0", "lead");
    List<WorkforceMember> hiredOne = new ArrayList<>();
    for (var request : hires(today, oneManager.id())) {
      hiredOne.add(tp.workforce().hire(one.officer(), request));
    }
    List<WorkforceMember> hiredBulk =
        tp.workforce().hireAll(bulk.officer(), hires(today, bulkManager.id()));
    assertThat(hiredBulk)
        .extracting(WorkforceMember::externalId)
        .containsExactlyElementsOf(hiredOne.stream().map(WorkforceMember::externalId).toList());
    for (int i = 0; i < hiredOne.size(); i++) {
      assertThat(hiredBulk.get(i).latestTerms())
          .isEqualTo(
              hiredOne.get(i).latestTerms().manager() == null
                  ? hiredOne.get(i).latestTerms()
                  : new MemberTerms(
                      hiredOne.get(i).latestTerms().effectiveFrom(),
                      hiredOne.get(i).latestTerms().type(),
                      hiredOne.get(i).latestTerms().roles(),
                      hiredOne.get(i).latestTerms().department(),
                      bulkManager.id(),
                      hiredOne.get(i).latestTerms().status()));
      assertThat(footprint(bulk, hiredBulk.get(i)))
          .isNotEmpty()
          .isEqualTo(footprint(one, hiredOne.get(i)));
    }
    assertThat(auditActions(bulk))
        .isEqualTo(auditActions(one))
        .contains("MEMBER_HIRED", "ASSIGNMENT_CREATED");
    assertThat(outboxKinds(bulk)).isEqualTo(outboxKinds(one)).contains("ASSIGNED");
  }

  @Test
  void aBulkHireWithABadRequestWritesNothing() {
    Trainproof tp = Trainproof.builder().store(store).clock(SettableClock.at(CENTURY_ON)).build();
    Fixtures fx = hiringWorld(tp);
    LocalDate today = fx.org().dateOf(CENTURY_ON);
    WorkforceMember existing = fx.hire(today, "Dept-0", "nurse");
    List<WorkforceService.NewMember> requests = new ArrayList<>(hires(today, existing.id()));
    int auditBefore = auditActions(fx).size();
    var blank = requests.get(3);
    requests.set(
        3,
        new WorkforceService.NewMember(
            " ",
            blank.displayName(),
            blank.type(),
            blank.roles(),
            blank.department(),
            null,
            blank.engagedOn()));
    assertThatThrownBy(() -> tp.workforce().hireAll(fx.officer(), requests))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e -> assertThat(((ValidationException) e).field()).isEqualTo("requests[3].externalId"));
    requests.set(
        3,
        new WorkforceService.NewMember(
            existing.externalId(),
            blank.displayName(),
            blank.type(),
            blank.roles(),
            blank.department(),
            null,
            blank.engagedOn()));
    assertThatThrownBy(() -> tp.workforce().hireAll(fx.officer(), requests))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining(existing.externalId());
    requests.set(
        3,
        new WorkforceService.NewMember(
            "HR-3",
            blank.displayName(),
            blank.type(),
            blank.roles(),
            blank.department(),
            Id.random(),
            blank.engagedOn()));
    assertThatThrownBy(() -> tp.workforce().hireAll(fx.officer(), requests))
        .isInstanceOf(NotFoundException.class);
    assertThat(tp.workforce().list(fx.officer())).containsExactly(existing);
    assertThat(auditActions(fx)).hasSize(auditBefore);
    assertThat(tx((Transaction t) -> t.assignments().list(fx.org().id())))
        .allMatch(a -> a.member().equals(existing.id()));
  }

  /**
   * A bulk hire that names one external id twice is refused by core before the store is asked to
   * write (the store only enforces that an external id is unique): the same conflict on every
   * store, and nothing written.
   */
  @Test
  void aBulkHireNamingAnExternalIdTwiceIsRefusedByCore() {
    Trainproof tp = Trainproof.builder().store(store).clock(SettableClock.at(CENTURY_ON)).build();
    Fixtures fx = hiringWorld(tp);
    LocalDate today = fx.org().dateOf(CENTURY_ON);
    WorkforceMember existing = fx.hire(today, "Dept-0", "nurse");
    int auditBefore = auditActions(fx).size();
    List<WorkforceService.NewMember> requests = new ArrayList<>(hires(today, existing.id()));
    var again = requests.get(2);
    requests.add(
        new WorkforceService.NewMember(
            again.externalId(),
            "Someone else",
            again.type(),
            again.roles(),
            again.department(),
            null,
            again.engagedOn()));
    assertThatThrownBy(() -> tp.workforce().hireAll(fx.officer(), requests))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.entity()).isEqualTo("WorkforceMember");
              assertThat(e.key()).isEqualTo("externalId=" + again.externalId());
              assertThat(e.getMessage())
                  .isEqualTo("WorkforceMember externalId=" + again.externalId() + ": given twice");
            });
    assertThat(tp.workforce().list(fx.officer())).containsExactly(existing);
    assertThat(auditActions(fx)).hasSize(auditBefore);
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
