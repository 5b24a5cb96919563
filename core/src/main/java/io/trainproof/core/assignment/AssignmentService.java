package io.trainproof.core.assignment;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Page;
import io.trainproof.core.domain.WorkforceMember;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Manual assignments, waivers, extensions, and reading assignments. Assignments made by the rules
 * come from the engine, not from here. Thread-safe.
 */
public interface AssignmentService {

  /**
   * A manual or remediation assignment.
   *
   * @param member who
   * @param course which course (must have a released version)
   * @param dueOn the due date, not before today
   * @param remediation true for remediation (after an incident or a gap), false for manual
   * @param note why, recorded with the assignment's audit entry
   */
  record ManualAssignment(
      Id<WorkforceMember> member,
      Id<Course> course,
      LocalDate dueOn,
      boolean remediation,
      String note) {}

  /**
   * Assigns a course by hand.
   *
   * @param actor the caller
   * @param request the assignment
   * @return the assignment
   */
  Assignment assign(Actor actor, ManualAssignment request);

  /**
   * Waives an open assignment. The actor is the approver.
   *
   * @param actor the approver
   * @param assignment the assignment
   * @param reason why
   * @return the waived assignment
   */
  Assignment waive(Actor actor, Id<Assignment> assignment, String reason);

  /**
   * Extends an open assignment's due date. The actor is the approver.
   *
   * @param actor the approver
   * @param assignment the assignment
   * @param newDueOn the new due date, after the current one
   * @param reason why
   * @return the extended assignment
   */
  Assignment extend(Actor actor, Id<Assignment> assignment, LocalDate newDueOn, String reason);

  /**
   * Marks an open assignment as started.
   *
   * @param actor the caller
   * @param assignment the assignment
   * @return the assignment
   */
  Assignment start(Actor actor, Id<Assignment> assignment);

  /**
   * Reads an assignment.
   *
   * @param actor the caller
   * @param assignment the assignment
   * @return the assignment
   */
  Assignment get(Actor actor, Id<Assignment> assignment);

  /**
   * A member's assignments, oldest first, closed ones included.
   *
   * @param actor the caller
   * @param member the member
   * @return the assignments
   */
  List<Assignment> forMember(Actor actor, Id<WorkforceMember> member);

  /**
   * A page of assignments the actor may see, in id order (for reports and exports over large
   * organizations).
   *
   * @param actor the caller
   * @param after the cursor from the previous page, or null for the first
   * @param limit the most items to read, 1 to 10,000
   * @return the page
   */
  Page<Assignment> page(Actor actor, @Nullable String after, int limit);
}
