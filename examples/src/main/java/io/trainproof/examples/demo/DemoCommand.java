package io.trainproof.examples.demo;

import io.trainproof.core.audit.ChainVerification;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.status.ComplianceStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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
      "Simulate 18 months of a 40-person clinic on an embedded H2 database in ./trainproof-demo/,",
      "print a compliance summary, and write reports, the evidence pack, sample certificates and a trust",
      "bundle to ./trainproof-demo/out/. Running it again reuses the database and changes nothing twice."
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
    List<WorkforceMember> active = ClinicDemo.active(w.tp(), w.officer());
    Map<ComplianceStatus, Integer> overall = ClinicDemo.overall(w.tp(), w.officer());
    int compliant =
        overall.getOrDefault(ComplianceStatus.COMPLIANT, 0)
            + overall.getOrDefault(ComplianceStatus.WAIVED, 0)
            + overall.getOrDefault(ComplianceStatus.DUE_SOON, 0)
            + overall.getOrDefault(ComplianceStatus.PENDING, 0);
    out.println();
    out.println("Compliance summary for " + w.org().name() + " on " + w.clock().today());
    out.printf(
        "  %d active workforce members; %d in good standing (%d%%); overall status: %s%n",
        active.size(), compliant, active.isEmpty() ? 0 : 100 * compliant / active.size(), overall);
    out.println("  By department (requirement statuses):");
    ClinicDemo.byDepartment(w.tp(), w.officer())
        .forEach((dept, counts) -> out.printf("    %-10s %s%n", dept, counts));
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
    out.printf(
        "  Security reminders sent: %d%n",
        w.tp()
            .securityReminders()
            .log(w.officer(), w.clock().today().minusYears(5), w.clock().today())
            .size());
    out.println(
        "  Not legal advice: cadences and deadlines here are the demo clinic's own choices.");
    out.flush();
  }
}
