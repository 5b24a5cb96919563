package io.trainproof.reporting.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.status.ComplianceStatus;
import io.trainproof.core.status.MemberStanding;
import io.trainproof.reporting.report.Dimension;
import io.trainproof.reporting.report.OrganizationSummary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The organization summary: members counted by their worst status per group (all, role,
 * department, workforce type). Stateless and thread-safe; each call counts into its own
 * {@link Counts}.
 *
 * <p>Why per-member status calls and not an aggregate query: core's status service answers per
 * member, requirement or course only. Over very large organizations the summary should come
 * from an aggregate query in the store (see the module's notes); the report model would not
 * change.
 */
final class ComplianceSummaryQuery {
  private final QueryContext context;

  ComplianceSummaryQuery(QueryContext context) {
    this.context = context;
  }

  OrganizationSummary report(Actor actor, LocalDate asOf) {
    return in(context.open(actor, asOf, null));
  }

  /**
   * The summary inside a run (the evidence pack's).
   *
   * @param s the run
   * @return the summary
   */
  OrganizationSummary in(Scope s) {
    Counts counts = new Counts();
    context.eachStanding(s.actor(), s.asOf(), counts);
    return counts.report(s);
  }

  /**
   * Counts members by their worst status per group, one standing at a time (the dashboard feeds
   * it from its own pass). Not thread-safe: one per report.
   */
  static final class Counts implements Consumer<MemberStanding> {
    private final Map<Dimension, Map<String, int[]>> counts = new EnumMap<>(Dimension.class);

    Counts() {
      for (Dimension d : Dimension.values()) {
        counts.put(d, new TreeMap<>());
      }
    }

    @Override
    public void accept(MemberStanding standing) {
      MemberTerms t = standing.terms();
      ComplianceStatus worst = standing.worst();
      count(counts.get(Dimension.ALL), "all", worst);
      for (String role : new TreeSet<>(t.roles())) {
        count(counts.get(Dimension.ROLE), role, worst);
      }
      count(counts.get(Dimension.DEPARTMENT), t.department(), worst);
      count(counts.get(Dimension.WORKFORCE_TYPE), t.type().name(), worst);
    }

    OrganizationSummary report(Scope s) {
      if (counts.get(Dimension.ALL).isEmpty()) {
        counts.get(Dimension.ALL).put("all", new int[ComplianceStatus.values().length + 1]);
      }
      List<OrganizationSummary.Row> rows = new ArrayList<>();
      counts.forEach((dim, groups) -> groups.forEach((group, c) -> rows.add(new OrganizationSummary.Row(dim, group,
          c[0], at(c, ComplianceStatus.COMPLIANT), at(c, ComplianceStatus.DUE_SOON), at(c, ComplianceStatus.PENDING),
          at(c, ComplianceStatus.OVERDUE), at(c, ComplianceStatus.EXPIRED), at(c, ComplianceStatus.UNASSIGNED),
          at(c, ComplianceStatus.WAIVED)))));
      return new OrganizationSummary(
          s.header("Organization summary", "164.308(a)(5)(i), 164.530(b)(1)", null), rows);
    }

    private static void count(Map<String, int[]> groups, String group, ComplianceStatus status) {
      int[] c = groups.computeIfAbsent(group, g -> new int[ComplianceStatus.values().length + 1]);
      c[0]++;
      c[status.ordinal() + 1]++;
    }

    private static int at(int[] c, ComplianceStatus status) {
      return c[status.ordinal() + 1];
    }
  }
}
