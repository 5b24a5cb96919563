package io.trainproof.persistence.jpa.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Row of {@code tp_completion}, with the member's roles, the covered policy versions and the
 * evidence files in their own tables. Never updated. Not thread-safe (a JPA entity). Not API.
 */
@Entity(name = "TpCompletion")
@Table(name = "tp_completion")
@IdClass(OrgScopedId.class)
public class CompletionEntity {
  @Id
  @Column(name = "id", nullable = false)
  UUID id = new UUID(0, 0);

  @Id
  @Column(name = "org_id", nullable = false)
  UUID orgId = new UUID(0, 0);

  /** The id as 32 hex digits with both halves' sign bits flipped: sorts as {@code Id.compareTo}. */
  @Column(name = "id_order", nullable = false, length = 32)
  String idOrder = "";

  @Column(name = "member_id", nullable = false)
  UUID memberId = new UUID(0, 0);

  @ElementCollection
  @CollectionTable(
      name = "tp_completion_role",
      joinColumns = {
        @JoinColumn(name = "org_id", referencedColumnName = "org_id"),
        @JoinColumn(name = "completion_id", referencedColumnName = "id")
      })
  @Column(name = "role", nullable = false, length = 200)
  Set<String> roles = new HashSet<>();

  @Column(name = "workforce_type", nullable = false, length = 20)
  String workforceType = "";

  @Column(name = "assignment_id", nullable = false)
  UUID assignmentId = new UUID(0, 0);

  @Column(name = "course_id", nullable = false)
  UUID courseId = new UUID(0, 0);

  @Column(name = "course_version_id", nullable = false)
  UUID courseVersionId = new UUID(0, 0);

  @Column(name = "content_sha256", length = 64)
  @Nullable String contentSha256;

  @ElementCollection
  @CollectionTable(
      name = "tp_completion_policy_version",
      joinColumns = {
        @JoinColumn(name = "org_id", referencedColumnName = "org_id"),
        @JoinColumn(name = "completion_id", referencedColumnName = "id")
      })
  @Column(name = "policy_version_id", nullable = false)
  Set<UUID> policyVersions = new HashSet<>();

  @Column(name = "reason", nullable = false, length = 30)
  String reason = "";

  @Column(name = "change_version_id")
  @Nullable UUID changeVersionId;

  @Column(name = "change_effective_on")
  @Nullable LocalDate changeEffectiveOn;

  @Column(name = "assigned_on", nullable = false)
  LocalDate assignedOn = LocalDate.EPOCH;

  @Column(name = "due_on", nullable = false)
  LocalDate dueOn = LocalDate.EPOCH;

  @Column(name = "completed_on", nullable = false)
  LocalDate completedOn = LocalDate.EPOCH;

  @Column(name = "recorded_at", nullable = false)
  Instant recordedAt = Instant.EPOCH;

  @Column(name = "score")
  @Nullable Integer score;

  @Column(name = "passed", nullable = false)
  boolean passed;

  @Column(name = "method", nullable = false, length = 30)
  String method = "";

  @Column(name = "recorded_by", nullable = false, length = 200)
  String recordedBy = "";

  @Column(name = "source", length = 500)
  @Nullable String source;

  @Column(name = "source_ref", length = 500)
  @Nullable String sourceRef;

  @Column(name = "justification", length = 2000)
  @Nullable String justification;

  @ElementCollection
  @CollectionTable(
      name = "tp_completion_evidence",
      joinColumns = {
        @JoinColumn(name = "org_id", referencedColumnName = "org_id"),
        @JoinColumn(name = "completion_id", referencedColumnName = "id")
      })
  @OrderColumn(name = "seq")
  List<Evidence> evidence = new ArrayList<>();

  @Column(name = "retention_until", nullable = false)
  LocalDate retentionUntil = LocalDate.EPOCH;

  /** For JPA. */
  protected CompletionEntity() {}

  CompletionEntity(UUID id) {
    this.id = id;
  }

  /**
   * One evidence file.
   *
   * @param name file name
   * @param sha256 hex SHA-256
   */
  @Embeddable
  public record Evidence(
      @Column(name = "name", nullable = false, length = 500) String name,
      @Column(name = "sha256", nullable = false, length = 64) String sha256) {}
}
