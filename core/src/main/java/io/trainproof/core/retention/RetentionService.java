package io.trainproof.core.retention;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.LegalHold;
import io.trainproof.core.domain.RecordKind;
import io.trainproof.core.domain.Tombstone;
import io.trainproof.core.domain.WorkforceMember;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Retention and legal holds. Every record is kept until its retention date: six years (or the
 * organization's longer period) after the later of its creation and the date it was last in effect.
 * A purge removes only records past that date and under no active hold, leaves a tombstone, and is
 * itself audited. Thread-safe.
 */
public interface RetentionService {

  /**
   * Which records a purge considers. At least one criterion besides the kinds must be set.
   *
   * @param kinds the kinds of record, not empty
   * @param member only this member's records, or null
   * @param createdBefore only records created before this date, or null
   */
  record PurgeRequest(
      Set<RecordKind> kinds,
      @Nullable Id<WorkforceMember> member,
      @Nullable LocalDate createdBefore) {}

  /**
   * What a purge removed.
   *
   * @param purged how many of each kind
   * @param tombstones the tombstones left
   */
  record PurgeReport(Map<RecordKind, Integer> purged, List<Tombstone> tombstones) {
    /** Makes the collections immutable. */
    public PurgeReport {
      purged = Map.copyOf(purged);
      tombstones = List.copyOf(tombstones);
    }
  }

  /**
   * Places a legal hold.
   *
   * @param actor the caller
   * @param matter the matter reference
   * @param member the member covered, or null for all
   * @param from first date covered, or null
   * @param to last date covered, or null
   * @return the hold
   */
  LegalHold placeHold(
      Actor actor,
      String matter,
      @Nullable Id<WorkforceMember> member,
      @Nullable LocalDate from,
      @Nullable LocalDate to);

  /**
   * Releases a hold.
   *
   * @param actor the caller
   * @param hold the hold
   * @return the released hold
   */
  LegalHold releaseHold(Actor actor, Id<LegalHold> hold);

  /**
   * Lists holds, active and released.
   *
   * @param actor the caller
   * @return the holds
   */
  List<LegalHold> holds(Actor actor);

  /**
   * Purges the records matching a request. If any matching record is still inside its retention
   * period or under an active hold, nothing is removed and an {@link
   * io.trainproof.core.IntegrityException} says how many and why.
   *
   * @param actor the caller
   * @param request what to purge
   * @return what was removed
   */
  PurgeReport purge(Actor actor, PurgeRequest request);

  /**
   * The retention date of every record of a member, by kind: the last day each must be kept (six
   * years, or the organization's longer period, after the later of its creation and the date it was
   * last in effect). Records still in effect (an open assignment, an attestation of a policy
   * version still in force) have no date yet and are left out.
   *
   * @param actor the caller
   * @param member the member
   * @return record id to retention date, per kind
   */
  Map<RecordKind, Map<String, LocalDate>> retentionDates(Actor actor, Id<WorkforceMember> member);

  /**
   * Until when a member's records are kept (45 CFR 164.316(b)(2)(i)): every assignment, completion,
   * attestation, certificate and notification of the member, each with the day it was created, the
   * last day it was in effect (null while it still is) and the last day it must be kept (null while
   * in effect); {@link RetainedRecord.Kind} says which date each kind counts from. The same dates a
   * purge goes by; a purged record is no longer listed (its tombstone says until when it was kept).
   *
   * @param actor the caller
   * @param member the member
   * @return the records, by kind, then creation date, then id
   */
  List<RetainedRecord> memberRecords(Actor actor, Id<WorkforceMember> member);

  /**
   * Until when the audit entries written in a time range are kept (45 CFR 164.316(b)(2)(i)): six
   * years, or the organization's longer period, after the day each was written. Entries already
   * purged (tombstones) are left out.
   *
   * @param actor the caller
   * @param from start (inclusive)
   * @param to end (exclusive), not before {@code from}
   * @return one record per entry, in chain order, its id the entry's sequence number
   * @throws io.trainproof.core.ValidationException when {@code to} is before {@code from}
   */
  List<RetainedRecord> auditRecords(Actor actor, Instant from, Instant to);

  /**
   * Until when the organization's own records are kept (45 CFR 164.316(b)(2)(i)): every policy
   * version, addressable decision, policy review, security reminder and workforce member record,
   * each with the day it was created, the last day it was in effect (null while it still is) and
   * the last day it must be kept (null while in effect). Members' training records are answered by
   * {@link #memberRecords} (and {@link #retentionDates}), audit entries by {@link #auditRecords}.
   *
   * @param actor the caller
   * @return the records, by kind, then creation date, then id
   */
  List<RetainedRecord> organizationRecords(Actor actor);

  /**
   * The tombstones of purged records.
   *
   * @param actor the caller
   * @return the tombstones
   */
  List<Tombstone> tombstones(Actor actor);
}
