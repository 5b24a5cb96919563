package io.trainproof.testkit;

import static io.trainproof.testkit.ContractRecords.CENTURY_ON;
import static io.trainproof.testkit.ContractRecords.T0;
import static io.trainproof.testkit.ContractRecords.newOrg;
import static io.trainproof.testkit.ContractRecords.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.ConflictException;
import io.trainproof.core.audit.AuditChain;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Notification;
import io.trainproof.core.domain.NotificationKind;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.spi.Store;
import io.trainproof.core.spi.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The storage contract for the audit chains and the outbox: chains append in sequence per
 * organization (one by one and in bulk), the newest entries come in chain order, and the outbox
 * keeps one message per key, leases claims and counts what is not delivered. {@link StoreContract}
 * implements this interface, so every store's contract test runs these cases with the rest. Each
 * case works in organizations of its own.
 */
public interface AuditOutboxContract {
  /**
   * @return the store under test, fresh (or shared) per test
   */
  Store store();

  @Test
  default void auditChainsAppendInSequencePerOrganization() {
    Organization org = newOrg(store());
    Organization other = newOrg(store());
    assertThat(read(store(), (Transaction t) -> t.audit().lockHead(org.id()))).isEmpty();
    AuditEntry first = entry(org, 1, AuditChain.GENESIS);
    AuditEntry second = entry(org, 2, first.hash());
    read(
        store(),
        (Transaction t) -> {
          t.audit().append(first);
          t.audit().append(second);
          t.audit().append(entry(other, 1, AuditChain.GENESIS));
          return null;
        });
    assertThat(read(store(), (Transaction t) -> t.audit().lockHead(org.id()))).contains(second);
    assertThat(read(store(), (Transaction t) -> t.audit().range(org.id(), 1, 2)))
        .containsExactly(first, second);
    assertThat(read(store(), (Transaction t) -> t.audit().between(org.id(), T0, T0.plusSeconds(2))))
        .containsExactly(first);
    assertThatThrownBy(
            () ->
                read(
                    store(),
                    (Transaction t) -> {
                      t.audit().append(entry(org, 2, first.hash()));
                      return null;
                    }))
        .isInstanceOf(ConflictException.class);
    read(
        store(),
        (Transaction t) -> {
          t.audit().replaceWithTombstone(first.toTombstone());
          return null;
        });
    assertThat(read(store(), (Transaction t) -> t.audit().range(org.id(), 1, 1)))
        .containsExactly(first.toTombstone());
    assertThat(
            AuditChain.verify(
                    read(store(), (Transaction t) -> t.audit().range(org.id(), 1, 2)),
                    0,
                    AuditChain.GENESIS)
                .intact())
        .isTrue();
  }

  @Test
  default void bulkAuditAppendsChainAndRefuseTakenSequences() {
    Organization org = newOrg(store());
    List<AuditEntry> entries = new ArrayList<>();
    String previous = AuditChain.GENESIS;
    for (long seq = 1; seq <= 1_105; seq++) {
      AuditEntry e = entry(org, seq, previous);
      entries.add(e);
      previous = e.hash();
    }
    read(
        store(),
        (Transaction t) -> {
          t.audit().appendAll(entries.subList(0, 2));
          return null;
        });
    read(
        store(),
        (Transaction t) -> {
          t.audit().appendAll(entries.subList(2, entries.size()));
          return null;
        });
    assertThat(read(store(), (Transaction t) -> t.audit().lockHead(org.id())))
        .contains(entries.get(entries.size() - 1));
    List<AuditEntry> stored = read(store(), (Transaction t) -> t.audit().range(org.id(), 1, 1_105));
    assertThat(stored).containsExactlyElementsOf(entries);
    assertThat(AuditChain.verify(stored, 0, AuditChain.GENESIS).intact()).isTrue();
    // A taken sequence anywhere in the list: a conflict, and the new entries before it are not
    // kept.
    AuditEntry next = entry(org, 1_106, previous);
    AuditEntry clash = entry(org, 600, previous);
    assertThatThrownBy(
            () ->
                read(
                    store(),
                    (Transaction t) -> {
                      t.audit().appendAll(List.of(next, clash));
                      return null;
                    }))
        .isInstanceOf(ConflictException.class);
    assertThat(read(store(), (Transaction t) -> t.audit().lockHead(org.id())))
        .contains(entries.get(entries.size() - 1));
  }

