package io.trainproof.examples.demo;

import io.trainproof.core.audit.ChainVerification;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.status.ComplianceStatus;
import io.trainproof.reporting.report.DateRange;
import io.trainproof.reporting.report.Dimension;
import io.trainproof.reporting.report.OrganizationSummary;
import io.trainproof.reporting.report.ReportService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trainproof demo}: the 18-month clinic on an embedded database. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate 18 months of a 40-person clinic and print a compliance summary.",
      "The clinic lives on an embedded H2 database in ./trainproof-demo/; reports, the evidence"
          + " pack, sample certificates and a trust bundle are written to ./trainproof-demo/out/."
          + " Running it again reuses the database and changes nothing twice; two fresh runs on"
          + " the same day give the same figures."
    })
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      defaultValue = "trainproof-demo",
      description = "Where the demo lives (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ClinicDemo demo = new ClinicDemo(dir, out);
    ClinicDemo.World w = demo.open();
    try {
      DemoOutputs.write(w, dir.resolve("out"), out);
      summary(w, out);
    } finally {
      w.close();
    }
    return 0;
  }

  static void summary(ClinicDemo.World w, PrintWriter out) {
    // Every figure here comes from the same reports the CSV, PDF and dashboard files are written
    // from, on the same dates, so the console and the files cannot disagree.
    LocalDate today = w.clock().today();
    ReportService reports = DemoOutputs.reporting(w).reports();
    OrganizationSummary summary = reports.organizationSummary(w.officer(), today);
    OrganizationSummary.Row all = summary.by(Dimension.ALL).get(0);
    out.println();
    out.println("Compliance summary for " + w.org().name() + " on " + today);
    out.printf(
        "  %d active workforce members; %d in compliance (%d%%): %s%n",
        all.members(), all.inCompliance(), all.inCompliancePercent(), breakdown(all));
    out.println("  By department (members, by their worst status):");
    for (OrganizationSummary.Row r : summary.by(Dimension.DEPARTMENT)) {
      out.printf(
          "    %-10s %d of %d in compliance: %s%n",
          r.group(), r.inCompliance(), r.members(), breakdown(r));
    }
    List<Certificate> certs = new ArrayList<>();
    for (WorkforceMember m : w.tp().workforce().list(w.officer())) {
      certs.addAll(w.tp().certificates().forMember(w.officer(), m.id()));
    }
    out.printf(
        "  Certificates: %d issued, %d valid, %d superseded by renewals, %d revoked%n",
        certs.size(),
        certs.stream().filter(c -> c.status() == Certificate.Status.VALID).count(),
        certs.stream().filter(c -> c.status() == Certificate.Status.SUPERSEDED).count(),
        certs.stream().filter(c -> c.status() == Certificate.Status.REVOKED).count());
    ChainVerification chain = w.tp().audit().verify(w.officer());
    out.printf(
        "  Audit trail: %d entries, chain %s, head %s…%n",
        chain.entriesChecked(),
        chain.intact() ? "intact" : "BROKEN " + chain.problems(),
        chain.headHash().substring(0, 16));
    DateRange lastYear = DemoOutputs.lastYear(today);
    out.printf(
        "  Security reminders sent from %s to %s: %d%n",
        lastYear.from(),
        lastYear.to(),
        reports.securityReminderLog(w.officer(), lastYear, today).rows().size());
    out.println(
        "  Not legal advice: cadences and deadlines here are the demo clinic's own choices.");
    out.flush();
  }

  /**
   * The members of a row by their worst status, in words: "30 compliant, 2 due soon, 1 overdue".
   */
  static String breakdown(OrganizationSummary.Row r) {
    Map<ComplianceStatus, Integer> counts = new EnumMap<>(ComplianceStatus.class);
    counts.put(ComplianceStatus.COMPLIANT, r.compliant());
    counts.put(ComplianceStatus.DUE_FOR_RENEWAL, r.dueForRenewal());
    counts.put(ComplianceStatus.DUE_SOON, r.dueSoon());
    counts.put(ComplianceStatus.PENDING, r.pending());
    counts.put(ComplianceStatus.WAIVED, r.waived());
    counts.put(ComplianceStatus.OVERDUE, r.overdue());
    counts.put(ComplianceStatus.EXPIRED, r.expired());
    counts.put(ComplianceStatus.UNASSIGNED, r.unassigned());
    return ClinicDemo.inWords(counts);
  }
}
