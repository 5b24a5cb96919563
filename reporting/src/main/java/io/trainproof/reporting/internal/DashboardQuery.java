package io.trainproof.reporting.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.status.ComplianceStatus;
import io.trainproof.reporting.report.Dashboard;
import io.trainproof.reporting.report.Labels;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard: a twelve-month trend of members overdue or expired, with the summary and the
 * renewal forecast of the as-of date. Stateless and thread-safe.
 */
final class DashboardQuery {
  private final QueryContext context;

  DashboardQuery(QueryContext context) {
    this.context = context;
  }

  Dashboard report(Actor actor, LocalDate asOf) {
    Scope s = context.open(actor, asOf, null);
    ComplianceSummaryQuery.Counts summary = new ComplianceSummaryQuery.Counts();
    RenewalForecastQuery.Counts forecast = new RenewalForecastQuery.Counts(asOf);
    List<Dashboard.TrendPoint> trend = new ArrayList<>();
    for (int i = 11; i >= 0; i--) {
      LocalDate on = i == 0 ? asOf : YearMonth.from(asOf).minusMonths(i).atEndOfMonth();
      int[] c = new int[3];
      boolean today = i == 0;
      // why: the last trend point is the as-of date, so one pass also feeds the summary and
      // forecast.
      context.eachStanding(
          actor,
          on,
          standing -> {
            c[0]++;
            if (standing.worst() == ComplianceStatus.OVERDUE) {
              c[1]++;
            } else if (standing.worst() == ComplianceStatus.EXPIRED) {
              c[2]++;
            }
            if (today) {
              summary.accept(standing);
              forecast.accept(standing);
            }
          });
      trend.add(new Dashboard.TrendPoint(on, c[0], c[1], c[2]));
    }
    return new Dashboard(
        s.header(Labels.english().title(Dashboard.class), "164.308(a)(5)(i), 164.530(b)", null),
        summary.report(s),
        trend,
        forecast.report(s));
  }
}
