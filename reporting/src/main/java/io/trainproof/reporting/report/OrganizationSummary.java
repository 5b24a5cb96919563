package io.trainproof.reporting.report;

import io.trainproof.core.status.ComplianceStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Members active on the as-of date by role, department and workforce type, counted by their worst
 * status that day (164.308(a)(5)(i) coverage), and how many of them are in compliance by the one
 * definition ({@link ComplianceStatus#inCompliance()}). Immutable.
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
   * One group's counts. Each member counts once per group, under their worst status.
   *
   * @param dimension the grouping
   * @param group the role, department or type (or {@code all})
   * @param members active members in the group
   * @param compliant members whose worst status is compliant (or who have nothing required)
   * @param dueForRenewal worst status due for renewal (still valid, renewal window open)
   * @param dueSoon worst status due soon
   * @param pending worst status pending
   * @param overdue worst status overdue
   * @param expired worst status expired
   * @param unassigned worst status unassigned (a gap)
   * @param waived worst status waived
   */
  public record Row(
      Dimension dimension,
      String group,
      int members,
      int compliant,
      int dueForRenewal,
      int dueSoon,
      int pending,
      int overdue,
      int expired,
      int unassigned,
      int waived) {
    /**
     * Members in compliance, by the one definition ({@link ComplianceStatus#inCompliance()}): those
     * whose worst status is compliant, due for renewal, due soon, pending or waived.
     *
     * @return members in compliance
     */
    public int inCompliance() {
      return compliant + dueForRenewal + dueSoon + pending + waived;
    }

    /**
     * @return members in compliance as a whole percentage of members, 0 when there are none
     */
    public int inCompliancePercent() {
      return members == 0 ? 0 : Math.round(100f * inCompliance() / members);
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
  public Table table(Labels labels) {
    List<List<String>> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(
          List.of(
              labels.of(r.dimension()),
              switch (r.dimension()) {
                case ALL -> labels.word("all");
                case WORKFORCE_TYPE -> labels.code("WorkforceType", r.group());
                default -> r.group();
              },
              Cells.of(r.members()),
              Cells.of(r.inCompliance()),
              Cells.of(r.inCompliancePercent()),
              Cells.of(r.compliant()),
              Cells.of(r.dueForRenewal()),
              Cells.of(r.dueSoon()),
              Cells.of(r.pending()),
              Cells.of(r.overdue()),
              Cells.of(r.expired()),
              Cells.of(r.unassigned()),
              Cells.of(r.waived())));
    }
    return new Table(
        labels.columns(
            "dimension",
            "group",
            "members",
            "in compliance",
            "in compliance %",
            "compliant",
            "due for renewal",
            "due soon",
            "pending",
            "overdue",
            "expired",
            "unassigned",
            "waived"),
        out);
  }
}
