package io.trainproof.persistence.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Row of {@code tp_tombstone}. Not thread-safe (a JPA entity). Not API. */
@Entity(name = "TpTombstone")
@Table(name = "tp_tombstone")
@IdClass(OrgScopedId.class)
public class TombstoneEntity {
  @Id
  @Column(name = "id", nullable = false)
  UUID id = new UUID(0, 0);

  @Id
  @Column(name = "org_id", nullable = false)
  UUID orgId = new UUID(0, 0);

  @Column(name = "kind", nullable = false, length = 30)
  String kind = "";

  @Column(name = "subject_id", nullable = false, length = 200)
  String subjectId = "";

  @Column(name = "retention_until", nullable = false)
  LocalDate retentionUntil = LocalDate.EPOCH;

  @Column(name = "purged_at", nullable = false)
  Instant purgedAt = Instant.EPOCH;

  @Column(name = "purged_by", nullable = false, length = 200)
  String purgedBy = "";

  /** For JPA. */
  protected TombstoneEntity() {}

  TombstoneEntity(UUID id) {
    this.id = id;
  }
}
