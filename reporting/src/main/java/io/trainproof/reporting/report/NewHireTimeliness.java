package io.trainproof.reporting.report;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * New hires engaged in the period and whether each onboarding assignment was completed on time,
 * late, or is still open on the as-of date (164.530(b)(2)(i)(B); the auditor's new-hire sample).
 * Immutable.
 *
 * @param header the header (its period is the engagement period)
 * @param population how many new hires the actor may see in the period
 * @param sampled how many of them the report covers
 * @param rows one row per sampled new hire and onboarding assignment
 */
public record NewHireTimeliness(ReportHeader header, int population, int sampled, List<Row> rows)
    implements Report {
  /** Copies the rows. */
  public NewHireTimeliness {
    rows = List.copyOf(rows);
  }

  /** How an onboarding assignment turned out by the as-of date. */
  public enum Outcome {
    /** Completed on or before its due date. */
    ON_TIME,
    /** Completed after its due date. */
    LATE,
    /** Open and not yet due. */
    OPEN,
    /** Open and past its due date. */
    OPEN_OVERDUE,
    /** Waived by an approver. */
    WAIVED,
    /** Cancelled (no longer required). */
    CANCELLED,
    /** Nothing was assigned: no requirement applied to the member. */
    NOTHING_REQUIRED
  }

  /**
   * One new hire's onboarding assignment.
   *
   * @param externalId the HR id
   * @param member the name
   * @param department the department on the engagement date
   * @param engagedOn the engagement date
   * @param course the course code, or null when nothing was required
   * @param assignedOn when assigned
   * @param dueOn the due date as it stood on the as-of date
   * @param completedOn when completed, if by then
   * @param outcome how it turned out
   * @param daysLate days after the due date it was completed (0 when on time or open)
   */
  public record Row(
      String externalId,
      String member,
      String department,
      LocalDate engagedOn,
      @Nullable String course,
      @Nullable LocalDate assignedOn,
      @Nullable LocalDate dueOn,
      @Nullable LocalDate completedOn,
      Outcome outcome,
      long daysLate) {}

  /**
   * How many rows had an outcome.
   *
   * @param outcome the outcome
   * @return the count
   */
  public long count(Outcome outcome) {
    return rows.stream().filter(r -> r.outcome() == outcome).count();
  }

  @Override
  public Table table(Labels labels) {
    return new Table(
        labels.columns(
            "external id",
            "member",
            "department",
            "engaged on",
            "course",
            "assigned on",
            "due on",
            "completed on",
            "outcome",
            "days late"),
        rows.stream()
            .map(
                r ->
                    List.of(
                        r.externalId(),
                        r.member(),
                        r.department(),
                        Cells.of(r.engagedOn()),
                        Cells.of(r.course()),
                        Cells.of(r.assignedOn()),
                        Cells.of(r.dueOn()),
                        Cells.of(r.completedOn()),
                        labels.of(r.outcome()),
                        Cells.of(r.daysLate())))
            .toList());
  }
}
