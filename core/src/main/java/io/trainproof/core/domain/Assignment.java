package io.trainproof.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One member must complete one course by a due date, and why. A renewal is a new assignment;
 * closing one keeps it. Every change carries its date, so the assignment can be seen as of
 * any past date ({@link #stateOn}, {@link #dueOn(LocalDate)}). Immutable.
 *
 * @param id the assignment's id
 * @param organization the organization
 * @param member who must complete it
 * @param course which course
 * @param requirement the rule that caused it, or null for manual and remediation ones
 * @param reason why it exists
 * @param policyVersion for {@link AssignmentReason#POLICY_CHANGE}: the material version
 * @param dedupeKey unique per organization; makes the engine idempotent under concurrency
 * @param assignedOn the calendar date it was created
 * @param assignedAt the instant it was created
 * @param assignedBy the actor that created it
 * @param anchorOn the date the due date was counted from (engagement, rule start, change)
 * @param dueOn the original due date
 * @param dueChanges extensions, in the order granted
 * @param startedOn when the member started, if they did
 * @param closure how it was closed, or null while open
 * @param version optimistic-lock version, managed by the store
 */
public record Assignment(
    Id<Assignment> id,
    Id<Organization> organization,
    Id<WorkforceMember> member,
    Id<Course> course,
    @Nullable Id<Requirement> requirement,
    AssignmentReason reason,
    @Nullable Id<PolicyVersion> policyVersion,
    String dedupeKey,
    LocalDate assignedOn,
    Instant assignedAt,
    String assignedBy,
    LocalDate anchorOn,
    LocalDate dueOn,
    List<DueDateChange> dueChanges,
    @Nullable LocalDate startedOn,
    @Nullable Closure closure,
    long version) {

  /** Makes the extension list immutable. */
  public Assignment {
    dueChanges = List.copyOf(dueChanges);
  }

  /** @return the stored state now */
  public AssignmentState state() {
    if (closure != null) {
      return closure.state();
    }
    return startedOn != null ? AssignmentState.IN_PROGRESS : AssignmentState.ASSIGNED;
  }

  /** @return true while not closed */
  public boolean isOpen() {
    return closure == null;
  }

  /**
   * Whether the assignment existed on a date.
   *
   * @param date the date
   * @return true when created on or before it
   */
  public boolean existsOn(LocalDate date) {
    return !assignedOn.isAfter(date);
  }

  /**
   * The state as it was on a date (assuming it existed then).
   *
   * @param date the date
   * @return the state that day
   */
  public AssignmentState stateOn(LocalDate date) {
    if (closure != null && !closure.on().isAfter(date)) {
      return closure.state();
    }
    return startedOn != null && !startedOn.isAfter(date)
        ? AssignmentState.IN_PROGRESS
        : AssignmentState.ASSIGNED;
  }

  /**
   * Whether it was open on a date.
   *
   * @param date the date
   * @return true when it existed and was not closed on that date
   */
  public boolean openOn(LocalDate date) {
    return existsOn(date) && stateOn(date).isOpen();
  }

  /** @return the due date after every extension */
  public LocalDate currentDueOn() {
    return dueChanges.isEmpty() ? dueOn : dueChanges.get(dueChanges.size() - 1).newDueOn();
  }

  /**
   * The due date as it stood on a date, counting only extensions granted by then.
   *
   * @param date the date
   * @return the due date that day
   */
  public LocalDate dueOn(LocalDate date) {
    LocalDate due = dueOn;
    for (DueDateChange c : dueChanges) {
      if (!c.grantedOn().isAfter(date)) {
        due = c.newDueOn();
      }
    }
    return due;
  }

  /**
   * This assignment closed.
   *
   * @param c the closure
   * @return the new value
   */
  public Assignment closed(Closure c) {
    return new Assignment(
        id, organization, member, course, requirement, reason, policyVersion, dedupeKey,
        assignedOn, assignedAt, assignedBy, anchorOn, dueOn, dueChanges, startedOn, c, version);
  }

  /**
   * This assignment with an extension.
   *
   * @param change the extension
   * @return the new value
   */
  public Assignment extended(DueDateChange change) {
    List<DueDateChange> next = new ArrayList<>(dueChanges);
    next.add(change);
    return new Assignment(
        id, organization, member, course, requirement, reason, policyVersion, dedupeKey,
        assignedOn, assignedAt, assignedBy, anchorOn, dueOn, next, startedOn, closure, version);
  }

  /**
   * This assignment marked as started.
   *
   * @param on the date started
   * @return the new value
   */
  public Assignment started(LocalDate on) {
    return new Assignment(
        id, organization, member, course, requirement, reason, policyVersion, dedupeKey,
        assignedOn, assignedAt, assignedBy, anchorOn, dueOn, dueChanges, on, closure, version);
  }
}
