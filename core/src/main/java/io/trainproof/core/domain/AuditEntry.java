package io.trainproof.core.domain;

import io.trainproof.core.audit.AuditChain;
import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One entry of an organization's append-only, hash-chained audit trail: every state change and
 * every audited read, written in the same transaction as what it records. Details never carry PHI:
 * ids, codes, dates and hashes only. A purged entry becomes a tombstone that keeps its sequence,
 * hashes and time so the chain still verifies. Immutable.
 *
 * @param organization the organization whose chain it belongs to
 * @param sequence 1 for the first entry, then consecutive
 * @param at when it was written
 * @param actorId who acted
 * @param actorRole in which role
 * @param action what happened, e.g. {@code ASSIGNMENT_CREATED}
 * @param subjectType the kind of record it is about
 * @param subjectId that record's id
 * @param details further facts, sorted by key
 * @param previousHash the hash of the previous entry ({@link AuditChain#GENESIS} for the first)
 * @param hash SHA-256 of this entry's canonical form ({@link AuditChain#canonicalForm})
 * @param tombstone true once purged: actor, subject and details are gone, the hashes stay
 */
public record AuditEntry(
    Id<Organization> organization,
    long sequence,
    Instant at,
    String actorId,
    String actorRole,
    String action,
    String subjectType,
    String subjectId,
    SortedMap<String, String> details,
    String previousHash,
    String hash,
    boolean tombstone) {

  /** Makes the details immutable and sorted. */
  public AuditEntry {
    details = Collections.unmodifiableSortedMap(new TreeMap<>(details));
  }

  /**
   * This entry as a tombstone: the facts go, the sequence, time and hashes stay.
   *
   * @return the tombstone
   */
  public AuditEntry toTombstone() {
    return new AuditEntry(
        organization,
        sequence,
        at,
        "",
        "",
        "PURGED",
        "",
        "",
        new TreeMap<>(),
        previousHash,
        hash,
        true);
  }
}
