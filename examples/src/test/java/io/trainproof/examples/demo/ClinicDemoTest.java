package io.trainproof.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.examples.cli.CliAccess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

  private static String line(String text, String prefix) {
    return text.lines().filter(l -> l.contains(prefix)).findFirst().orElseThrow();
  }
}
