package io.trainproof.examples.demo;

import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.examples.cli.OutputFiles;
import io.trainproof.examples.cli.OutputFiles.Existing;
import io.trainproof.examples.cli.OutputFiles.Secrecy;
import io.trainproof.reporting.ReportFormat;
import io.trainproof.reporting.Reporting;
import io.trainproof.reporting.evidence.EvidencePack;
import io.trainproof.reporting.evidence.EvidencePackRequest;
import io.trainproof.reporting.evidence.ManifestSignature;
import io.trainproof.reporting.evidence.ManifestSigner;
import io.trainproof.reporting.evidence.Sample;
import io.trainproof.reporting.report.DateRange;
import io.trainproof.reporting.report.Report;
import io.trainproof.reporting.report.ReportService;
import io.trainproof.signing.key.SigningKey;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/** What the demo writes to its out/ folder. */
final class DemoOutputs {
  private DemoOutputs() {}

  static void write(ClinicDemo.World w, Path outDir, PrintWriter out) {
    if (Files.exists(outDir.resolve("trust-bundle.json")) && !w.simulatedNow()) {
      out.println("Outputs already in " + outDir + " (delete the folder to write them again).");
      return;
    }
    ClinicDemo.createDirectories(outDir.resolve("certificates"));
    List<Certificate> certs = new ArrayList<>();
    for (WorkforceMember m : w.tp().workforce().list(w.officer())) {
      certs.addAll(w.tp().certificates().forMember(w.officer(), m.id()));
    }
    certs.sort(Comparator.comparing(Certificate::issuedAt));
    sample(certs, Certificate.Status.VALID, "valid", outDir, true);
    sample(certs, Certificate.Status.SUPERSEDED, "superseded", outDir, false);
    sample(certs, Certificate.Status.REVOKED, "revoked", outDir, false);
    ClinicDemo.write(outDir.resolve("trust-bundle.json"), ClinicDemo.trustBundle(w).toJson());
    ClinicDemo.write(outDir.resolve("issuer-did.json"), w.history().didDocument().toPrettyString());
    Reporting reporting = reporting(w);
    LocalDate today = w.clock().today();
    certs.stream()
        .filter(c -> c.status() == Certificate.Status.VALID)
        .reduce((a, b) -> b)
        .ifPresent(
            c ->
                stream(
                    outDir.resolve("certificates/valid.pdf"),
                    o -> reporting.certificates().pdf(w.officer(), c.verificationCode(), o)));
    ReportService reports = reporting.reports();
    DateRange lastYear = lastYear(today);
    List<Report> all =
        List.of(
            reports.organizationSummary(w.officer(), today),
            reports.overdueAndExpiring(w.officer(), today),
            reports.newHireTimeliness(w.officer(), lastYear, today),
            reports.retraining(w.officer(), today),
            reports.acknowledgementMatrix(w.officer(), today),
            reports.securityReminderLog(w.officer(), lastYear, today),
            reports.waiversAndExtensions(w.officer(), today),
            reports.roleContentMatrix(w.officer(), today),
            reports.renewalForecast(w.officer(), today),
            reports.policyVersionsInForce(w.officer(), today),
            reports.addressableDecisions(w.officer(), today));
    for (Report report : all) {
      String name = report.getClass().getSimpleName();
      for (ReportFormat format : List.of(ReportFormat.CSV, ReportFormat.PDF)) {
        stream(
            outDir.resolve("reports/" + name + "." + format.extension()),
            o -> reporting.render(report, format, o));
      }
    }
    Report dashboard = reports.dashboard(w.officer(), today);
    stream(
        outDir.resolve("dashboard.html"), o -> reporting.render(dashboard, ReportFormat.HTML, o));
    EvidencePack pack =
        reporting
            .evidencePacks()
            .build(
                w.officer(),
                new EvidencePackRequest(lastYear, today, Sample.newHires(5, 2026L)),
                outDir.resolve("evidence-pack.zip"));
    out.println(
        "Wrote "
            + all.size()
            + " reports (CSV and PDF), the dashboard, the evidence pack ("
            + pack.files().size()
            + " files, manifest signed), sample certificates (JSON and PDF) and the trust bundle to "
            + outDir);
    out.println(
        "  check one: java -jar examples/target/trainproof.jar verify "
            + outDir.resolve("certificates/valid.json")
            + " --trust "
            + outDir.resolve("trust-bundle.json"));
    out.println(
        "  check the evidence pack: java -jar examples/target/trainproof.jar verify-pack "
            + outDir.resolve("evidence-pack.zip")
            + " --trust "
            + outDir.resolve("trust-bundle.json"));
  }

  /**
   * The period the demo's period reports cover, and the console states: the year up to today.
   *
   * @param today the demo's today
   * @return the period
   */
  static DateRange lastYear(LocalDate today) {
    return DateRange.of(today.minusYears(1), today);
  }

  /** Reporting with the demo's issuer key signing evidence-pack manifests. */
  static Reporting reporting(ClinicDemo.World w) {
    SigningKey key = w.key();
    String spki =
        w.history()
            .active()
            .orElseThrow()
            .key()
            .toPem()
            .replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    ManifestSigner signer =
        manifest ->
            new ManifestSignature(
                "Ed25519",
                key.keyId(),
                Base64.getEncoder().encodeToString(key.sign(manifest)),
                spki);
    return Reporting.builder(w.tp())
        .clock(w.clock())
        .manifestSigner(signer)
        .verificationUrl("https://lakeside-clinic.example.org/verify")
        .build();
  }

  private interface Writing {
    void to(OutputStream out) throws IOException;
  }

  /** Writes a report atomically (temporary file, then rename); never through a link. */
  private static void stream(Path file, Writing writing) {
    OutputFiles.write(file, Secrecy.PUBLIC, Existing.REPLACE, writing::to);
  }

  /** The newest (or, for a valid one, the newest still valid) certificate in a status. */
  private static void sample(
      List<Certificate> certs,
      Certificate.Status status,
      String name,
      Path outDir,
      boolean newest) {
    certs.stream()
        .filter(c -> c.status() == status)
        .reduce((a, b) -> newest ? b : a)
        .ifPresent(
            c ->
                ClinicDemo.write(
                    outDir.resolve("certificates/" + name + ".json"), c.credentialJson()));
  }
}
