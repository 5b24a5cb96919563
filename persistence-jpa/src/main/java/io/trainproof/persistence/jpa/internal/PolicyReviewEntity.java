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

/** Row of {@code tp_policy_review}. Not thread-safe (a JPA entity). Not API. */
@Entity(name = "TpPolicyReview")
@Table(name = "tp_policy_review")
@IdClass(OrgScopedId.class)
public class PolicyReviewEntity {
  @Id
  @Column(name = "id", nullable = false)
  UUID id = new UUID(0, 0);

  @Id
  @Column(name = "org_id", nullable = false)
  UUID orgId = new UUID(0, 0);

  @Column(name = "policy_id", nullable = false)
  UUID policyId = new UUID(0, 0);

  @Column(name = "reviewed_on", nullable = false)
  LocalDate reviewedOn = LocalDate.EPOCH;

  @Column(name = "reviewer", nullable = false, length = 200)
  String reviewer = "";

  @Column(name = "outcome", nullable = false, length = 4000)
  String outcome = "";

  @Column(name = "changes_needed", nullable = false)
  boolean changesNeeded;

  @Column(name = "next_review_due_on")
  @Nullable LocalDate nextReviewDueOn;

  @Column(name = "recorded_at", nullable = false)
  Instant recordedAt = Instant.EPOCH;

  /** For JPA. */
  protected PolicyReviewEntity() {}

  PolicyReviewEntity(UUID id) {
    this.id = id;
  }
}
