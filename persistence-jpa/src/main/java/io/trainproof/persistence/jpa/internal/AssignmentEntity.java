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
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Row of {@code tp_assignment} with its due-date changes in {@code tp_assignment_due_change}. New
 * rows are written by native SQL ({@code insertIfAbsent}); JPA loads and updates them. Not
 * thread-safe (a JPA entity). Not API.
 */
@Entity(name = "TpAssignment")
@Table(name = "tp_assignment")
@IdClass(OrgScopedId.class)
public class AssignmentEntity {
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

  @Column(name = "course_id", nullable = false)
  UUID courseId = new UUID(0, 0);

  @Column(name = "requirement_id")
  @Nullable UUID requirementId;

  @Column(name = "reason", nullable = false, length = 30)
  String reason = "";

  @Column(name = "policy_version_id")
  @Nullable UUID policyVersionId;

  @Column(name = "dedupe_key", nullable = false, length = 300)
  String dedupeKey = "";

  @Column(name = "assigned_on", nullable = false)
  LocalDate assignedOn = LocalDate.EPOCH;

  @Column(name = "assigned_at", nullable = false)
  Instant assignedAt = Instant.EPOCH;

  @Column(name = "assigned_by", nullable = false, length = 200)
  String assignedBy = "";

  @Column(name = "anchor_on", nullable = false)
  LocalDate anchorOn = LocalDate.EPOCH;

  @Column(name = "due_on", nullable = false)
  LocalDate dueOn = LocalDate.EPOCH;

  @ElementCollection
  @CollectionTable(
      name = "tp_assignment_due_change",
      joinColumns = {
        @JoinColumn(name = "org_id", referencedColumnName = "org_id"),
        @JoinColumn(name = "assignment_id", referencedColumnName = "id")
      })
  @OrderColumn(name = "seq")
  List<DueChange> dueChanges = new ArrayList<>();

  @Column(name = "started_on")
  @Nullable LocalDate startedOn;

  @Column(name = "closure_state", length = 20)
  @Nullable String closureState;

  @Column(name = "closure_on")
  @Nullable LocalDate closureOn;

  @Column(name = "closure_recorded_at")
  @Nullable Instant closureRecordedAt;

  @Column(name = "closure_by", length = 200)
  @Nullable String closureBy;

  @Column(name = "closure_reason", length = 1000)
  @Nullable String closureReason;

  @Column(name = "closure_completion_id")
  @Nullable UUID closureCompletionId;

  @Version
  @Column(name = "version", nullable = false)
  long version;

  /** For JPA. */
  protected AssignmentEntity() {}

  /**
   * One extension of the due date.
   *
   * @param grantedOn when granted
   * @param newDueOn the new due date
   * @param approvedBy approver
   * @param reason why
   */
  @Embeddable
  public record DueChange(
      @Column(name = "granted_on", nullable = false) LocalDate grantedOn,
      @Column(name = "new_due_on", nullable = false) LocalDate newDueOn,
      @Column(name = "approved_by", nullable = false, length = 200) String approvedBy,
      @Column(name = "reason", nullable = false, length = 1000) String reason) {}
}
