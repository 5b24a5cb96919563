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
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Row of {@code tp_policy_version}, affected roles in {@code tp_policy_version_role}. Not API. */
@Entity(name = "TpPolicyVersion")
@Table(name = "tp_policy_version")
@IdClass(OrgScopedId.class)
public class PolicyVersionEntity {
  @Id
  @Column(name = "id", nullable = false)
  UUID id = new UUID(0, 0);

  @Column(name = "policy_id", nullable = false)
  UUID policyId = new UUID(0, 0);

  @Id
  @Column(name = "org_id", nullable = false)
  UUID orgId = new UUID(0, 0);

  @Column(name = "number", nullable = false)
  int number;

  @Column(name = "effective_from", nullable = false)
  LocalDate effectiveFrom = LocalDate.EPOCH;

  @Column(name = "text_sha256", nullable = false, length = 64)
  String textSha256 = "";

  @Column(name = "change_notes", nullable = false, length = 4000)
  String changeNotes = "";

  @Column(name = "material", nullable = false)
  boolean material;

  @ElementCollection
  @CollectionTable(
      name = "tp_policy_version_role",
      joinColumns = {
        @JoinColumn(name = "org_id", referencedColumnName = "org_id"),
        @JoinColumn(name = "policy_version_id", referencedColumnName = "id")
      })
  @Column(name = "role", nullable = false, length = 200)
  Set<String> affectedRoles = new HashSet<>();

  @Column(name = "last_in_effect_on")
  @Nullable LocalDate lastInEffectOn;

  @Column(name = "published_at", nullable = false)
  Instant publishedAt = Instant.EPOCH;

  /** For JPA. */
  protected PolicyVersionEntity() {}

  PolicyVersionEntity(UUID id) {
    this.id = id;
  }
}
