package io.trainproof.reporting.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.SecurityReminder;
import io.trainproof.reporting.report.DateRange;
import io.trainproof.reporting.report.Labels;
import io.trainproof.reporting.report.SecurityReminderLog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The security reminder log: the reminders sent in a period and how many recipients had
 * acknowledged each by the as-of date. Stateless and thread-safe.
 */
final class SecurityReminderLogQuery {
  private final QueryContext context;

  SecurityReminderLogQuery(QueryContext context) {
    this.context = context;
  }

  SecurityReminderLog report(Actor actor, DateRange period, LocalDate asOf) {
    Scope s = context.open(actor, asOf, period);
    List<SecurityReminderLog.Row> rows = new ArrayList<>();
    for (SecurityReminder r :
        context.trainproof().securityReminders().log(actor, period.from(), period.to())) {
      int acknowledged =
          (int)
              r.recipients().stream()
                  .filter(x -> x.acknowledgedAt() != null && s.knownBy(x.acknowledgedAt()))
                  .count();
      rows.add(
          new SecurityReminderLog.Row(
              r.id().toString(),
              r.sentOn(),
              r.sentAt(),
              r.sentBy(),
              r.title(),
              r.channel(),
              r.contentSha256(),
              r.acknowledgementRequired(),
              r.recipients().size(),
              acknowledged));
    }
    return new SecurityReminderLog(
        s.header(Labels.english().title(SecurityReminderLog.class), "164.308(a)(5)(ii)(A)", period),
        rows);
  }
}
