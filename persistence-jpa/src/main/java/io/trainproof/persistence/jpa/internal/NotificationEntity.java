package io.trainproof.persistence.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Row of {@code tp_outbox}. Not thread-safe (a JPA entity). Not API. */
@Entity(name = "TpNotification")
@Table(name = "tp_outbox")
@IdClass(OrgScopedId.class)
public class NotificationEntity {
  @Id
  @Column(name = "id", nullable = false)
  UUID id = new UUID(0, 0);

  @Id
  @Column(name = "org_id", nullable = false)
  UUID orgId = new UUID(0, 0);

  @Column(name = "idempotency_key", nullable = false, length = 300)
  String idempotencyKey = "";

  @Column(name = "kind", nullable = false, length = 40)
  String kind = "";

  @Column(name = "recipient_id")
  @Nullable UUID recipientId;

  @Column(name = "channel", nullable = false, length = 100)
  String channel = "";

  /** A JSON object of strings, keys sorted. */
  @Column(name = "payload", nullable = false, length = 1000000)
  String payload = "{}";

  @Column(name = "created_at", nullable = false)
  Instant createdAt = Instant.EPOCH;

  @Column(name = "attempts", nullable = false)
  int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  Instant nextAttemptAt = Instant.EPOCH;

  @Column(name = "last_error", length = 2000)
  @Nullable String lastError;

  @Column(name = "delivered_at")
  @Nullable Instant deliveredAt;

  /** For JPA. */
  protected NotificationEntity() {}

  NotificationEntity(UUID id) {
    this.id = id;
  }
}
