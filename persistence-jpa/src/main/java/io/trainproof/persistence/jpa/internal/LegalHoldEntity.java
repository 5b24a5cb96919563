package io.trainproof.persistence.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Row of {@code tp_legal_hold}. Not thread-safe (a JPA entity). Not API. */
@Entity(name = "TpLegalHold")
@Table(name = "tp_legal_hold")
@IdClass(OrgScopedId.class)
public class LegalHoldEntity {
  @Id
  @Column(name = "id", nullable = false)
  UUID id = new UUID(0, 0);

  @Id
  @Column(name = "org_id", nullable = false)
  UUID orgId = new UUID(0, 0);

  @Column(name = "matter", nullable = false, length = 1000)
  String matter = "";

  @Column(name = "member_id")
  @Nullable UUID memberId;

  @Column(name = "from_on")
  @Nullable LocalDate fromOn;

  @Column(name = "to_on")
  @Nullable LocalDate toOn;

  @Column(name = "placed_by", nullable = false, length = 200)
  String placedBy = "";

  @Column(name = "placed_at", nullable = false)
  Instant placedAt = Instant.EPOCH;

  @Column(name = "released_by", length = 200)
  @Nullable String releasedBy;

  @Column(name = "released_at")
  @Nullable Instant releasedAt;

  /** For JPA. */
  protected LegalHoldEntity() {}

  LegalHoldEntity(UUID id) {
    this.id = id;
  }
}
