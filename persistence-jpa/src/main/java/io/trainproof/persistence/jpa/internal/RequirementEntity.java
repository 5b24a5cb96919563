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
 * Row of {@code tp_requirement} with its effective-dated terms in {@code tp_requirement_terms}. Not
 * thread-safe (a JPA entity). Not API.
 */
@Entity(name = "TpRequirement")
@Table(name = "tp_requirement")
@IdClass(OrgScopedId.class)
public class RequirementEntity {
  @Id
  @Column(name = "id", nullable = false)
  UUID id = new UUID(0, 0);

  @Id
  @Column(name = "org_id", nullable = false)
  UUID orgId = new UUID(0, 0);

  @Column(name = "name", nullable = false, length = 500)
  String name = "";

  @Column(name = "rationale", nullable = false, length = 4000)
  String rationale = "";

  @Column(name = "created_at", nullable = false)
  Instant createdAt = Instant.EPOCH;

  @Version
  @Column(name = "version", nullable = false)
  long version;

  @ElementCollection
  @CollectionTable(
      name = "tp_requirement_terms",
      joinColumns = {
        @JoinColumn(name = "org_id", referencedColumnName = "org_id"),
        @JoinColumn(name = "requirement_id", referencedColumnName = "id")
      })
  @OrderColumn(name = "seq")
  List<Terms> history = new ArrayList<>();

  /** For JPA. */
  protected RequirementEntity() {}

  RequirementEntity(UUID id) {
    this.id = id;
  }

  /**
   * One row of a requirement's history. The audience sets and reminder day lists are JSON arrays in
   * single columns (collections inside an element collection cannot be tables in JPA; they are
   * small and always read with their row). Periods are ISO-8601 text, so {@code P18M} stays
   * eighteen months and is never normalized.
   *
   * @param effectiveFrom first day in effect
   * @param audienceRoles JSON array of role codes
   * @param audienceDepartments JSON array of departments
   * @param audienceTypes JSON array of workforce type names
   * @param course course id
   * @param initialDueDays days to the first due date
   * @param recurrenceKind NONE, EVERY or FIXED_DATE
   * @param recurrencePeriod for EVERY: ISO period
   * @param recurrenceCountFrom for EVERY: what it counts from
   * @param recurrenceMonthDay for FIXED_DATE: ISO month-day
   * @param renewalWindow ISO period
   * @param minimumActive ISO period
   * @param graceDays grace days
   * @param retrainWithinDays retraining days, or null
   * @param reminderDaysBefore JSON array of days
   * @param reminderOnDue whether a notice goes out on the due date
   * @param reminderDaysOverdue JSON array of days
   * @param reminderEscalateAfter escalation day
   * @param active whether active
   */
  @Embeddable
  public record Terms(
      @Column(name = "effective_from", nullable = false) LocalDate effectiveFrom,
      @Column(name = "audience_roles", nullable = false, length = 4000) String audienceRoles,
      @Column(name = "audience_departments", nullable = false, length = 4000)
          String audienceDepartments,
      @Column(name = "audience_types", nullable = false, length = 200) String audienceTypes,
      @Column(name = "course_id", nullable = false) UUID course,
      @Column(name = "initial_due_days", nullable = false) int initialDueDays,
      @Column(name = "recurrence_kind", nullable = false, length = 20) String recurrenceKind,
      @Column(name = "recurrence_period", length = 50) @Nullable String recurrencePeriod,
      @Column(name = "recurrence_count_from", length = 20) @Nullable String recurrenceCountFrom,
      @Column(name = "recurrence_month_day", length = 10) @Nullable String recurrenceMonthDay,
      @Column(name = "renewal_window", nullable = false, length = 50) String renewalWindow,
      @Column(name = "minimum_active", nullable = false, length = 50) String minimumActive,
      @Column(name = "grace_days", nullable = false) int graceDays,
      @Column(name = "retrain_within_days") @Nullable Integer retrainWithinDays,
      @Column(name = "reminder_days_before", nullable = false, length = 500)
          String reminderDaysBefore,
      @Column(name = "reminder_on_due", nullable = false) boolean reminderOnDue,
      @Column(name = "reminder_days_overdue", nullable = false, length = 500)
          String reminderDaysOverdue,
      @Column(name = "reminder_escalate_after", nullable = false) int reminderEscalateAfter,
      @Column(name = "active", nullable = false) boolean active) {}
}
