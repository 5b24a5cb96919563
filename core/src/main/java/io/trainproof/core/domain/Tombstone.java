package io.trainproof.core.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What remains of a purged record: its kind, id, retention date and when and by whom it was purged.
 * Immutable.
 *
 * @param id the tombstone's id
 * @param organization the organization
 * @param kind the kind of record
 * @param subjectId the purged record's id
 * @param retentionUntil its retention date (it was purged after that date)
 * @param purgedAt when
 * @param purgedBy who
 */
public record Tombstone(
    Id<Tombstone> id,
    Id<Organization> organization,
    RecordKind kind,
    String subjectId,
    LocalDate retentionUntil,
    Instant purgedAt,
    String purgedBy) {}
