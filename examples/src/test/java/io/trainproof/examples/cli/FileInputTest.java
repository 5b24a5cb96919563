package io.trainproof.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.verify.TrustBundle;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file the CLI reads is read within bounds and its problems are told without quoting it
 * (issue #17, finding 5): exit 2 for unusable input, quickly, for any file an attacker can name.
 */
class FileInputTest {
  static final Duration QUICKLY = Duration.ofSeconds(20);
  static final String PASSWD = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:\n";

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TrainproofCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  /** The command lines that read a file the user names, with the file in place of {@code %s}. */
  List<String[]> readers(Path file) throws IOException {
    Path keys = dir.resolve("keys-for-readers");
    if (!Files.exists(keys)) {
      assertThat(
              run("keys", "generate", "--did", "did:web:c.example.org", "--out", keys.toString())
                  .code())
          .isZero();
    }
    Path credential = Files.writeString(dir.resolve("ok.json"), "{}");
    String f = file.toString();
    return List.of(
        new String[] {"verify", f},
        new String[] {"verify", credential.toString(), "--trust", f},
        new String[] {
          "keys", "rotate", "--history", f, "--fragment", "key-2", "--out", keys.toString()
        },
        new String[] {"keys", "export", "--pem", f, "--key-id", "did:web:c.example.org#key-1"},
        new String[] {"keys", "export", "--pkcs12", f, "--key-id", "did:web:c.example.org#key-1"});
  }

  @Test
  void aTwoGigabyteFileIsRefusedBySizeBeforeItIsRead() throws Exception {
    Path huge = dir.resolve("huge.json");
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(2L * 1024 * 1024 * 1024); // sparse: no disk space, no time
    }
    for (String[] args : readers(huge)) {
      Run r = assertTimeoutPreemptively(QUICKLY, () -> run(args));
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err())
          .as(String.join(" ", args))
          .contains("huge.json is too large: 2147483648 bytes; the limit is 2097152 bytes");
    }
  }

  @Test
  void aFifoIsRefusedAtOnceInsteadOfWaitingForAWriter() throws Exception {
    Path fifo = dir.resolve("pipe.json");
    boolean made;
    try {
      Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
      made = mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0;
    } catch (IOException noMkfifo) {
      made = false;
    }
    assumeTrue(made, "mkfifo is not available");
    for (String[] args : readers(fifo)) {
      Run r = assertTimeoutPreemptively(QUICKLY, () -> run(args));
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err()).contains("pipe.json is not a regular file (it is a FIFO");
    }
    Run folder = run("verify", dir.toString());
    assertThat(folder.code()).isEqualTo(2);
    assertThat(folder.err()).contains("is not a regular file (it is a folder)");
  }

  @Test
  void aSystemFileIsRefusedWithoutQuotingIt() throws IOException {
    Path passwd = Files.writeString(dir.resolve("passwd"), PASSWD);
    for (String[] args : readers(passwd)) {
      Run r = run(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
      String said = (r.out() + r.err()).replace(passwd.toString(), "<file>");
      assertThat(said)
          .as(String.join(" ", args))
          .startsWith("trainproof: <file> is not ")
          .contains("usable")
          .doesNotContain("root", "daemon", "bin/bash", "x:0");
    }
    assertThat(run("verify", passwd.toString()).err())
        .contains("is not usable JSON: a word that is not true, false or null at line 1, column 5");
  }

  @Test
  void aJsonProblemIsToldByKindLineAndColumnOnly() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"a\": 1,\n  \"secretKey\": xyzzy }");
    Run r = run("verify", bad.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("at line 2").doesNotContain("secretKey", "xyzzy");

    Path twice = Files.writeString(dir.resolve("twice.json"), "{\"hidden\": 1, \"hidden\": 2}");
    assertThat(run("verify", twice.toString()).err())
        .contains("an object key appears twice at line 1")
        .doesNotContain("hidden");

    Path trailing = Files.writeString(dir.resolve("trailing.json"), "{} {\"hidden\": 1}");
    assertThat(run("verify", trailing.toString()).err())
        .contains("content after the JSON value")
        .doesNotContain("hidden");

    Path deep = Files.writeString(dir.resolve("deep.json"), "[".repeat(65) + "]".repeat(65));
    assertThat(run("verify", deep.toString()).err()).contains("nested more than 64 levels");
  }

  @Test
  void aWellFormedTrustBundleWithAHiddenProblemIsRefusedWithoutQuotingIt() throws IOException {
    SigningKey key =
        SigningKey.generate(
            KeyAlgorithm.ED25519, "did:web:private-clinic.example#k", new SecureRandom());
    IssuerKeyHistory history =
        IssuerKeyHistory.start(
            "did:web:private-clinic.example", key.keyId(), key.publicKey(), Instant.EPOCH);
    ObjectNode bundle =
        (ObjectNode) StrictJson.parse(TrustBundle.of(List.of(history), List.of()).toJson());
    ((ArrayNode) bundle.get("issuers")).add(history.toJsonNode());
    Path trust = Files.writeString(dir.resolve("trust.json"), StrictJson.write(bundle));
    Path credential = Files.writeString(dir.resolve("c.json"), "{}");

    Run r = run("verify", credential.toString(), "--trust", trust.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("trust.json is not a usable trust bundle (the details are withheld")
        .doesNotContain("private-clinic");

    // A problem whose wording holds no content is passed on.
    Path typeless = Files.writeString(dir.resolve("typeless.json"), "{\"version\": 1}");
    assertThat(run("verify", credential.toString(), "--trust", typeless.toString()).err())
        .contains("typeless.json is not a usable trust bundle: type must be");
  }

  @Test
  void onlyReasonsKnownToHoldNoContentArePassedOn() {
    Path file = Path.of("store.p12");
    assertThat(
            JsonInput.unusable(
                    file,
                    "PKCS#12 keystore",
                    new UnusableInputException(
                        "pkcs12",
                        "cannot read keystore: PKCS12 key store mac invalid - wrong password or"
                            + " corrupted file."))
                .getMessage())
        .isEqualTo(
            "store.p12 is not a usable PKCS#12 keystore: cannot read keystore: PKCS12 key store"
                + " mac invalid - wrong password or corrupted file.");
    assertThat(
            JsonInput.unusable(
                    file,
                    "PKCS#8 private key PEM",
                    new UnusableInputException(
                        "pem", "expected" + " PRIVATE KEY but found ROOT:X:0:0"))
                .getMessage())
        .doesNotContain("ROOT")
        .contains("withheld");
  }

  @Test
  void invalidUtf8IsRefusedWithItsOffset() throws IOException {
    byte[] bytes = "{\"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    Path latin1 = Files.write(dir.resolve("latin1.json"), bytes);
    Run r = run("verify", latin1.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("latin1.json is not UTF-8 text: invalid byte sequence at byte offset 13");
    byte[] overlong = {'"', (byte) 0xC0, (byte) 0xAF, '"'};
    assertThat(run("verify", Files.write(dir.resolve("overlong.json"), overlong).toString()).code())
        .isEqualTo(2);
  }

  @Test
  void theReadStopsAtTheLimitEvenWhenTheFileIsLargerThanItsSizeSays() {
    // Files in /proc report size 0 and hold more: the bounded read, not the size check, stops it.
    Path proc = Path.of("/proc/self/status");
    assumeTrue(Files.isReadable(proc), "no /proc");
    assertThatThrownBy(() -> InputFiles.readBytes(proc, 16))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("is too large: more than 16 bytes");
    assertThat(InputFiles.readBytes(proc, InputFiles.MAX_BYTES)).hasSizeGreaterThan(16);
  }
}
