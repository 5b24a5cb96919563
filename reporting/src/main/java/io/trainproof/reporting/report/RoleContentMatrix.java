package io.trainproof.reporting.report;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which content each role must complete on the as-of date, and why (164.530(b)(1)): one row per
 * role and active requirement, with the requirement's rationale and the topics its course covers.
 * Immutable.
 *
 * @param header the header
 * @param rows by role, then requirement
 */
public record RoleContentMatrix(ReportHeader header, List<Row> rows) implements Report {
  /** Copies the rows. */
  public RoleContentMatrix {
    rows = List.copyOf(rows);
  }

  /** The role label of a requirement whose audience names no role. */
  public static final String ALL_ROLES = "(all roles)";

  /**
   * One role's requirement.
   *
   * @param role the role, or {@link #ALL_ROLES}
   * @param requirement the requirement's name
   * @param audience the audience's other criteria (departments, types), or {@code everyone}
   * @param course the course code
   * @param courseTitle the course title
   * @param courseVersion the newest version released by the as-of date
   * @param citations the citations of the topics it covers
   * @param initialDueDays days after engagement it is first due
   * @param recurrence how it recurs
   * @param retrainWithinDays retraining due this many days after a material change, if any
   * @param rationale why these roles need this content
   */
  public record Row(
      String role,
      String requirement,
      String audience,
      String course,
      String courseTitle,
      @Nullable String courseVersion,
      Set<String> citations,
      int initialDueDays,
      String recurrence,
      @Nullable Integer retrainWithinDays,
      String rationale) {
    /** Copies the citations. */
    public Row {
      citations = Set.copyOf(citations);
    }
  }

  @Override
  public Table table(Labels labels) {
    return new Table(
        labels.columns(
            "role",
            "requirement",
            "audience",
            "course",
            "course version",
            "citations",
            "initial due (days)",
            "recurrence",
            "retrain within (days)",
            "rationale"),
        rows.stream()
            .map(
                r ->
                    List.of(
                        r.role(),
                        r.requirement(),
                        r.audience(),
                        r.course() + " " + r.courseTitle(),
                        Cells.of(r.courseVersion()),
                        Cells.of(r.citations()),
                        Cells.of(r.initialDueDays()),
                        r.recurrence(),
                        Cells.of(r.retrainWithinDays()),
                        r.rationale()))
            .toList());
  }
}
