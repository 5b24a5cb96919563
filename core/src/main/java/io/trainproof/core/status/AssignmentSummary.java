package io.trainproof.core.status;

import io.trainproof.core.domain.WorkforceType;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;

/**
 * One group of an organization's assignment-level aggregate on a date: the members active that day
 * who share a department, a workforce type and a set of job roles, and their assignments counted by
 * the status each had that day. The rules below are core's: core hands the store plain facts to
 * count (dates and due-date cut-offs, {@link io.trainproof.core.spi.AssignmentCountQuery}), which a
 * SQL store counts as one aggregate (never by loading assignments), and reads the counts as these
 * statuses. Immutable.
 *
 * <p>The rules, for an as-of date {@code d}, a due-soon window of {@code n} days and only facts
 * dated on or before {@code d}:
 *
 * <ul>
 *   <li><b>Members.</b> A member counts when their terms in effect on {@code d} ({@link
 *       io.trainproof.core.domain.WorkforceMember#termsOn}) have status {@link
 *       io.trainproof.core.domain.MemberStatus#ACTIVE}; the department and workforce type and the
 *       job roles are those of the same terms (a member is in exactly one group; a per-role view
 *       sums the groups whose role set contains the role). Members on leave, terminated or not yet
 *       engaged on {@code d} count nowhere, and neither do their assignments.
 *   <li><b>Assignments.</b> An assignment of a counted member exists on {@code d} when {@code
 *       assignedOn <= d}. It is closed on {@code d} when it has a closure with {@code closure.on <=
 *       d}, and open otherwise.
 *   <li><b>Due date on {@code d}.</b> The new due date of the last extension (in the order granted)
 *       whose {@code grantedOn <= d}; the original {@code dueOn} when there is none.
 *   <li><b>Status.</b> Closed COMPLETED → {@link #completed}; closed WAIVED → {@link #waived};
 *       closed CANCELLED → not counted. Open and {@code d > due} → {@link #overdue}; open and
 *       {@code d >= due - n} (so {@code due <= d + n}) → {@link #dueSoon}; any other open one →
 *       {@link #pending}. Requirement grace periods are deliberately ignored here: an assignment is
 *       overdue from the day after its due date.
 *   <li><b>Members by worst open assignment.</b> {@link #membersOverdue}: members with at least one
 *       overdue assignment; {@link #membersDueSoon}: with at least one due soon and none overdue;
 *       {@link #membersPending}: with at least one pending and none overdue or due soon. The rest
 *       of {@link #members} have nothing open on {@code d}.
 * </ul>
 *
 * @param department the department or site code of the group
 * @param type the workforce type of the group
 * @param roles the exact set of job roles of the group
 * @param members members active on the date in the group (at least 1)
 * @param membersOverdue members with at least one overdue assignment
 * @param membersDueSoon members whose worst open assignment is due soon
 * @param membersPending members whose worst open assignment is pending
 * @param pending open assignments, not yet due soon
 * @param dueSoon open assignments due within the window (or today)
 * @param overdue open assignments past their due date
 * @param completed assignments closed as completed on or before the date
 * @param waived assignments closed as waived on or before the date
 */
public record AssignmentSummary(
    String department,
    WorkforceType type,
    Set<String> roles,
    long members,
    long membersOverdue,
    long membersDueSoon,
    long membersPending,
    long pending,
    long dueSoon,
    long overdue,
    long completed,
    long waived) {

  /**
   * The order of the groups: department (by code point), then workforce type, then the roles sorted
   * and joined with commas.
   */
  public static final Comparator<AssignmentSummary> ORDER =
      Comparator.comparing(AssignmentSummary::department)
          .thenComparing(AssignmentSummary::type)
          .thenComparing(r -> String.join(",", new TreeSet<>(r.roles())));

  /** Makes the role set immutable. */
  public AssignmentSummary {
    roles = Set.copyOf(roles);
  }

  /**
   * @return members with no assignment open on the date
   */
  public long membersWithNothingOpen() {
    return members - membersOverdue - membersDueSoon - membersPending;
  }
}
