package io.trainproof.reporting.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.status.MemberStanding;
import io.trainproof.core.status.RequirementStatus;
import io.trainproof.reporting.report.Labels;
import io.trainproof.reporting.report.RenewalForecast;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The renewal forecast: assignments coming due and completions expiring in each of the twelve
 * months from the as-of date. Stateless and thread-safe; each call counts into its own {@link
 * Counts}.
 */
final class RenewalForecastQuery {
  private final QueryContext context;

  RenewalForecastQuery(QueryContext context) {
    this.context = context;
  }

  RenewalForecast report(Actor actor, LocalDate asOf) {
    Scope s = context.open(actor, asOf, null);
    Counts counts = new Counts(s.asOf());
    context.eachStanding(s.actor(), s.asOf(), counts);
    return counts.report(s);
  }

  /**
   * Counts what comes due in each of the twelve months from the as-of date, one standing at a time
   * (the dashboard feeds it from its own pass). Not thread-safe: one per report.
   */
  static final class Counts implements Consumer<MemberStanding> {
    private final LocalDate asOf;
    private final YearMonth last;
    private final Map<YearMonth, int[]> months = new LinkedHashMap<>();

    Counts(LocalDate asOf) {
      this.asOf = asOf;
      YearMonth first = YearMonth.from(asOf);
      this.last = first.plusMonths(11);
      for (int i = 0; i < 12; i++) {
        months.put(first.plusMonths(i), new int[2]);
      }
    }

    @Override
    public void accept(MemberStanding standing) {
      for (RequirementStatus st : standing.statuses()) {
        if (st.openAssignment() != null && st.dueOn() != null) {
          if (!st.dueOn().isBefore(asOf) && !YearMonth.from(st.dueOn()).isAfter(last)) {
            // why: the month is asOf's through last, and the constructor puts every one of them
            Objects.requireNonNull(months.get(YearMonth.from(st.dueOn())))[0]++;
          }
        } else if (st.validUntil() != null
            && !st.validUntil().isBefore(asOf)
            && !YearMonth.from(st.validUntil()).isAfter(last)) {
          // why: the month is asOf's through last, and the constructor puts every one of them
          Objects.requireNonNull(months.get(YearMonth.from(st.validUntil())))[1]++;
        }
      }
    }

    RenewalForecast report(Scope s) {
      List<RenewalForecast.Month> out = new ArrayList<>();
      months.forEach((ym, c) -> out.add(new RenewalForecast.Month(ym, c[0], c[1])));
      return new RenewalForecast(
          s.header(Labels.english().title(RenewalForecast.class), "164.308(a)(5)(i)", null), out);
    }
  }
}
