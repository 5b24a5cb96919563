package io.trainproof.reporting.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.DueDateChange;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.reporting.report.Labels;
import io.trainproof.reporting.report.WaiversAndExtensions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Waivers and due-date extensions granted by the as-of date, in date order. Stateless and
 * thread-safe.
 */
final class WaiversAndExtensionsQuery {
  private final QueryContext context;

  WaiversAndExtensionsQuery(QueryContext context) {
    this.context = context;
  }

  WaiversAndExtensions report(Actor actor, LocalDate asOf) {
    Scope s = context.open(actor, asOf, null);
    Lookups l = context.lookups(s);
    List<WaiversAndExtensions.Row> rows = new ArrayList<>();
    l.eachAssignment(
        a -> {
          WorkforceMember m = l.members().get(a.member());
          String ext = m == null ? a.member().toString() : m.externalId();
          String name = m == null ? "" : m.displayName();
          LocalDate previous = a.dueOn();
          for (DueDateChange c : a.dueChanges()) {
            if (!c.grantedOn().isAfter(asOf)) {
              rows.add(
                  new WaiversAndExtensions.Row(
                      WaiversAndExtensions.Kind.EXTENSION,
                      c.grantedOn(),
                      ext,
                      name,
                      l.courseCode(a.course()),
                      a.id().toString(),
                      previous,
                      c.newDueOn(),
                      c.approvedBy(),
                      c.reason()));
            }
            previous = c.newDueOn();
          }
          if (a.closure() != null
              && a.closure().state() == AssignmentState.WAIVED
              && !a.closure().on().isAfter(asOf)) {
            rows.add(
                new WaiversAndExtensions.Row(
                    WaiversAndExtensions.Kind.WAIVER,
                    a.closure().on(),
                    ext,
                    name,
                    l.courseCode(a.course()),
                    a.id().toString(),
                    a.dueOn(a.closure().on()),
                    null,
                    a.closure().by(),
                    a.closure().reason()));
          }
        });
    rows.sort(
        Comparator.comparing(WaiversAndExtensions.Row::on)
            .thenComparing(WaiversAndExtensions.Row::externalId));
    return new WaiversAndExtensions(
        s.header(Labels.english().title(WaiversAndExtensions.class), "164.530(j)(1)", null), rows);
  }
}
