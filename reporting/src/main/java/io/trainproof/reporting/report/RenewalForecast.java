package io.trainproof.reporting.report;

import java.time.YearMonth;
import java.util.List;

/**
 * What comes due in each of the twelve months after the as-of date: open assignments falling due
 * and completions expiring (whose renewal will fall due). Immutable.
 *
 * @param header the header
 * @param months twelve entries, starting with the as-of date's month
 */
public record RenewalForecast(ReportHeader header, List<Month> months) implements Report {
  /** Copies the months. */
  public RenewalForecast {
    months = List.copyOf(months);
  }

  /**
   * One month.
   *
   * @param month the month
   * @param assignmentsDue open assignments whose due date falls in it
   * @param completionsExpiring completions whose validity ends in it, with no open renewal yet
   */
  public record Month(YearMonth month, int assignmentsDue, int completionsExpiring) {
    /**
     * @return everything coming due that month
     */
    public int total() {
      return assignmentsDue + completionsExpiring;
    }
  }

  @Override
  public Table table(Labels labels) {
    return new Table(
        labels.columns("month", "assignments due", "completions expiring", "total"),
        months.stream()
            .map(
                m ->
                    List.of(
                        m.month().toString(),
                        Cells.of(m.assignmentsDue()),
                        Cells.of(m.completionsExpiring()),
                        Cells.of(m.total())))
            .toList());
  }
}
