package io.trainproof.core.spi;

import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The audit trail, append-only per organization. Appends to one organization's chain are
 * serialized: {@link #lockHead} takes that organization's chain lock until the transaction ends (a
 * row lock in a database, never a global lock).
 */
public interface AuditRepository {
  /**
   * Takes the organization's chain lock and returns its newest entry.
   *
   * @param organization the organization
   * @return the newest entry, or empty for a new chain
   */
  Optional<AuditEntry> lockHead(Id<Organization> organization);

  /**
   * Appends an entry. The sequence must be the head's plus one.
   *
   * @param entry the entry
   * @throws io.trainproof.core.ConflictException when the sequence is taken
   */
  void append(AuditEntry entry);

  /**
   * Appends several entries of one organization, in sequence order, the first the head's plus one:
   * the same outcome as {@link #append} called once per entry. Stores override the default (a loop)
   * to write them with a few statements.
   *
   * @param entries the entries, consecutive sequences of one organization
   * @throws io.trainproof.core.ConflictException when a sequence is taken
   */
  default void appendAll(List<AuditEntry> entries) {
    for (AuditEntry entry : entries) {
      append(entry);
    }
  }

  /**
   * Replaces an entry by its tombstone (purge).
   *
   * @param tombstone the tombstone, same organization and sequence
   */
  void replaceWithTombstone(AuditEntry tombstone);

  /**
   * Entries by sequence, inclusive.
   *
   * @param organization the organization
   * @param fromSequence first sequence
   * @param toSequence last sequence
   * @return the entries, by sequence
   */
  List<AuditEntry> range(Id<Organization> organization, long fromSequence, long toSequence);

  /**
   * The newest entries of the organization's chain, without taking the chain lock: what a cheap
   * check of the chain's head reads (a health probe, say). The default takes the head with {@link
   * #lockHead}, so the lock until the transaction ends, and reads the range before it; stores
   * override it to read the entries with one query and no lock.
   *
   * @param organization the organization
   * @param count how many entries at most, 1 or more
   * @return the newest {@code count} entries (fewer when the chain is shorter), by sequence
   */
  default List<AuditEntry> latest(Id<Organization> organization, int count) {
    Optional<AuditEntry> head = lockHead(organization);
    if (head.isEmpty()) {
      return List.of();
    }
    long last = head.get().sequence();
    return range(organization, Math.max(1, last - count + 1), last);
  }

  /**
   * Entries written in a time range.
   *
   * @param organization the organization
   * @param from start (inclusive)
   * @param to end (exclusive)
   * @return the entries, by sequence
   */
  List<AuditEntry> between(Id<Organization> organization, Instant from, Instant to);
}
