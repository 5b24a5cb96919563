package io.trainproof.reporting.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.status.ComplianceStatus;
import io.trainproof.core.status.MemberStanding;
import io.trainproof.reporting.report.Dimension;
import io.trainproof.reporting.report.Labels;
import io.trainproof.reporting.report.OrganizationSummary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The organization summary: members counted by their worst status per group (all, role, department,
 * workforce type). Stateless and thread-safe; each call counts into its own {@link Counts}.
 *
 * <p>Why per-member status calls and not an aggregate query: core's status service answers per
 * member, requirement or course only. Over very large organizations the summary should come from an
 * aggregate query in the store (see the module's notes); the report model would not change.
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
   * Counts members by their worst status per group, one standing at a time (the dashboard feeds it
   * from its own pass). Not thread-safe: one per report.
   */
  static final class Counts implements Consumer<MemberStanding> {
    private final Map<Dimension, Map<String, Tally>> counts = new EnumMap<>(Dimension.class);

    Counts() {
      for (Dimension d : Dimension.values()) {
        counts.put(d, new TreeMap<>());
      }
    }

    @Override
    public void accept(MemberStanding standing) {
      MemberTerms t = standing.terms();
      ComplianceStatus worst = standing.worst();
      count(groups(Dimension.ALL), "all", worst);
      for (String role : new TreeSet<>(t.roles())) {
        count(groups(Dimension.ROLE), role, worst);
      }
      count(groups(Dimension.DEPARTMENT), t.department(), worst);
      count(groups(Dimension.WORKFORCE_TYPE), t.type().name(), worst);
    }

    OrganizationSummary report(Scope s) {
      if (groups(Dimension.ALL).isEmpty()) {
        groups(Dimension.ALL).put("all", new Tally());
      }
      List<OrganizationSummary.Row> rows = new ArrayList<>();
      counts.forEach(
          (dim, groups) ->
              groups.forEach(
                  (group, c) ->
                      rows.add(
                          new OrganizationSummary.Row(
                              dim,
                              group,
                              c.members,
                              c.at(ComplianceStatus.COMPLIANT),
                              c.at(ComplianceStatus.DUE_FOR_RENEWAL),
                              c.at(ComplianceStatus.DUE_SOON),
                              c.at(ComplianceStatus.PENDING),
                              c.at(ComplianceStatus.OVERDUE),
                              c.at(ComplianceStatus.EXPIRED),
                              c.at(ComplianceStatus.UNASSIGNED),
                              c.at(ComplianceStatus.WAIVED)))));
      return new OrganizationSummary(
          s.header(
              Labels.english().title(OrganizationSummary.class),
              "164.308(a)(5)(i), 164.530(b)(1)",
              null),
          rows);
    }

    private Map<String, Tally> groups(Dimension d) {
      // why: the constructor puts every dimension in the map
      return Objects.requireNonNull(counts.get(d));
    }

    private static void count(Map<String, Tally> groups, String group, ComplianceStatus status) {
      groups.computeIfAbsent(group, g -> new Tally()).add(status);
    }
  }

  /** One group's count: its members, and how many of them have each status as their worst. */
  private static final class Tally {
    private int members;
    private final Map<ComplianceStatus, Integer> byStatus = new EnumMap<>(ComplianceStatus.class);

    void add(ComplianceStatus status) {
      members++;
      byStatus.merge(status, 1, Integer::sum);
    }

    int at(ComplianceStatus status) {
      return byStatus.getOrDefault(status, 0);
    }
  }
}
