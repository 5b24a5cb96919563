package io.trainproof.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.examples.cli.CliAccess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The demo end to end, as the README runs it: outputs, verification of its certificates, and a
 * second run.
 */
@Tag("slow")
class ClinicDemoTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    // The same entry point as java -jar trainproof.jar, without exiting the JVM.
    int code = CliAccess.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void theDemoRunsEndToEndAndASecondRunChangesNothing() throws Exception {
    Path demo = dir.resolve("trainproof-demo");
    Run first = cli("demo", "--dir", demo.toString());
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("month 18", "Compliance summary", "chain intact", "Not legal advice");
    Path out = demo.resolve("out");
    for (String file :
        new String[] {
          "trust-bundle.json",
          "issuer-did.json",
          "dashboard.html",
          "evidence-pack.zip",
          "certificates/valid.json",
          "certificates/valid.pdf",
          "certificates/revoked.json",
          "certificates/superseded.json",
          "reports/OrganizationSummary.csv",
          "reports/OrganizationSummary.pdf",
          "reports/NewHireTimeliness.pdf"
        }) {
      assertThat(out.resolve(file)).as(file).isRegularFile();
    }
    theFiguresAgreeAcrossConsoleCsvAndDashboard(first.out(), out);
    try (ZipFile pack = new ZipFile(out.resolve("evidence-pack.zip").toFile())) {
      assertThat(pack.getEntry("manifest.json")).isNotNull();
      assertThat(pack.getEntry("manifest.sig.json")).isNotNull();
    }

    String trust = out.resolve("trust-bundle.json").toString();
    Run valid = cli("verify", out.resolve("certificates/valid.json").toString(), "--trust", trust);
    assertThat(valid.code()).as(valid.out()).isZero();
    Run revoked =
        cli("verify", out.resolve("certificates/revoked.json").toString(), "--trust", trust);
    assertThat(revoked.code()).isEqualTo(1);
    assertThat(revoked.out())
        .contains("INVALID: ", "revoked by the issuer")
        .doesNotContain("REVOKED");
    Path tampered =
        Files.writeString(
            dir.resolve("tampered.json"),
            Files.readString(out.resolve("certificates/valid.json"))
                .replaceFirst("\"name\":\"", "\"name\":\"Not "));
    Run bad = cli("verify", tampered.toString(), "--trust", trust);
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.out())
        .contains("changed after it was signed")
        .doesNotContain("TAMPERED_CONTENT");

    // The throwaway issuer key is still a private key: the owner's alone (issue #17, finding 3).
    Path key = demo.resolve("keys/key-1.private.pem");
    boolean posix = key.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (posix) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
          .isEqualTo("rw-------");
      // A key an older version left readable by others is made private on the next run.
      Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    }

    String chain = line(first.out(), "Audit trail:");
    Run second = cli("demo", "--dir", demo.toString());
    assertThat(second.code()).isZero();
    assertThat(second.out()).contains("Reusing the demo database");
    if (posix) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
          .isEqualTo("rw-------");
      assertThat(second.out()).contains("readable by its owner only (it was rw-r--r--)");
    }
    assertThat(line(second.out(), "Audit trail:")).isEqualTo(chain);

    try (ServerSocket taken = new ServerSocket(0)) {
      Run serve =
          cli("serve", "--dir", demo.toString(), "--port", String.valueOf(taken.getLocalPort()));
      assertThat(serve.code()).isEqualTo(2);
      assertThat(serve.err().strip()).contains("is in use").doesNotContain("\tat ");
    }
    assertThat(CommandLine.ExitCode.OK).isZero();
  }

  /**
   * One definition of each headline figure: the console's "in compliance" count and percentage, the
   * organization summary CSV's whole-workforce row and the dashboard's headline say the same; the
   * console's security reminder count is the CSV log's row count for the period it states.
   */
  private static void theFiguresAgreeAcrossConsoleCsvAndDashboard(String console, Path out)
      throws Exception {
    Matcher headline =
        Pattern.compile("(\\d+) active workforce members; (\\d+) in compliance \\((\\d+)%\\)")
            .matcher(console);
    assertThat(headline.find()).as(console).isTrue();
    String members = headline.group(1);
    String inCompliance = headline.group(2);
    String percent = headline.group(3);
    assertThat(Integer.parseInt(members)).isGreaterThan(Integer.parseInt(inCompliance));

    List<String> csv =
        Files.readAllLines(out.resolve("reports/OrganizationSummary.csv")).stream()
            .map(l -> l.replace("\uFEFF", ""))
            .toList();
    List<String> header = List.of(csv.get(0).split(",", -1));
    String[] all =
        csv.stream().filter(l -> l.startsWith("all,all,")).findFirst().orElseThrow().split(",", -1);
    assertThat(all[header.indexOf("members")]).isEqualTo(members);
    assertThat(all[header.indexOf("in compliance")]).isEqualTo(inCompliance);
    assertThat(all[header.indexOf("in compliance %")]).isEqualTo(percent);

    String dashboard = Files.readString(out.resolve("dashboard.html"));
    assertThat(dashboard)
        .contains(
            "data-members=\"" + members + "\" data-in-compliance=\"" + inCompliance + "\"",
            inCompliance + " of " + members + " active members in compliance (" + percent + "%)");

    Matcher reminders =
        Pattern.compile("Security reminders sent from (\\S+) to (\\S+): (\\d+)").matcher(console);
    assertThat(reminders.find()).as(console).isTrue();
    long logged =
        Files.readAllLines(out.resolve("reports/SecurityReminderLog.csv")).stream()
            .skip(1)
            .filter(l -> !l.isBlank())
            .count();
    assertThat(reminders.group(3)).isEqualTo(String.valueOf(logged));
    assertThat(console).doesNotContain("COMPLIANT", "DUE_SOON", "{");
  }

  private static String line(String text, String prefix) {
    return text.lines().filter(l -> l.contains(prefix)).findFirst().orElseThrow();
  }
}
