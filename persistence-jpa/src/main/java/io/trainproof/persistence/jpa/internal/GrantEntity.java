package io.trainproof.persistence.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Row of {@code tp_grant}. Not thread-safe (a JPA entity). Not API. */
@Entity(name = "TpGrant")
@Table(name = "tp_grant")
@IdClass(OrgScopedId.class)
public class GrantEntity {
  @Id
  @Column(name = "id", nullable = false)
  UUID id = new UUID(0, 0);

  @Id
  @Column(name = "org_id", nullable = false)
  UUID orgId = new UUID(0, 0);

  @Column(name = "actor_id", nullable = false, length = 200)
  String actorId = "";

  @Column(name = "granted_by", nullable = false, length = 200)
  String grantedBy = "";

  @Column(name = "reason", nullable = false, length = 1000)
  String reason = "";

  @Column(name = "granted_at", nullable = false)
  Instant grantedAt = Instant.EPOCH;

  @Column(name = "expires_at", nullable = false)
  Instant expiresAt = Instant.EPOCH;

  @Column(name = "revoked_at")
  @Nullable Instant revokedAt;

  /** For JPA. */
  protected GrantEntity() {}

  GrantEntity(UUID id) {
    this.id = id;
  }
}
