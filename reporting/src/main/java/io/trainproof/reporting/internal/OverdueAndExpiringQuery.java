package io.trainproof.reporting.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.status.ComplianceStatus;
import io.trainproof.core.status.RequirementStatus;
import io.trainproof.reporting.report.Labels;
import io.trainproof.reporting.report.OverdueAndExpiring;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Overdue and expired training, and what falls due or expires within 30, 60 or 90 days. Stateless
 * and thread-safe.
 */
final class OverdueAndExpiringQuery {
  private final QueryContext context;

  OverdueAndExpiringQuery(QueryContext context) {
    this.context = context;
  }

  OverdueAndExpiring report(Actor actor, LocalDate asOf) {
    Scope s = context.open(actor, asOf, null);
    Lookups l = context.lookups(s);
    List<OverdueAndExpiring.Row> rows = new ArrayList<>();
    context.eachStanding(
        actor,
        asOf,
        standing -> {
          WorkforceMember m = standing.member();
          String department = standing.terms().department();
          for (RequirementStatus st : standing.statuses()) {
            OverdueAndExpiring.Bucket bucket;
            LocalDate date;
            if (st.status() == ComplianceStatus.OVERDUE) {
              bucket = OverdueAndExpiring.Bucket.OVERDUE;
              date = st.dueOn() == null ? asOf : st.dueOn();
            } else if (st.status() == ComplianceStatus.EXPIRED) {
              bucket = OverdueAndExpiring.Bucket.EXPIRED;
              date = st.validUntil() == null ? asOf : st.validUntil();
            } else {
              if (st.openAssignment() != null && st.dueOn() != null) {
                date = st.dueOn();
              } else if (st.validUntil() != null) {
                date = st.validUntil();
              } else {
                continue;
              }
              long days = ChronoUnit.DAYS.between(asOf, date);
              if (days <= 30) {
                bucket = OverdueAndExpiring.Bucket.WITHIN_30_DAYS;
              } else if (days <= 60) {
                bucket = OverdueAndExpiring.Bucket.WITHIN_60_DAYS;
              } else if (days <= 90) {
                bucket = OverdueAndExpiring.Bucket.WITHIN_90_DAYS;
              } else {
                continue;
              }
            }
            rows.add(
                new OverdueAndExpiring.Row(
                    m.externalId(),
                    m.displayName(),
                    department,
                    l.courseCode(st.course()),
                    l.requirementName(st.requirement()),
                    st.status(),
                    bucket,
                    date,
                    ChronoUnit.DAYS.between(asOf, date)));
          }
        });
    rows.sort(
        Comparator.comparing(OverdueAndExpiring.Row::bucket)
            .thenComparing(OverdueAndExpiring.Row::date)
            .thenComparing(OverdueAndExpiring.Row::externalId));
    return new OverdueAndExpiring(
        s.header(Labels.english().title(OverdueAndExpiring.class), "164.308(a)(5)(i)", null), rows);
  }
}
