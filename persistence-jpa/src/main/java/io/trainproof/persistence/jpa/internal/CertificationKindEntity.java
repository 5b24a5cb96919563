package io.trainproof.persistence.jpa.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Row of {@code tp_certification_kind}, with the courses it satisfies in {@code
 * tp_certification_kind_course}. Not thread-safe (a JPA entity). Not API.
 */
@Entity(name = "TpCertificationKind")
@Table(name = "tp_certification_kind")
@IdClass(OrgScopedId.class)
public class CertificationKindEntity {
  @Id
  @Column(name = "id", nullable = false)
  UUID id = new UUID(0, 0);

  @Id
  @Column(name = "org_id", nullable = false)
  UUID orgId = new UUID(0, 0);

  @Column(name = "code", nullable = false, length = 100)
  String code = "";

  @Column(name = "name", nullable = false, length = 500)
  String name = "";

  @ElementCollection
  @CollectionTable(
      name = "tp_certification_kind_course",
      joinColumns = {
        @JoinColumn(name = "org_id", referencedColumnName = "org_id"),
        @JoinColumn(name = "kind_id", referencedColumnName = "id")
      })
  @Column(name = "course_id", nullable = false)
  Set<UUID> satisfies = new HashSet<>();

  @Column(name = "created_at", nullable = false)
  Instant createdAt = Instant.EPOCH;

  /** For JPA. */
  protected CertificationKindEntity() {}

  CertificationKindEntity(UUID id) {
    this.id = id;
  }
}
