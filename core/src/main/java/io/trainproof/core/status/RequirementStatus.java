package io.trainproof.core.status;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.WorkforceMember;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One member's standing on one requirement (or on a manual assignment) on a date. Immutable.
 *
 * @param member the member
 * @param requirement the requirement, or null for a manual or remediation assignment
 * @param course the course
 * @param asOf the date asked about
 * @param status the derived status
 * @param openAssignment the open assignment that date, if any
 * @param dueOn its due date as it stood that date, if any
 * @param openedOn the date the open assignment was assigned, if any: with {@code dueOn}, the
 *     renewal window of a member who is {@link ComplianceStatus#DUE_FOR_RENEWAL}
 * @param lastCompletedOn the last passing completion on or before the date, if any
 * @param validUntil the last day that completion (or waiver, or outside certification) covers the
 *     requirement, kept after it lapses (then it is before {@code asOf} and the status is {@link
 *     ComplianceStatus#EXPIRED}); null when it never expires or there is none
 */
public record RequirementStatus(
    Id<WorkforceMember> member,
    @Nullable Id<Requirement> requirement,
    Id<Course> course,
    LocalDate asOf,
    ComplianceStatus status,
    @Nullable Id<Assignment> openAssignment,
    @Nullable LocalDate dueOn,
    @Nullable LocalDate openedOn,
    @Nullable LocalDate lastCompletedOn,
    @Nullable LocalDate validUntil) {

  /**
   * A standing without the open assignment's start (as before the renewal window was reported).
   *
   * @param member the member
   * @param requirement the requirement, or null
   * @param course the course
   * @param asOf the date asked about
   * @param status the derived status
   * @param openAssignment the open assignment, if any
   * @param dueOn its due date, if any
   * @param lastCompletedOn the last passing completion, if any
   * @param validUntil the last day covered, if any
   */
  public RequirementStatus(
      Id<WorkforceMember> member,
      @Nullable Id<Requirement> requirement,
      Id<Course> course,
      LocalDate asOf,
      ComplianceStatus status,
      @Nullable Id<Assignment> openAssignment,
      @Nullable LocalDate dueOn,
      @Nullable LocalDate lastCompletedOn,
      @Nullable LocalDate validUntil) {
    this(
        member,
        requirement,
        course,
        asOf,
        status,
        openAssignment,
        dueOn,
        null,
        lastCompletedOn,
        validUntil);
  }
}