  @Test
  default void theNewestAuditEntriesComeInChainOrderPerOrganization() {
    Organization org = newOrg(store());
    Organization other = newOrg(store());
    assertThat(read(store(), (Transaction t) -> t.audit().latest(org.id(), 3))).isEmpty();
    List<AuditEntry> entries = new ArrayList<>();
    String previous = AuditChain.GENESIS;
    for (long seq = 1; seq <= 5; seq++) {
      AuditEntry e = entry(org, seq, previous);
      entries.add(e);
      previous = e.hash();
    }
    read(
        store(),
        (Transaction t) -> {
          t.audit().appendAll(entries);
          t.audit().append(entry(other, 1, AuditChain.GENESIS));
          return null;
        });
    assertThat(read(store(), (Transaction t) -> t.audit().latest(org.id(), 3)))
        .containsExactlyElementsOf(entries.subList(2, 5));
    assertThat(read(store(), (Transaction t) -> t.audit().latest(org.id(), 1)))
        .containsExactly(entries.get(4));
    assertThat(read(store(), (Transaction t) -> t.audit().latest(org.id(), 50)))
        .containsExactlyElementsOf(entries);
    assertThat(
            AuditChain.verifyHead(read(store(), (Transaction t) -> t.audit().latest(org.id(), 3)))
                .intact())
        .isTrue();
  }

  @Test
  default void theOutboxKeepsOneMessagePerKeyAndLeasesClaims() {
    Organization org = newOrg(store());
    Notification n =
        Notification.pending(
            org.id(),
            "k-1",
            NotificationKind.REMINDER,
            null,
            "email",
            Map.of("assignment", "a-1"),
            T0);
    assertThat(read(store(), (Transaction t) -> t.outbox().enqueue(n))).isTrue();
    assertThat(
            read(
                store(),
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
        read(store(), (Transaction t) -> t.outbox().claimDue(T0, T0.plusSeconds(300), 10)).stream()
            .filter(c -> c.organization().equals(org.id()))
            .toList();
    assertThat(claimed)
        .singleElement()
        .satisfies(c -> assertThat(c.nextAttemptAt()).isEqualTo(T0.plusSeconds(300)));
    // Leased: a second dispatcher before the lease ends gets nothing of this organization.
    assertThat(
            read(
                store(),
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
    read(
        store(),
        (Transaction t) -> {
          t.outbox().update(delivered);
          return null;
        });
    assertThat(
            read(
                store(),
                (Transaction t) ->
                    t.outbox().claimDue(T0.plusSeconds(1000), T0.plusSeconds(1300), 1000)))
        .noneMatch(c -> c.organization().equals(org.id()));
    assertThat(
            read(store(), (Transaction t) -> t.outbox().between(org.id(), T0, T0.plusSeconds(1))))
        .containsExactly(delivered);
  }

  @Test
  default void theOutboxCountsWhatIsNotDeliveredYet() {
    // why: the store() is shared by the suite's tests; other organizations' messages are counted
    // too, so the test compares counts before and after its own writes
    long before = read(store(), (Transaction t) -> t.outbox().countPending());
    Organization org = newOrg(store());
    Notification first =
        Notification.pending(
            org.id(), "p-1", NotificationKind.REMINDER, null, "email", Map.of(), T0);
    Notification second =
        Notification.pending(org.id(), "p-2", NotificationKind.DUE, null, "email", Map.of(), T0);
    read(store(), (Transaction t) -> t.outbox().enqueueAll(List.of(first, second)));
    assertThat(read(store(), (Transaction t) -> t.outbox().countPending())).isEqualTo(before + 2);
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
    read(
        store(),
        (Transaction t) -> {
          t.outbox().update(delivered);
          return null;
        });
    assertThat(read(store(), (Transaction t) -> t.outbox().countPending())).isEqualTo(before + 1);
  }

  @Test
  default void bulkOutboxWritesKeepOneMessagePerKey() {
    Instant later = CENTURY_ON;
    Organization org = newOrg(store());
    Organization other = newOrg(store());
    Notification taken =
        Notification.pending(
            org.id(), "taken", NotificationKind.REMINDER, null, "email", Map.of(), later);
    read(store(), (Transaction t) -> t.outbox().enqueue(taken));
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
            read(
                store(),
                (Transaction t) ->
                    t.outbox().enqueueAll(List.of(first, again, sameKeyLater, otherOrg))))
        .containsExactly(first.id(), otherOrg.id());
    assertThat(
            read(
                store(),
                (Transaction t) -> t.outbox().between(org.id(), later, later.plusSeconds(1))))
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
    assertThat(read(store(), (Transaction t) -> t.outbox().enqueueAll(many))).hasSize(1_111);
    assertThat(read(store(), (Transaction t) -> t.outbox().enqueueAll(manyAgain))).isEmpty();
    assertThat(
            read(
                store(),
                (Transaction t) -> t.outbox().between(other.id(), later, later.plusSeconds(1))))
        .hasSize(1_112)
        .noneMatch(n -> n.kind() == NotificationKind.DUE && n.idempotencyKey().startsWith("many-"));
    assertThat(read(store(), (Transaction t) -> t.outbox().enqueueAll(List.of()))).isEmpty();
  }

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
}
