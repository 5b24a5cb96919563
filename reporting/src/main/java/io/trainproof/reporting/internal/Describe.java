package io.trainproof.reporting.internal;

import io.trainproof.reporting.report.MemberTranscript;
import io.trainproof.reporting.report.NewHireTimeliness;
import io.trainproof.reporting.report.Report;
import io.trainproof.reporting.report.ReportHeader;
import io.trainproof.reporting.report.RetrainingReport;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The lines above a report's table in HTML and PDF: its header and report-specific totals. */
final class Describe {
  private Describe() {}

  static List<String> lines(Report report) {
    ReportHeader h = report.header();
    List<String> out = new ArrayList<>();
    out.add("Organization: " + h.organization() + " (dates in " + h.zone() + ")");
    out.add(
        "As of: "
            + h.asOf()
            + (h.period() == null
                ? ""
                : "    Period: " + h.period().from() + " to " + h.period().to()));
    out.add("45 CFR: " + h.citation());
    out.add(
        "Generated "
            + DateTimeFormatter.ISO_INSTANT.format(h.generatedAt())
            + " for "
            + h.generatedBy()
            + "; scoped to the records that actor may see.");
    if (report instanceof NewHireTimeliness n) {
      out.add(
          "New hires in the period: "
              + n.population()
              + "; covered: "
              + n.sampled()
              + "; on time: "
              + n.count(NewHireTimeliness.Outcome.ON_TIME)
              + "; late: "
              + n.count(NewHireTimeliness.Outcome.LATE)
              + "; still open: "
              + (n.count(NewHireTimeliness.Outcome.OPEN)
                  + n.count(NewHireTimeliness.Outcome.OPEN_OVERDUE)));
    } else if (report instanceof MemberTranscript t) {
      out.add(
          "Member: "
              + t.displayName()
              + " ("
              + t.externalId()
              + "), engaged "
              + t.engagedOn()
              + ", "
              + t.type()
              + ", "
              + t.department()
              + ", roles "
              + String.join(", ", new TreeSet<>(t.roles()))
              + ", "
              + t.status());
    } else if (report instanceof RetrainingReport r) {
      for (RetrainingReport.Change c : r.changes()) {
        out.add(
            c.policy()
                + " v"
                + c.version()
                + " effective "
                + c.effectiveFrom()
                + ": "
                + c.members().size()
                + " affected, "
                + c.completedAfterEffectiveDate()
                + " completed after the effective date");
      }
    }
    return out;
  }
}
