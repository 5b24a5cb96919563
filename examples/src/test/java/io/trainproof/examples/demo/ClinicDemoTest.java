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
import java.util.stream.Stream;
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
    Run pack = cli("verify-pack", out.resolve("evidence-pack.zip").toString(), "--trust", trust);
    assertThat(pack.code()).as(pack.out() + pack.err()).isZero();
    assertThat(pack.out())
        .contains(
            "PASS every file matches the manifest", "PASS the manifest is signed", "VERIFIED");
    Run untrusted = cli("verify-pack", out.resolve("evidence-pack.zip").toString());
    assertThat(untrusted.code()).isEqualTo(1);
    assertThat(untrusted.out()).contains("use --trust");
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
   * Two fresh runs on the same day make the same choices (every simulated decision depends on what
   * it is about, not on the order of random ids), so they print the same figures and write the same
   * reports. Ids, keys and signatures differ by design; the one report column holding an id (the
   * waived or extended assignment's) is left out.
   */
  @Test
  void twoFreshRunsOnTheSameDayGiveTheSameFiguresAndReports() throws Exception {
    Path one = dir.resolve("one");
    Path two = dir.resolve("two");
    Run first = cli("demo", "--dir", one.toString());
    Run second = cli("demo", "--dir", two.toString());
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(figures(second.out(), two)).isEqualTo(figures(first.out(), one));
    Path reports = Path.of("out", "reports");
    try (Stream<Path> files = Files.list(one.resolve(reports))) {
      for (Path csv : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
        List<String> a = withoutIds(Files.readAllLines(csv), csv);
        List<String> b =
            withoutIds(Files.readAllLines(two.resolve(reports).resolve(csv.getFileName())), csv);
        assertThat(b).as("%s", csv.getFileName()).isEqualTo(a);
      }
    }
  }

  private static List<String> figures(String console, Path dir) {
    return console
        .replace(dir.toString(), "<dir>")
        .lines()
        .filter(l -> !l.contains("Audit trail:"))
        .toList();
  }

  private static List<String> withoutIds(List<String> lines, Path csv) {
    if (!csv.getFileName().toString().equals("WaiversAndExtensions.csv")) {
      return lines;
    }
    return lines.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
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
