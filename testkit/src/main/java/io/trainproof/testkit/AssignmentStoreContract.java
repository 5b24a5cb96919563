package io.trainproof.testkit;

import static io.trainproof.testkit.ContractRecords.T0;
import static io.trainproof.testkit.ContractRecords.assignment;
import static io.trainproof.testkit.ContractRecords.completion;
import static io.trainproof.testkit.ContractRecords.member;
import static io.trainproof.testkit.ContractRecords.newOrg;
import static io.trainproof.testkit.ContractRecords.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Closure;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.DueDateChange;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.Store;
import io.trainproof.core.spi.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The storage contract for assignments and completions: dedupe keys, bulk inserts that give what
 * one-by-one inserts give, every field kept through updates, concurrent inserts of one key, and
 * purges. {@link StoreContract} implements this interface, so every store's contract test runs
 * these cases with the rest. Each case works in organizations of its own.
 */
public interface AssignmentStoreContract {
  /**
   * @return the store under test, fresh (or shared) per test
   */
  Store store();

  @Test
  default void assignmentDedupeKeysAreUniquePerOrganization() {
    Organization a = newOrg(store());
    Organization b = newOrg(store());
    WorkforceMember ma = read(store(), (Transaction t) -> t.members().insert(member(a, "E1")));
    WorkforceMember mb = read(store(), (Transaction t) -> t.members().insert(member(b, "E1")));
    assertThat(
            read(
                store(),
                (Transaction t) -> t.assignments().insertIfAbsent(assignment(a, ma, "same"))))
        .isTrue();
    assertThat(
            read(
                store(),
                (Transaction t) -> t.assignments().insertIfAbsent(assignment(a, ma, "same"))))
        .isFalse();
    assertThat(
            read(
                store(),
                (Transaction t) -> t.assignments().insertIfAbsent(assignment(b, mb, "same"))))
        .isTrue();
    assertThat(read(store(), (Transaction t) -> t.assignments().forMember(a.id(), ma.id())))
        .hasSize(1);
  }

