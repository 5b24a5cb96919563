package io.trainproof.examples.demo;

import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.WorkforceMember;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    out.println("Wrote sample certificates and the trust bundle to " + outDir);
    out.println("  check one: java -jar examples/target/trainproof.jar verify " + outDir.resolve("certificates/valid.json")
        + " --trust " + outDir.resolve("trust-bundle.json"));
  }

  /** The newest (or, for a valid one, the newest still valid) certificate in a status. */
  private static void sample(List<Certificate> certs, Certificate.Status status, String name, Path outDir, boolean newest) {
    certs.stream().filter(c -> c.status() == status)
        .reduce((a, b) -> newest ? b : a)
        .ifPresent(c -> ClinicDemo.write(outDir.resolve("certificates/" + name + ".json"), c.credentialJson()));
  }
}
