package io.trainproof.persistence.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code tp_organization}. Not thread-safe (a JPA entity). Not API. */
@Entity(name = "TpOrganization")
@Table(name = "tp_organization")
public class OrganizationEntity {
  @Id
  @Column(name = "id", nullable = false)
  UUID id = new UUID(0, 0);

  @Column(name = "name", nullable = false, length = 500)
  String name = "";

  @Column(name = "zone", nullable = false, length = 100)
  String zone = "";

  @Column(name = "retention", nullable = false, length = 50)
  String retention = "";

  @Column(name = "created_at", nullable = false)
  Instant createdAt = Instant.EPOCH;

  /** For JPA. */
  protected OrganizationEntity() {}

  OrganizationEntity(UUID id) {
    this.id = id;
  }
}