  @Test
  default void bulkAssignmentInsertsGiveWhatOneByOneInsertsGive() {
    Organization a = newOrg(store());
    Organization b = newOrg(store());
    WorkforceMember ma = read(store(), (Transaction t) -> t.members().insert(member(a, "E1")));
    WorkforceMember mb = read(store(), (Transaction t) -> t.members().insert(member(b, "E1")));
    Assignment taken = assignment(a, ma, "taken");
    Assignment purged = assignment(a, ma, "purged");
    read(store(), (Transaction t) -> t.assignments().insertIfAbsent(taken));
    read(store(), (Transaction t) -> t.assignments().insertIfAbsent(purged));
    read(
        store(),
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
            read(
                store(),
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
    assertThat(read(store(), (Transaction t) -> t.assignments().forMember(a.id(), ma.id())))
        .containsExactlyInAnyOrder(taken, fresh, extended);
    assertThat(read(store(), (Transaction t) -> t.assignments().forMember(b.id(), mb.id())))
        .containsExactly(otherOrg);
    assertThat(read(store(), (Transaction t) -> t.assignments().insertAllIfAbsent(List.of())))
        .isEmpty();
    // Past every per-statement and IN-list chunk: each is added once, and a second call adds none.
    List<Assignment> many = new ArrayList<>();
    for (int i = 0; i < 1_234; i++) {
      many.add(assignment(a, ma, "many-" + i));
    }
    assertThat(read(store(), (Transaction t) -> t.assignments().insertAllIfAbsent(many)))
        .hasSize(1_234)
        .containsExactlyElementsOf(many.stream().map(Assignment::id).toList());
    List<Assignment> again = many.stream().map(x -> assignment(a, ma, x.dedupeKey())).toList();
    assertThat(read(store(), (Transaction t) -> t.assignments().insertAllIfAbsent(again)))
        .isEmpty();
    assertThat(read(store(), (Transaction t) -> t.assignments().forMember(a.id(), ma.id())))
        .hasSize(3 + 1_234);
  }

  @Test
  default void bulkMemberInsertsAreAllOrNothing() {
    Organization org = newOrg(store());
    WorkforceMember existing =
        read(store(), (Transaction t) -> t.members().insert(member(org, "E0")));
    List<WorkforceMember> fresh = new ArrayList<>();
    for (int i = 1; i <= 612; i++) {
      fresh.add(member(org, "E" + i));
    }
    assertThat(read(store(), (Transaction t) -> t.members().insertAll(fresh)))
        .containsExactlyElementsOf(fresh);
    assertThat(read(store(), (Transaction t) -> t.members().findByExternalId(org.id(), "E612")))
        .contains(fresh.get(611));
    assertThat(read(store(), (Transaction t) -> t.members().list(org.id())))
        .hasSize(613)
        .contains(existing);
    // A taken external id at the end of the list, or one given twice: a conflict and nothing
    // written.
    WorkforceMember newcomer = member(org, "N1");
    assertThatThrownBy(
            () ->
                read(
                    store(),
                    (Transaction t) -> t.members().insertAll(List.of(newcomer, member(org, "E7")))))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("E7");
    assertThatThrownBy(
            () ->
                read(
                    store(),
                    (Transaction t) ->
                        t.members()
                            .insertAll(List.of(newcomer, member(org, "N2"), member(org, "N2")))))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("N2");
    assertThat(read(store(), (Transaction t) -> t.members().findByExternalId(org.id(), "N1")))
        .isEmpty();
    assertThat(read(store(), (Transaction t) -> t.members().findByExternalId(org.id(), "N2")))
        .isEmpty();
    assertThat(read(store(), (Transaction t) -> t.members().insertAll(List.of()))).isEmpty();
  }

  @Test
  default void assignmentsKeepEveryFieldThroughUpdates() {
    Organization org = newOrg(store());
    WorkforceMember m = read(store(), (Transaction t) -> t.members().insert(member(org, "E1")));
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
    read(store(), (Transaction t) -> t.assignments().insertIfAbsent(second));
    read(store(), (Transaction t) -> t.assignments().insertIfAbsent(first));
    Assignment extended =
        read(
            store(),
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
        read(
            store(),
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
    assertThat(read(store(), (Transaction t) -> t.assignments().find(org.id(), first.id())))
        .contains(closed);
    assertThat(read(store(), (Transaction t) -> t.assignments().forMember(org.id(), m.id())))
        .containsExactly(closed, second);
    assertThat(
            read(
                store(),
                (Transaction t) ->
                    t.assignments()
                        .forRequirement(org.id(), Objects.requireNonNull(first.requirement()))))
        .containsExactly(closed);
    assertThat(read(store(), (Transaction t) -> t.assignments().list(org.id())))
        .containsExactly(closed, second);
    assertThatThrownBy(() -> read(store(), (Transaction t) -> t.assignments().update(extended)))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  default void concurrentInsertsOfOneDedupeKeyCreateExactlyOne() throws Exception {
    Organization org = newOrg(store());
    WorkforceMember m = read(store(), (Transaction t) -> t.members().insert(member(org, "E1")));
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        Callable<Boolean> insert =
            () -> {
              start.await();
              return read(
                  store(),
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
      assertThat(read(store(), (Transaction t) -> t.assignments().list(org.id()))).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  default void completionsRoundTripInDateOrder() {
    Organization org = newOrg(store());
    WorkforceMember m = read(store(), (Transaction t) -> t.members().insert(member(org, "E1")));
    Completion later = completion(org, m, LocalDate.of(2026, 2, 1), T0, true, 91);
    Completion earlier =
        completion(org, m, LocalDate.of(2026, 1, 20), T0.plusSeconds(10), false, null);
    read(
        store(),
        (Transaction t) -> {
          t.completions().insert(later);
          t.completions().insert(earlier);
          return null;
        });
    assertThat(read(store(), (Transaction t) -> t.completions().forMember(org.id(), m.id())))
        .containsExactly(earlier, later);
    assertThat(read(store(), (Transaction t) -> t.completions().find(org.id(), later.id())))
        .contains(later);
  }

  @Test
  default void completionsAndAssignmentsCanBePurged() {
    Organization org = newOrg(store());
    WorkforceMember m = read(store(), (Transaction t) -> t.members().insert(member(org, "E1")));
    Completion c = completion(org, m, LocalDate.of(2026, 1, 20), T0, true, 90);
    Assignment a = assignment(org, m, "K1");
    read(
        store(),
        (Transaction t) -> {
          t.completions().insert(c);
          t.assignments().insertIfAbsent(a);
          return null;
        });
    read(
        store(),
        (Transaction t) -> {
          t.completions().delete(org.id(), c.id());
          t.assignments().delete(org.id(), a.id());
          return null;
        });
    assertThat(read(store(), (Transaction t) -> t.completions().forMember(org.id(), m.id())))
        .isEmpty();
    assertThat(read(store(), (Transaction t) -> t.assignments().forMember(org.id(), m.id())))
        .isEmpty();
    // A purged cycle is never recreated: its dedupe key stays taken.
    assertThat(
            read(
                store(),
                (Transaction t) -> t.assignments().insertIfAbsent(assignment(org, m, "K1"))))
        .isFalse();
  }
}
