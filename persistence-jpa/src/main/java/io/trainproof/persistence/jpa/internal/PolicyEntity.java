package io.trainproof.persistence.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code tp_policy}. Not thread-safe (a JPA entity). Not API. */
@Entity(name = "TpPolicy")
@Table(name = "tp_policy")
public class PolicyEntity {
  @Id
  @Column(name = "id", nullable = false)
  UUID id = new UUID(0, 0);

  @Column(name = "org_id", nullable = false)
  UUID orgId = new UUID(0, 0);

  @Column(name = "code", nullable = false, length = 100)
  String code = "";

  @Column(name = "title", nullable = false, length = 500)
  String title = "";

  @Column(name = "created_at", nullable = false)
  Instant createdAt = Instant.EPOCH;

  /** For JPA. */
  protected PolicyEntity() {}

  PolicyEntity(UUID id) {
    this.id = id;
  }
}
