package io.trainproof.reporting.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the HTML dashboard shows: the organization summary (charted as compliance by department),
 * the overdue trend over the twelve month-ends up to the as-of date, and the renewal forecast.
 * Immutable.
 *
 * @param header the header
 * @param summary the organization summary
 * @param overdueTrend twelve points, oldest first, the last on the as-of date
 * @param forecast the renewal forecast
 */
public record Dashboard(
    ReportHeader header,
    OrganizationSummary summary,
    List<TrendPoint> overdueTrend,
    RenewalForecast forecast)
    implements Report {
  /** Copies the trend. */
  public Dashboard {
    overdueTrend = List.copyOf(overdueTrend);
  }

  /**
   * Overdue and expired members on one date.
   *
   * @param on the date
   * @param members active members that day
   * @param overdue members whose worst status was overdue
   * @param expired members whose worst status was expired
   */
  public record TrendPoint(LocalDate on, int members, int overdue, int expired) {}

  @Override
  public Table table(Labels labels) {
    List<List<String>> rows = new ArrayList<>();
    for (TrendPoint p : overdueTrend) {
      rows.add(
          List.of(
              p.on().toString(),
              Cells.of(p.members()),
              Cells.of(p.overdue()),
              Cells.of(p.expired())));
    }
    return new Table(labels.columns("date", "members", "overdue", "expired"), rows);
  }
}
