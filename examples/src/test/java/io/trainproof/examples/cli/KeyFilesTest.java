package io.trainproof.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.trainproof.signing.key.IssuerKeyHistory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keys generate} and {@code keys rotate} as an attacker on the same machine meets them: the
 * private key is never readable by others, never replaced by accident, never written outside the
 * output folder or through a link (issue #17, finding 3).
 */
class KeyFilesTest {
  static final String DID = "did:web:clinic.example.org";

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TrainproofCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  static Run generate(Path out, String... more) {
    List<String> args =
        new ArrayList<>(List.of("keys", "generate", "--did", DID, "--out", out.toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static void assumePosix(Path path) {
    assumeTrue(path.getFileSystem().supportedFileAttributeViews().contains("posix"));
  }

  @Test
  void generateWritesAnOwnerOnlyKeyAndLeavesNoTemporaryFile() throws IOException {
    assumePosix(dir);
    Path keys = dir.resolve("keys");
    Run r = generate(keys);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(names(keys)).containsExactly("issuer-key-history.json", "key-1.private.pem");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(keys.resolve("key-1.private.pem"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)))
        .isEqualTo("rwx------");
    assertThat(r.out()).doesNotContain("BEGIN PRIVATE KEY");
  }

  @Test
  void generatingTwiceIntoOneFolderIsRefusedAndLeavesTheKeyAndItsHistoryUntouched()
      throws IOException {
    Path keys = dir.resolve("keys");
    assertThat(generate(keys).code()).isZero();
    byte[] key = Files.readAllBytes(keys.resolve("key-1.private.pem"));
    byte[] history = Files.readAllBytes(keys.resolve("issuer-key-history.json"));

    Run again = generate(keys);
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err().strip())
        .startsWith("trainproof: ")
        .contains("key-1.private.pem already exists", "--force")
        .doesNotContain("\n");
    assertThat(Files.readAllBytes(keys.resolve("key-1.private.pem"))).isEqualTo(key);
    assertThat(Files.readAllBytes(keys.resolve("issuer-key-history.json"))).isEqualTo(history);

    // Only the history left (the key moved away): still refused, still untouched.
    Files.move(keys.resolve("key-1.private.pem"), dir.resolve("moved.pem"));
    assertThat(generate(keys).code()).isEqualTo(2);
    assertThat(Files.readAllBytes(keys.resolve("issuer-key-history.json"))).isEqualTo(history);
    assertThat(names(keys)).containsExactly("issuer-key-history.json");
  }

  @Test
  void forceNeverRebindsAKeyIdOfTheSameIssuerButReplacesWhatNoHistoryOfItBinds()
      throws IOException {
    Path keys = dir.resolve("keys");
    assertThat(generate(keys).code()).isZero();
    byte[] key = Files.readAllBytes(keys.resolve("key-1.private.pem"));
    byte[] history = Files.readAllBytes(keys.resolve("issuer-key-history.json"));

    Run rebind = generate(keys, "--force");
    assertThat(rebind.code()).isEqualTo(2);
    assertThat(rebind.err()).contains("already lists keys of " + DID, "keys rotate");
    assertThat(Files.readAllBytes(keys.resolve("key-1.private.pem"))).isEqualTo(key);
    assertThat(Files.readAllBytes(keys.resolve("issuer-key-history.json"))).isEqualTo(history);

    // A different fragment would drop #key-1 from the history: refused as well.
    assertThat(generate(keys, "--force", "--fragment", "key-9").code()).isEqualTo(2);
    assertThat(names(keys)).containsExactly("issuer-key-history.json", "key-1.private.pem");

    // A private key no history lists (its history was removed) may be replaced with --force.
    Files.delete(keys.resolve("issuer-key-history.json"));
    assertThat(generate(keys).code()).isEqualTo(2);
    Run replaced = generate(keys, "--force");
    assertThat(replaced.code()).as(replaced.err()).isZero();
    assertThat(Files.readAllBytes(keys.resolve("key-1.private.pem"))).isNotEqualTo(key);
    IssuerKeyHistory fresh =
        IssuerKeyHistory.fromJson(Files.readString(keys.resolve("issuer-key-history.json")));
    assertThat(fresh.keys()).hasSize(1);
  }

  @Test
  void rotateAddsANewKeyIdAndNeverReplacesAPrivateKeyFileWithoutForce() throws IOException {
    Path keys = dir.resolve("keys");
    assertThat(generate(keys).code()).isZero();
    Path historyFile = keys.resolve("issuer-key-history.json");
    byte[] history = Files.readAllBytes(historyFile);
    Path planted = Files.writeString(keys.resolve("key-2.private.pem"), "LEFT OVER");
    String[] rotate = {
      "keys",
      "rotate",
      "--history",
      historyFile.toString(),
      "--fragment",
      "key-2",
      "--out",
      keys.toString()
    };

    Run refused = run(rotate);
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("key-2.private.pem already exists");
    assertThat(Files.readString(planted)).isEqualTo("LEFT OVER");
    assertThat(Files.readAllBytes(historyFile)).isEqualTo(history);

    List<String> forced = new ArrayList<>(List.of(rotate));
    forced.add("--force");
    Run r = run(forced.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(planted)).contains("BEGIN PRIVATE KEY");
    IssuerKeyHistory rotated = IssuerKeyHistory.fromJson(Files.readString(historyFile));
    assertThat(rotated.keys().stream().map(k -> k.id()).toList())
        .containsExactly(DID + "#key-1", DID + "#key-2");

    // --force does not reuse a key id the history lists.
    Run reuse = run(forced.toArray(String[]::new));
    assertThat(reuse.code()).isEqualTo(2);
    assertThat(reuse.err()).contains("already used");
    assertThat(IssuerKeyHistory.fromJson(Files.readString(historyFile)).keys()).hasSize(2);
  }

  @Test
  void aFragmentThatLeadsOutOfTheFolderIsRefusedAndNothingIsWritten() throws IOException {
    Path keys = Files.createDirectories(dir.resolve("a/b/keys"));
    for (String fragment :
        List.of("../../x", "..", "a..b", "/etc/x", "x/y", ".hidden", "", "x".repeat(65))) {
      Run r = generate(keys, "--fragment", fragment);
      assertThat(r.code()).as(fragment).isEqualTo(2);
      assertThat(r.err()).as(fragment).contains("--fragment must be");
    }
    assertThat(names(keys)).isEmpty();
    assertThat(names(dir)).containsExactly("a");
    assertThat(names(dir.resolve("a"))).containsExactly("b");

    assertThat(generate(keys).code()).isZero();
    Run rotate =
        run(
            "keys",
            "rotate",
            "--history",
            keys.resolve("issuer-key-history.json").toString(),
            "--fragment",
            "../../x",
            "--out",
            keys.toString());
    assertThat(rotate.code()).isEqualTo(2);
    assertThat(names(dir)).containsExactly("a");
    assertThat(names(keys)).containsExactly("issuer-key-history.json", "key-1.private.pem");
  }

  @Test
  void aPlantedSymbolicLinkIsRefusedAsTheKeyFileTheHistoryOrTheFolder() throws IOException {
    Path keys = Files.createDirectories(dir.resolve("keys"));
    Path victim = Files.writeString(dir.resolve("victim.txt"), "VICTIM");
    Path link = Files.createSymbolicLink(keys.resolve("key-1.private.pem"), victim);
    for (String[] more : new String[][] {{}, {"--force"}}) {
      Run r = generate(keys, more);
      assertThat(r.code()).isEqualTo(2);
      assertThat(Files.readString(victim)).isEqualTo("VICTIM");
      assertThat(Files.isSymbolicLink(link)).isTrue();
    }
    Files.delete(link);

    Path historyLink = Files.createSymbolicLink(keys.resolve("issuer-key-history.json"), victim);
    assertThat(generate(keys, "--force").code()).isEqualTo(2);
    assertThat(Files.exists(keys.resolve("key-1.private.pem"), LinkOption.NOFOLLOW_LINKS))
        .isFalse();
    Files.delete(historyLink);

    Path real = Files.createDirectories(dir.resolve("real"));
    Path linkedFolder = Files.createSymbolicLink(dir.resolve("linked"), real);
    Run viaLink = generate(linkedFolder);
    assertThat(viaLink.code()).isEqualTo(2);
    assertThat(viaLink.err()).contains("symbolic link");
    assertThat(names(real)).isEmpty();
  }
}
