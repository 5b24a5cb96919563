package io.trainproof.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One member must complete one course by a due date, and why. A renewal is a new assignment;
 * closing one keeps it. Every change carries its date, so the assignment can be seen as of any past
 * date ({@link #stateOn}, {@link #dueOn(LocalDate)}). Immutable.
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

  /**
   * The closure of an assignment the caller knows to be closed (its state on some date is
   * completed, waived or cancelled).
   *
   * @return the closure
   * @throws IllegalStateException when the assignment is open
   */
  public Closure closed() {
    if (closure == null) {
      throw new IllegalStateException("assignment " + id + " is open");
    }
    return closure;
  }

  /**
   * @return the stored state now
   */
  public AssignmentState state() {
    if (closure != null) {
      return closure.state();
    }
    return startedOn != null ? AssignmentState.IN_PROGRESS : AssignmentState.ASSIGNED;
  }

  /**
   * @return true while not closed
   */
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

  /**
   * @return the due date after every extension
   */
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
    return toBuilder().closure(c).build();
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
    return toBuilder().dueChanges(next).build();
  }

  /**
   * This assignment marked as started.
   *
   * @param on the date started
   * @return the new value
   */
  public Assignment started(LocalDate on) {
    return toBuilder().startedOn(on).build();
  }

  /**
   * A builder for a new assignment, each component set by name so that the four dates and the three
   * ids cannot be swapped silently. {@code requirement}, {@code policyVersion}, {@code startedOn}
   * and {@code closure} default to null, {@code dueChanges} to none and {@code version} to 0; every
   * other component is required.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this assignment's components, for a copy that differs in a few.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    return new Builder()
        .id(id)
        .organization(organization)
        .member(member)
        .course(course)
        .requirement(requirement)
        .reason(reason)
        .policyVersion(policyVersion)
        .dedupeKey(dedupeKey)
        .assignedOn(assignedOn)
        .assignedAt(assignedAt)
        .assignedBy(assignedBy)
        .anchorOn(anchorOn)
        .dueOn(dueOn)
        .dueChanges(dueChanges)
        .startedOn(startedOn)
        .closure(closure)
        .version(version);
  }

  /**
   * Builds an {@link Assignment} by component name; {@link #build()} fails with a {@link
   * io.trainproof.core.ValidationException} naming the first required component not given. Not
   * thread-safe; use one per value.
   */
  public static final class Builder {
    private @Nullable Id<Assignment> id;
    private @Nullable Id<Organization> organization;
    private @Nullable Id<WorkforceMember> member;
    private @Nullable Id<Course> course;
    private @Nullable Id<Requirement> requirement;
    private @Nullable AssignmentReason reason;
    private @Nullable Id<PolicyVersion> policyVersion;
    private @Nullable String dedupeKey;
    private @Nullable LocalDate assignedOn;
    private @Nullable Instant assignedAt;
    private @Nullable String assignedBy;
    private @Nullable LocalDate anchorOn;
    private @Nullable LocalDate dueOn;
    private List<DueDateChange> dueChanges = List.of();
    private @Nullable LocalDate startedOn;
    private @Nullable Closure closure;
    private long version;

    private Builder() {}

    /** Sets the assignment's id; returns this builder. */
    public Builder id(Id<Assignment> value) {
      this.id = value;
      return this;
    }

    /** Sets the organization; returns this builder. */
    public Builder organization(Id<Organization> value) {
      this.organization = value;
      return this;
    }

    /** Sets who must complete it; returns this builder. */
    public Builder member(Id<WorkforceMember> value) {
      this.member = value;
      return this;
    }

    /** Sets which course; returns this builder. */
    public Builder course(Id<Course> value) {
      this.course = value;
      return this;
    }

    /** Sets the rule that caused it, or null for a manual one; returns this builder. */
    public Builder requirement(@Nullable Id<Requirement> value) {
      this.requirement = value;
      return this;
    }

    /** Sets why it exists; returns this builder. */
    public Builder reason(AssignmentReason value) {
      this.reason = value;
      return this;
    }

    /** Sets the material policy version, or null; returns this builder. */
    public Builder policyVersion(@Nullable Id<PolicyVersion> value) {
      this.policyVersion = value;
      return this;
    }

    /** Sets the key unique per organization; returns this builder. */
    public Builder dedupeKey(String value) {
      this.dedupeKey = value;
      return this;
    }

    /** Sets the calendar date it was created; returns this builder. */
    public Builder assignedOn(LocalDate value) {
      this.assignedOn = value;
      return this;
    }

    /** Sets the instant it was created; returns this builder. */
    public Builder assignedAt(Instant value) {
      this.assignedAt = value;
      return this;
    }

    /** Sets the actor that created it; returns this builder. */
    public Builder assignedBy(String value) {
      this.assignedBy = value;
      return this;
    }

    /** Sets the date the due date was counted from; returns this builder. */
    public Builder anchorOn(LocalDate value) {
      this.anchorOn = value;
      return this;
    }

    /** Sets the original due date; returns this builder. */
    public Builder dueOn(LocalDate value) {
      this.dueOn = value;
      return this;
    }

    /** Sets extensions, in the order granted; returns this builder. */
    public Builder dueChanges(List<DueDateChange> value) {
      this.dueChanges = value;
      return this;
    }

    /** Sets when the member started, or null; returns this builder. */
    public Builder startedOn(@Nullable LocalDate value) {
      this.startedOn = value;
      return this;
    }

    /** Sets how it was closed, or null while open; returns this builder. */
    public Builder closure(@Nullable Closure value) {
      this.closure = value;
      return this;
    }

    /** Sets the optimistic-lock version; returns this builder. */
    public Builder version(long value) {
      this.version = value;
      return this;
    }

    /**
     * The assignment.
     *
     * @return the value
     * @throws io.trainproof.core.ValidationException naming a required component not given
     */
    public Assignment build() {
      String a = "assignment";
      return new Assignment(
          Required.component(a, "id", id),
          Required.component(a, "organization", organization),
          Required.component(a, "member", member),
          Required.component(a, "course", course),
          requirement,
          Required.component(a, "reason", reason),
          policyVersion,
          Required.component(a, "dedupeKey", dedupeKey),
          Required.component(a, "assignedOn", assignedOn),
          Required.component(a, "assignedAt", assignedAt),
          Required.component(a, "assignedBy", assignedBy),
          Required.component(a, "anchorOn", anchorOn),
          Required.component(a, "dueOn", dueOn),
          Required.component(a, "dueChanges", dueChanges),
          startedOn,
          closure,
          version);
    }
  }
}
