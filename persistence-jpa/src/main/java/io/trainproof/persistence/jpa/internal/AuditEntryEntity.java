package io.trainproof.persistence.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code tp_audit_entry}. Not thread-safe (a JPA entity). Not API. */
@Entity(name = "TpAuditEntry")
@Table(name = "tp_audit_entry")
@IdClass(OrgScopedId.class)
public class AuditEntryEntity {
  @Id
  @Column(name = "id", nullable = false)
  UUID id = new UUID(0, 0);

  @Id
  @Column(name = "org_id", nullable = false)
  UUID orgId = new UUID(0, 0);

  @Column(name = "seq_no", nullable = false)
  long sequence;

  @Column(name = "occurred_at", nullable = false)
  Instant at = Instant.EPOCH;

  @Column(name = "actor_id", nullable = false, length = 200)
  String actorId = "";

  @Column(name = "actor_role", nullable = false, length = 40)
  String actorRole = "";

  @Column(name = "action", nullable = false, length = 100)
  String action = "";

  @Column(name = "subject_type", nullable = false, length = 100)
  String subjectType = "";

  @Column(name = "subject_id", nullable = false, length = 200)
  String subjectId = "";

  /** A JSON object of strings, keys sorted. */
  @Column(name = "details", nullable = false, length = 1000000)
  String details = "{}";

  @Column(name = "previous_hash", nullable = false, length = 128)
  String previousHash = "";

  @Column(name = "hash", nullable = false, length = 128)
  String hash = "";

  @Column(name = "tombstone", nullable = false)
  boolean tombstone;

  /** For JPA. */
  protected AuditEntryEntity() {}

  AuditEntryEntity(UUID id) {
    this.id = id;
  }
}
