package io.trainproof.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.trainproof.examples.cli.OutputFiles.Existing;
import io.trainproof.examples.cli.OutputFiles.Observer;
import io.trainproof.examples.cli.OutputFiles.Secrecy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a file is written: its mode from creation, atomic publication, no overwrite, no links. */
class OutputFilesTest {
  @TempDir Path dir;

  @BeforeEach
  void posixOnly() {
    assumeTrue(
        dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "these tests check POSIX modes");
  }

  static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(
        Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
  }

  static Object inode(Path path) throws IOException {
    return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
        .fileKey();
  }

  /**
   * What this proves: the file that ends up at the target is the very file (same inode) that had
   * mode 600 when it was first observed, right after its creation and before a byte was written,
   * and the target name did not exist until that file was complete. The mode is given to the
   * creating open(2), so there is no earlier moment to observe. The old code created the target
   * itself with the default mode (0644 under umask 022), wrote it, then chmod-ed it.
   */
  @Test
  void aSecretIsMode600FromItsCreationAndItsNameAppearsOnlyWhenItIsComplete() throws IOException {
    Path target = dir.resolve("keys/key-1.private.pem");
    List<String> seen = new ArrayList<>();
    Object[] createdInode = new Object[1];
    Observer observer =
        new Observer() {
          @Override
          public void created(Path temp) throws IOException {
            assertThat(temp.getParent()).isEqualTo(target.toAbsolutePath().getParent());
            assertThat(Files.size(temp)).isZero();
            seen.add("created " + mode(temp) + " target exists=" + Files.exists(target));
            createdInode[0] = inode(temp);
          }

          @Override
          public void beforePublish(Path temp, Path t) throws IOException {
            seen.add(
                "written "
                    + mode(temp)
                    + " "
                    + Files.readString(temp)
                    + " target exists="
                    + Files.exists(target));
          }
        };
    OutputFiles.write(
        target, Secrecy.SECRET, Existing.REFUSE, OutputFiles.Content.utf8("SECRET"), observer);

    assertThat(seen)
        .containsExactly(
            "created rw------- target exists=false",
            "written rw------- SECRET target exists=false");
    assertThat(mode(target)).isEqualTo("rw-------");
    assertThat(inode(target)).isEqualTo(createdInode[0]);
    assertThat(Files.readString(target)).isEqualTo("SECRET");
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertThat(files).containsExactly(target);
    }
    // A folder made for a secret is its owner's alone.
    assertThat(mode(target.getParent())).isEqualTo("rwx------");
  }

  @Test
  void anExistingFileIsNeverReplacedUnlessAskedAndThenInOneStep() throws IOException {
    Path target = Files.writeString(dir.resolve("a.pem"), "ORIGINAL");
    assertThatThrownBy(() -> OutputFiles.write(target, Secrecy.SECRET, Existing.REFUSE, "NEW"))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("already exists");
    assertThat(Files.readString(target)).isEqualTo("ORIGINAL");

    // Created between the check and the publication: link(2) still refuses to replace it.
    Path late = dir.resolve("late.pem");
    Observer plantsAFile =
        new Observer() {
          @Override
          public void created(Path temp) {}

          @Override
          public void beforePublish(Path temp, Path t) throws IOException {
            Files.writeString(late, "SOMEONE ELSE'S");
          }
        };
    assertThatThrownBy(
            () ->
                OutputFiles.write(
                    late,
                    Secrecy.SECRET,
                    Existing.REFUSE,
                    OutputFiles.Content.utf8("NEW"),
                    plantsAFile))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("already exists");
    assertThat(Files.readString(late)).isEqualTo("SOMEONE ELSE'S");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsOnly("a.pem", "late.pem");
    }

    OutputFiles.write(target, Secrecy.SECRET, Existing.REPLACE, "NEW");
    assertThat(Files.readString(target)).isEqualTo("NEW");
    assertThat(mode(target)).isEqualTo("rw-------");
  }

  @Test
  void aReplacedPublicFileKeepsItsModeAndANewOneGetsTheDefault() throws IOException {
    Path history = Files.writeString(dir.resolve("history.json"), "{}");
    Files.setPosixFilePermissions(history, PosixFilePermissions.fromString("rw-r-----"));
    OutputFiles.write(history, Secrecy.PUBLIC, Existing.REPLACE, "{\"v\":2}");
    assertThat(Files.readString(history)).isEqualTo("{\"v\":2}");
    assertThat(mode(history)).isEqualTo("rw-r-----");

    Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
    String defaultMode = mode(plain);
    Path written = OutputFiles.write(dir.resolve("new.txt"), Secrecy.PUBLIC, Existing.REFUSE, "y");
    assertThat(mode(written)).isEqualTo(defaultMode);
  }

  @Test
  void aSymbolicLinkIsRefusedAsTheTargetAndAsItsFolder() throws IOException {
    Path victim = Files.writeString(dir.resolve("victim.txt"), "VICTIM");
    Path link = Files.createSymbolicLink(dir.resolve("key.pem"), victim);
    for (Existing existing : Existing.values()) {
      assertThatThrownBy(() -> OutputFiles.write(link, Secrecy.SECRET, existing, "KEY"))
          .isInstanceOf(CliException.class)
          .hasMessageContaining("symbolic link");
    }
    assertThat(Files.readString(victim)).isEqualTo("VICTIM");
    assertThat(Files.isSymbolicLink(link)).isTrue();

    Path realFolder = Files.createDirectory(dir.resolve("real"));
    Path linkedFolder = Files.createSymbolicLink(dir.resolve("linked"), realFolder);
    assertThatThrownBy(
            () ->
                OutputFiles.write(
                    linkedFolder.resolve("key.pem"), Secrecy.SECRET, Existing.REFUSE, "KEY"))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("symbolic link");
    try (Stream<Path> files = Files.list(realFolder)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aFailedWriteLeavesNothingBehind() throws IOException {
    Path target = dir.resolve("broken.pem");
    assertThatThrownBy(
            () ->
                OutputFiles.write(
                    target,
                    Secrecy.SECRET,
                    Existing.REFUSE,
                    out -> {
                      out.write("HALF".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("disk full");
                    }))
        .hasMessageContaining("disk full");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
