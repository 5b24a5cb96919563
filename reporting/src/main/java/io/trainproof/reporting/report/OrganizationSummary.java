package io.trainproof.reporting.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Members active on the as-of date by role, department and workforce type, counted by the
 * worst of their training assignments that day (164.308(a)(5)(i) coverage). Immutable.
 *
 * <p>The numbers come from core's assignment aggregate
 * ({@link io.trainproof.core.status.AssignmentSummary} has the exact rules), which the store
 * computes in one query: an assignment counts from its assigned date, is open until its
 * closure date, is due on the due date in force that day (extensions granted by then), is
 * overdue from the day after it and due soon within the instance's due-soon window. A member
 * is <em>overdue</em> with at least one overdue assignment, <em>due soon</em> with one due soon
 * and none overdue, <em>pending</em> with one open and neither, and <em>compliant</em> with
 * nothing open. Requirement-level states the assignments alone cannot show are not computed
 * here and are always 0: <em>expired</em> (an expiry shows as the overdue renewal assignment the
 * scheduler creates before it), <em>unassigned</em> (a gap the assignment engine closes on the
 * next roster or rule change) and <em>waived</em> (a waived assignment is closed, so its member
 * counts as compliant). Per-member requirement statuses remain in the member transcript and the
 * status service.
 *
 * @param header the header
 * @param rows one row per group, the {@link Dimension#ALL} row first
 */
public record OrganizationSummary(ReportHeader header, List<Row> rows) implements Report {
  /** Copies the rows. */
  public OrganizationSummary {
    rows = List.copyOf(rows);
  }

  /**
   * One group's counts. Each member counts once per group, under their worst open assignment.
   *
   * @param dimension the grouping
   * @param group the role, department or type (or {@code all})
   * @param members active members in the group
   * @param compliant members with no assignment open that day
   * @param dueSoon members whose worst open assignment is due soon
   * @param pending members whose worst open assignment is pending
   * @param overdue members with at least one overdue assignment
   * @param expired always 0 (not derived from assignments; kept for the report's shape)
   * @param unassigned always 0 (not derived from assignments; kept for the report's shape)
   * @param waived always 0 (a waived assignment is closed; kept for the report's shape)
   */
  public record Row(Dimension dimension, String group, int members, int compliant, int dueSoon, int pending,
      int overdue, int expired, int unassigned, int waived) {
    /** @return compliant members as a whole percentage of members, 0 when there are none */
    public int compliantPercent() {
      return members == 0 ? 0 : Math.round(100f * compliant / members);
    }
  }

  /**
   * The rows of one dimension.
   *
   * @param dimension the dimension
   * @return its rows, in group order
   */
  public List<Row> by(Dimension dimension) {
    return rows.stream().filter(r -> r.dimension() == dimension).toList();
  }

  @Override
  public Table table() {
    List<List<String>> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(List.of(r.dimension().name(), r.group(), Cells.of(r.members()), Cells.of(r.compliant()),
          Cells.of(r.compliantPercent()), Cells.of(r.dueSoon()), Cells.of(r.pending()), Cells.of(r.overdue()),
          Cells.of(r.expired()), Cells.of(r.unassigned()), Cells.of(r.waived())));
    }
    return new Table(List.of("dimension", "group", "members", "compliant", "compliant %", "due soon", "pending",
        "overdue", "expired", "unassigned", "waived"), out);
  }
}
