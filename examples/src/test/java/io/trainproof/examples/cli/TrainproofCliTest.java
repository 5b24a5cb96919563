package io.trainproof.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.domain.Certificate;
import io.trainproof.examples.SignedClinic;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.verify.TrustBundle;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The CLI as a user meets it: exit codes, one-line errors, keys, verification. */
@Tag("slow")
class TrainproofCliTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TrainproofCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void helpListsTheSubcommandsAndEachHasItsOwnHelp() {
    assertThat(run("--help").out()).contains("verify", "keys", "quickstart");
    for (String sub : List.of("verify", "keys", "quickstart")) {
      Run r = run(sub, "--help");
      assertThat(r.code()).isZero();
      assertThat(r.out()).contains("Usage: trainproof " + sub);
    }
    assertThat(run("keys", "rotate", "--help").out()).contains("--history");
  }

  @Test
  void badInputIsAOneLineErrorWithExitCodeTwoAndNoStackTrace() {
    Run unknown = run("frobnicate");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unmatched argument").doesNotContain("\tat ");
    Run missing = run("verify", dir.resolve("nope.json").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err().strip()).startsWith("trainproof: no such file").doesNotContain("\n");
    Run debug = run("--debug", "verify", dir.resolve("nope.json").toString());
    assertThat(debug.err()).contains("\tat ");
  }

  @Test
  void malformedJsonIsUnusableInput() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"a\": ");
    Run r = run("verify", bad.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("not usable JSON");
  }

  @Test
  void keysAreGeneratedExportedAndRotatedAndAKeyIdIsNeverReused() throws IOException {
    Path keys = dir.resolve("keys");
    assertThat(
            run("keys", "generate", "--did", "did:web:clinic.example.org", "--out", keys.toString())
                .code())
        .isZero();
    assertThat(Files.readString(keys.resolve("key-1.private.pem"))).contains("BEGIN PRIVATE KEY");
    Run jwk =
        run(
            "keys",
            "export",
            "--pem",
            keys.resolve("key-1.private.pem").toString(),
            "--key-id",
            "did:web:clinic.example.org#key-1",
            "--format",
            "jwk");
    assertThat(jwk.out()).contains("\"crv\":\"Ed25519\"").doesNotContain("\"d\"");
    String history = keys.resolve("issuer-key-history.json").toString();
    assertThat(
            run(
                    "keys",
                    "rotate",
                    "--history",
                    history,
                    "--fragment",
                    "key-2",
                    "--out",
                    keys.toString())
                .code())
        .isZero();
    IssuerKeyHistory rotated = IssuerKeyHistory.fromJson(Files.readString(Path.of(history)));
    assertThat(rotated.keys()).hasSize(2);
    assertThat(rotated.active().orElseThrow().id()).endsWith("#key-2");
    Run again =
        run(
            "keys",
            "rotate",
            "--history",
            history,
            "--fragment",
            "key-2",
            "--out",
            keys.toString());
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("already used");
    assertThat(
            run("keys", "generate", "--did", "https://not-a-did", "--out", keys.toString()).code())
        .isEqualTo(2);
  }

  @Test
  void aCertificateVerifiesWithItsTrustBundleAndATamperedCopyDoesNot() throws IOException {
    SignedClinic clinic = new SignedClinic();
    Certificate cert = clinic.certificate();
    TrustBundle bundle = clinic.trustBundle();
    Path credential = Files.writeString(dir.resolve("cert.json"), cert.credentialJson());
    Path trust = Files.writeString(dir.resolve("trust.json"), bundle.toJson());

    Run valid = run("verify", credential.toString(), "--trust", trust.toString());
    assertThat(valid.code()).as(valid.out()).isZero();
    assertThat(valid.out()).contains("PASS proof", "PASS issuer trusted", "VALID");

    Path tampered =
        Files.writeString(
            dir.resolve("tampered.json"),
            cert.credentialJson().replace("HIPAA course", "HIPAA COURSE"));
    Run invalid = run("verify", tampered.toString(), "--trust", trust.toString());
    assertThat(invalid.code()).isEqualTo(1);
    assertThat(invalid.out())
        .contains("FAIL proof", "changed after it was signed")
        .doesNotContain("TAMPERED_CONTENT");
  }

  /**
   * No help text is cut mid-sentence: picocli prints each description line as it is and lists a
   * command by its first line, so every line of every command's and option's description ends a
   * sentence (or a list introduced by a colon).
   */
  @Test
  void everyHelpLineEndsASentence() {
    List<String> cut = new ArrayList<>();
    check(new CommandLine(new TrainproofCli()), cut);
    assertThat(cut).isEmpty();
  }

  private static void check(CommandLine command, List<String> cut) {
    String name = command.getCommandSpec().qualifiedName();
    for (String line : command.getCommandSpec().usageMessage().description()) {
      if (!endsASentence(line)) {
        cut.add(name + ": " + line);
      }
    }
    for (OptionSpec option : command.getCommandSpec().options()) {
      for (String line : option.description()) {
        if (!endsASentence(line)) {
          cut.add(name + " " + option.longestName() + ": " + line);
        }
      }
    }
    command.getSubcommands().values().forEach(sub -> check(sub, cut));
  }

  private static boolean endsASentence(String line) {
    // picocli's own help command ends its lines with a format line break
    String l = line.strip().replaceAll("(%n)+$", "");
    return l.isEmpty() || ".:!?)'\"".indexOf(l.charAt(l.length() - 1)) >= 0;
  }
}
