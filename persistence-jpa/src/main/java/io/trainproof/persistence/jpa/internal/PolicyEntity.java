package io.trainproof.persistence.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Row of {@code tp_policy}. Not thread-safe (a JPA entity). Not API. */
@Entity(name = "TpPolicy")
@Table(name = "tp_policy")
@IdClass(OrgScopedId.class)
public class PolicyEntity {
  @Id
  @Column(name = "id", nullable = false)
  UUID id = new UUID(0, 0);

  @Id
  @Column(name = "org_id", nullable = false)
  UUID orgId = new UUID(0, 0);

  @Column(name = "code", nullable = false, length = 100)
  String code = "";

  @Column(name = "title", nullable = false, length = 500)
  String title = "";

  @Column(name = "audience_roles", nullable = false, length = 4000)
  String audienceRoles = "[]";

  @Column(name = "audience_departments", nullable = false, length = 4000)
  String audienceDepartments = "[]";

  @Column(name = "audience_types", nullable = false, length = 200)
  String audienceTypes = "[]";

  @Column(name = "attest_on", nullable = false, length = 20)
  String attestOn = "";

  @Column(name = "attest_within_days", nullable = false)
  int attestWithinDays;

  @Column(name = "review_due_on")
  @Nullable LocalDate reviewDueOn;

  @Column(name = "created_at", nullable = false)
  Instant createdAt = Instant.EPOCH;

  @Version
  @Column(name = "version", nullable = false)
  long version;

  /** For JPA. */
  protected PolicyEntity() {}

  PolicyEntity(UUID id) {
    this.id = id;
  }
}
