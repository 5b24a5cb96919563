package io.trainproof.reporting.internal;

import io.trainproof.reporting.report.Labels;
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

  private static final DateTimeFormatter LOCAL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  static List<String> lines(Report report) {
    return lines(report, Labels.english());
  }

  static List<String> lines(Report report, Labels labels) {
    ReportHeader h = report.header();
    List<String> out = new ArrayList<>();
    out.add(labels.phrase("organization", h.organization(), h.zone()));
    out.add(
        labels.phrase("as_of", h.asOf())
            + (h.period() == null
                ? ""
                : "    " + labels.phrase("period", h.period().from(), h.period().to())));
    out.add(labels.phrase("citation", h.citation()));
    // The instant as the organization's local time, to the minute: one date rule for people.
    out.add(
        labels.phrase(
            "generated",
            LOCAL_TIME.format(h.generatedAt().atZone(h.zone())),
            h.zone(),
            h.generatedBy()));
    if (report instanceof NewHireTimeliness n) {
      // People and assignments are counted apart: a new hire can owe several courses.
      out.add(
          labels.phrase(
              "new_hires",
              n.population(),
              n.sampled(),
              n.rows().size(),
              n.count(NewHireTimeliness.Outcome.ON_TIME),
              n.count(NewHireTimeliness.Outcome.LATE),
              n.count(NewHireTimeliness.Outcome.OPEN)
                  + n.count(NewHireTimeliness.Outcome.OPEN_OVERDUE)));
    } else if (report instanceof MemberTranscript t) {
      out.add(
          labels.phrase("member", t.displayName(), t.externalId(), t.engagedOn())
              + ", "
              + labels.of(t.type())
              + ", "
              + t.department()
              + ", "
              + labels.phrase("roles", String.join(", ", new TreeSet<>(t.roles())))
              + ", "
              + labels.code("MemberStatus", t.status()));
    } else if (report instanceof RetrainingReport r) {
      for (RetrainingReport.Change c : r.changes()) {
        out.add(
            labels.phrase(
                "retraining",
                c.policy() + " v" + c.version(),
                c.effectiveFrom(),
                c.members().size(),
                c.completedAfterEffectiveDate()));
      }
    }
    return out;
  }
}
