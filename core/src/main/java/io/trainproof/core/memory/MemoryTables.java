package io.trainproof.core.memory;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.AddressableDecision;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Attestation;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Certification;
import io.trainproof.core.domain.CertificationKind;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.CrossOrganizationGrant;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.IssuedCredential;
import io.trainproof.core.domain.LegalHold;
import io.trainproof.core.domain.Notification;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyReview;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.SecurityReminder;
import io.trainproof.core.domain.Tombstone;
import io.trainproof.core.domain.WalletExchange;
import io.trainproof.core.domain.WorkforceMember;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Every table and index of the {@link InMemoryStore}, and the undo log that makes its transactions
 * atomic: each write through {@link #put}, {@link #remove} or {@link #append} records how to undo
 * itself, {@link #rollback} replays those records newest first and {@link #commit} forgets them.
 * The repositories read the tables directly and write only through these methods (or push their own
 * undo step), so nothing escapes a rollback. Not thread-safe: the store's lock admits one
 * transaction at a time.
 */
final class MemoryTables {
  private final Deque<Runnable> undo = new ArrayDeque<>();

  final Map<Id<Organization>, Organization> organizations = new HashMap<>();
  final Map<Id<WorkforceMember>, WorkforceMember> members = new HashMap<>();
  final Map<String, Id<WorkforceMember>> memberByExternalId = new HashMap<>();
  final Map<Id<WorkforceMember>, LocalDate> memberSweptOn = new HashMap<>();

  /** Each member's next change date for the incremental sweep; absent means unset. */
  final Map<Id<WorkforceMember>, LocalDate> memberNextChange = new HashMap<>();

  /** Member ids per organization in id order, so a sweep walks them without sorting. */
  final Map<Id<Organization>, NavigableSet<Id<WorkforceMember>>> memberIdsByOrg = new HashMap<>();

  /**
   * Per organization: the sweep day and the last member claimed that day (a hint, undone with its
   * transaction).
   */
  final Map<Id<Organization>, Map.Entry<LocalDate, Id<WorkforceMember>>> sweepCursor =
      new HashMap<>();

  /**
   * Per organization: the incremental sweep's day and the last member it claimed that day (a hint
   * as {@link #sweepCursor}, kept apart since that claim skips members not due). Dropped when a
   * member is inserted or a next change date is unset, since that may make a member before it due.
   */
  final Map<Id<Organization>, Map.Entry<LocalDate, Id<WorkforceMember>>> dueSweepCursor =
      new HashMap<>();

  final Map<Id<Policy>, Policy> policies = new HashMap<>();
  final Map<Id<PolicyVersion>, PolicyVersion> policyVersions = new HashMap<>();
  final Map<String, Id<PolicyVersion>> policyVersionByNumber = new HashMap<>();
  final Map<String, Id<Policy>> policyByCode = new HashMap<>();
  final Map<Id<Course>, Course> courses = new HashMap<>();
  final Map<String, Id<Course>> courseByCode = new HashMap<>();
  final Map<Id<CourseVersion>, CourseVersion> courseVersions = new HashMap<>();
  final Map<String, Id<CourseVersion>> courseVersionByLabel = new HashMap<>();
  final Map<Id<Requirement>, Requirement> requirements = new HashMap<>();
  final Map<Id<Assignment>, Assignment> assignments = new HashMap<>();
  final Map<String, Id<Assignment>> assignmentByDedupeKey = new HashMap<>();
  final Map<Id<WorkforceMember>, List<Id<Assignment>>> assignmentsByMember = new HashMap<>();
  final Map<Id<Completion>, Completion> completions = new HashMap<>();
  final Map<Id<WorkforceMember>, List<Id<Completion>>> completionsByMember = new HashMap<>();

  final Map<Id<Certificate>, Certificate> certificates = new HashMap<>();
  final Map<String, Id<Certificate>> certificateByIndex = new HashMap<>();
  final Map<Id<IssuedCredential>, IssuedCredential> issuedCredentials = new HashMap<>();
  final Map<String, Id<IssuedCredential>> issuedCredentialByIndex = new HashMap<>();
  final Map<String, Id<IssuedCredential>> issuedCredentialByCredentialId = new HashMap<>();
  final Map<Id<Attestation>, Attestation> attestations = new HashMap<>();
  final Map<String, Id<Attestation>> attestationByMemberVersion = new HashMap<>();
  final Map<Id<Organization>, List<AuditEntry>> auditChains = new HashMap<>();
  final Map<Id<Notification>, Notification> notifications = new HashMap<>();
  final Map<String, Id<Notification>> notificationByKey = new HashMap<>();

  /**
   * Records saved whole (holds, reminders, grants), keyed by {@link #key} of organization and id:
   * ids are unique per organization only, as the JPA store's keys {@code (org_id, id)}, so saving
   * one under an id another organization uses never touches that organization's record.
   */
  final Map<String, LegalHold> holds = new HashMap<>();

  final Map<Id<Tombstone>, Tombstone> tombstones = new HashMap<>();
  final Map<Id<PolicyReview>, PolicyReview> reviews = new HashMap<>();
  final Map<String, AddressableDecision> decisions = new HashMap<>();
  final Map<String, SecurityReminder> reminders = new HashMap<>();
  final Map<String, CrossOrganizationGrant> grants = new HashMap<>();

  final Map<String, CertificationKind> certificationKinds = new HashMap<>();
  final Map<String, Certification> certifications = new HashMap<>();

  final Map<Id<WalletExchange>, WalletExchange> walletExchanges = new HashMap<>();
  final Map<String, Id<WalletExchange>> walletExchangeBySecret = new HashMap<>();
  final Map<String, Id<WalletExchange>> walletExchangeByToken = new HashMap<>();
  final Map<String, Instant> walletNonces = new HashMap<>();

  /** Forgets what an earlier transaction may have left (a new outermost transaction starts). */
  void begin() {
    undo.clear();
  }

  /** Keeps every write of the transaction. */
  void commit() {
    undo.clear();
  }

  /** Undoes every write of the transaction, newest first. */
  void rollback() {
    while (!undo.isEmpty()) {
      undo.pop().run();
    }
  }

  /** Records how to undo a write the caller made itself. */
  void onRollback(Runnable step) {
    undo.push(step);
  }

  <K, V> void put(Map<K, V> map, K key, V value) {
    V previous = map.put(key, value);
    undo.push(
        () -> {
          if (previous == null) {
            map.remove(key);
          } else {
            map.put(key, previous);
          }
        });
  }

  <K, V> void remove(Map<K, V> map, K key) {
    V previous = map.remove(key);
    if (previous != null) {
      undo.push(() -> map.put(key, previous));
    }
  }

  <K, V> void append(Map<K, List<V>> index, K key, V value) {
    List<V> list = index.computeIfAbsent(key, k -> new ArrayList<>());
    list.add(value);
    undo.push(() -> list.remove(list.size() - 1));
  }

  /**
   * Inserts a row under a key that must be free in a unique index (a code, a label, a version
   * number), or throws what the caller says a taken key means.
   */
  <T> void insertUnique(
      Map<Id<T>, T> table,
      Id<T> id,
      T row,
      Map<String, Id<T>> index,
      String key,
      Supplier<ConflictException> taken) {
    if (index.containsKey(key)) {
      throw taken.get();
    }
    put(table, id, row);
    put(index, key, id);
  }

  /**
   * Removes a row if it belongs to the organization; a row of another organization is not there for
   * the caller.
   */
  <T> void removeInOrg(
      Map<Id<T>, T> table, Id<T> id, Id<Organization> org, Function<T, Id<Organization>> orgOf) {
    if (inOrg(table.get(id), org, orgOf) != null) {
      remove(table, id);
    }
  }

  /** A composite index key; the NUL separator cannot occur in ids, codes or labels. */
  static String key(Object... parts) {
    StringBuilder sb = new StringBuilder();
    for (Object p : parts) {
      sb.append(p).append('\u0000');
    }
    return sb.toString();
  }

  /**
   * The value when it belongs to the organization, else null: no call sees another tenant's rows.
   */
  static <T> @Nullable T inOrg(
      @Nullable T value, Id<Organization> org, Function<T, Id<Organization>> orgOf) {
    return value != null && orgOf.apply(value).equals(org) ? value : null;
  }

  /** As {@link #inOrg}, for a repository's {@code find}. */
  static <T> Optional<T> findInOrg(
      Map<Id<T>, T> table, Id<T> id, Id<Organization> org, Function<T, Id<Organization>> orgOf) {
    return Optional.ofNullable(inOrg(table.get(id), org, orgOf));
  }

  /** One organization's rows after a cursor, in id order. */
  static <T, I extends Comparable<I>> List<T> pageOf(
      Collection<T> all,
      Function<T, Id<Organization>> orgOf,
      Function<T, I> idOf,
      Id<Organization> org,
      @Nullable I after,
      int limit) {
    return all.stream()
        .filter(
            x ->
                orgOf.apply(x).equals(org) && (after == null || idOf.apply(x).compareTo(after) > 0))
        .sorted(Comparator.comparing(idOf))
        .limit(Math.max(1, limit))
        .toList();
  }

  /** One organization's rows in the given order. */
  static <T> List<T> listOf(
      Collection<T> all,
      Function<T, Id<Organization>> orgOf,
      Id<Organization> org,
      Comparator<? super T> order) {
    return all.stream().filter(x -> orgOf.apply(x).equals(org)).sorted(order).toList();
  }

  /** One member's rows of one organization through a per-member index, in the given order. */
  static <T> List<T> forMember(
      Map<Id<WorkforceMember>, List<Id<T>>> index,
      Map<Id<T>, T> table,
      Id<WorkforceMember> member,
      Id<Organization> org,
      Function<T, Id<Organization>> orgOf,
      Comparator<? super T> order) {
    return index.getOrDefault(member, List.of()).stream()
        .map(table::get)
        .filter(Objects::nonNull)
        .filter(x -> orgOf.apply(x).equals(org))
        .sorted(order)
        .toList();
  }

  /**
   * Checks an optimistic-lock version.
   *
   * @return the version the stored row gets
   * @throws ConflictException when the row changed since the caller read it
   */
  static long checkVersion(String entity, Object id, long stored, long given) {
    if (stored != given) {
      throw new ConflictException(
          entity,
          id,
          "was changed concurrently (stored version " + stored + ", given " + given + ")");
    }
    return given + 1;
  }
}
