package io.trainproof.examples.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Writes the files the command line and the demo produce, so that no other user can read a secret
 * and no half-written or planted file is ever at the target path.
 *
 * <p>Every file is written to a new temporary file in the target's own folder, forced to disk, and
 * then published under its name in one step. A {@linkplain Secrecy#SECRET secret} (a private key, a
 * keystore) is created with mode 600 by the call that creates it ({@code open(2)} with {@code
 * O_CREAT|O_EXCL} and the mode), so it never exists with any other mode. A target that must not be
 * replaced is published with {@code link(2)}, which fails when the name exists, so even a file
 * created at the last moment is not overwritten; a target that may be replaced is published with an
 * atomic {@code rename(2)}. A symbolic link is refused, as the target and as its folder, and the
 * name must be one plain path element.
 *
 * <p>On a file system without POSIX permissions a secret is refused: this tool cannot make it
 * private there.
 */
public final class OutputFiles {
  /** Whether a file holds a secret. */
  public enum Secrecy {
    /** Created with mode 600 (owner read and write only); refused without POSIX permissions. */
    SECRET,
    /** Created with the process's default mode (umask), or the mode of the file it replaces. */
    PUBLIC
  }

  /** What to do when the target already exists. */
  public enum Existing {
    /** Refuse, and leave the existing file untouched. */
    REFUSE,
    /** Replace it in one atomic step. */
    REPLACE
  }

  /** What goes into the file. */
  @FunctionalInterface
  public interface Content {
    /**
     * Writes the content.
     *
     * @param out the temporary file
     * @throws IOException when writing fails
     */
    void writeTo(OutputStream out) throws IOException;

    /**
     * Text as UTF-8.
     *
     * @param text the text
     * @return the content
     */
    static Content utf8(String text) {
      return out -> out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Sees each step, for tests that check what exists at each moment. */
  interface Observer {
    /**
     * The temporary file was created (and is still empty).
     *
     * @param temp the temporary file
     * @throws IOException to abort
     */
    void created(Path temp) throws IOException;

    /**
     * The temporary file is written and forced to disk; it is about to get the target's name.
     *
     * @param temp the temporary file
     * @param target the target
     * @throws IOException to abort
     */
    void beforePublish(Path temp, Path target) throws IOException;
  }

  static final Observer NO_OBSERVER =
      new Observer() {
        @Override
        public void created(Path temp) {}

        @Override
        public void beforePublish(Path temp, Path target) {}
      };

  static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER =
      PosixFilePermissions.fromString("rwx------");
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
  private static final SecureRandom RANDOM = new SecureRandom();

  private OutputFiles() {}

  /**
   * Writes a file atomically.
   *
   * @param target the file; its name must be one plain path element
   * @param secrecy whether it holds a secret
   * @param existing whether an existing file may be replaced
   * @param content what to write
   * @return the target
   * @throws CliException when the target exists and may not be replaced, is a symbolic link or not
   *     a regular file, its folder is a symbolic link, or a secret cannot be made private here
   */
  public static Path write(Path target, Secrecy secrecy, Existing existing, Content content) {
    return write(target, secrecy, existing, content, NO_OBSERVER);
  }

  /**
   * Writes UTF-8 text atomically; see {@link #write(Path, Secrecy, Existing, Content)}.
   *
   * @param target the file
   * @param secrecy whether it holds a secret
   * @param existing whether an existing file may be replaced
   * @param text the text
   * @return the target
   */
  public static Path write(Path target, Secrecy secrecy, Existing existing, String text) {
    return write(target, secrecy, existing, Content.utf8(text), NO_OBSERVER);
  }

  static Path write(
      Path target, Secrecy secrecy, Existing existing, Content content, Observer observer) {
    Path folder = folderOf(target);
    Path name = target.getFileName();
    checkTarget(target, existing);
    createFolder(folder, secrecy);
    checkFolder(folder);
    Path temp = folder.resolve("." + name + "." + HexFormat.of().formatHex(random()) + ".tmp");
    boolean published = false;
    try {
      try (FileChannel channel = create(temp, folder, target, secrecy, existing)) {
        observer.created(temp);
        if (secrecy == Secrecy.SECRET) {
          checkPrivate(temp);
        }
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      observer.beforePublish(temp, target);
      published = publish(temp, target, existing);
      forceFolder(folder);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      if (!published) {
        deleteQuietly(temp);
      }
    }
  }

  /**
   * Checks, before anything is written, that a file could be written: it is not a symbolic link,
   * and it does not exist unless it may be replaced.
   *
   * @param target the file
   * @param existing whether an existing file may be replaced
   * @throws CliException when it could not
   */
  public static void checkTarget(Path target, Existing existing) {
    Path folder = folderOf(target);
    if (Files.isSymbolicLink(folder)) {
      throw new CliException(
          "refusing to write into " + folder + ": it is a symbolic link; give the real folder");
    }
    if (Files.isSymbolicLink(target)) {
      throw new CliException("refusing to write " + target + ": it is a symbolic link");
    }
    if (Files.exists(target, NOFOLLOW)) {
      if (!Files.isRegularFile(target, NOFOLLOW)) {
        throw new CliException("refusing to write " + target + ": it exists and is not a file");
      }
      if (existing == Existing.REFUSE) {
        throw new CliException(target + " already exists; it was left untouched");
      }
    }
  }

  /**
   * Deletes a file, or a symbolic link itself, if it exists; never throws.
   *
   * @param path the file
   * @return whether it was deleted
   */
  public static boolean deleteQuietly(Path path) {
    try {
      return Files.deleteIfExists(path);
    } catch (IOException e) {
      return false;
    }
  }

  private static Path folderOf(Path target) {
    Path name = target.getFileName();
    if (name == null
        || name.toString().isEmpty()
        || name.toString().equals(".")
        || name.toString().equals("..")) {
      throw new CliException("not a file name: " + target);
    }
    Path parent = target.toAbsolutePath().getParent();
    if (parent == null) {
      throw new CliException("not a file in a folder: " + target);
    }
    return parent;
  }

  private static void createFolder(Path folder, Secrecy secrecy) {
    if (Files.isDirectory(folder, NOFOLLOW)) {
      return;
    }
    try {
      Path grandparent = folder.getParent();
      if (grandparent != null) {
        Files.createDirectories(grandparent);
      }
      if (secrecy == Secrecy.SECRET && isPosix(grandparent == null ? folder : grandparent)) {
        // A folder made for secrets is the owner's alone (another layer; the file is 600 anyway).
        Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
      } else {
        Files.createDirectory(folder);
      }
    } catch (FileAlreadyExistsException alreadyThere) {
      // why: made by someone else meanwhile; checkFolder decides whether it is usable
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + folder + ": " + e.getMessage(), e);
    }
  }

  private static void checkFolder(Path folder) {
    if (Files.isSymbolicLink(folder)) {
      throw new CliException(
          "refusing to write into " + folder + ": it is a symbolic link; give the real folder");
    }
    if (!Files.isDirectory(folder, NOFOLLOW)) {
      throw new CliException("refusing to write into " + folder + ": it is not a folder");
    }
  }

  private static FileChannel create(
      Path temp, Path folder, Path target, Secrecy secrecy, Existing existing) throws IOException {
    Set<OpenOption> options =
        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW);
    boolean posix = isPosix(folder);
    if (secrecy == Secrecy.SECRET) {
      if (!posix) {
        throw new CliException(
            "refusing to write the secret "
                + target
                + ": its file system has no POSIX permissions, so it cannot be made readable by"
                + " its owner only; write it to a POSIX file system");
      }
      // The mode is given to the call that creates the file: it never exists with another one.
      return FileChannel.open(temp, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    }
    if (posix && existing == Existing.REPLACE && Files.isRegularFile(target, NOFOLLOW)) {
      // A replaced public file keeps its mode (a file made private by hand stays private).
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(target, NOFOLLOW);
      Set<PosixFilePermission> start = PosixFilePermissions.fromString("rw-------");
      start.retainAll(mode);
      FileChannel channel =
          FileChannel.open(temp, options, PosixFilePermissions.asFileAttribute(start));
      Files.setPosixFilePermissions(temp, mode);
      return channel;
    }
    return FileChannel.open(temp, options);
  }

  private static void checkPrivate(Path temp) throws IOException {
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(temp, NOFOLLOW);
    if (!OWNER_ONLY.containsAll(mode)) {
      throw new CliException(
          "refusing to write a secret into "
              + temp.getParent()
              + ": its file system gave a new file mode "
              + PosixFilePermissions.toString(mode)
              + " instead of rw-------");
    }
  }

  /** Gives the temporary file the target's name; returns true (the temporary name is gone). */
  private static boolean publish(Path temp, Path target, Existing existing) throws IOException {
    if (existing == Existing.REPLACE) {
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        throw new CliException("cannot replace " + target + " in one step on its file system");
      }
      return true;
    }
    try {
      // link(2) fails when the name exists: nothing there is ever replaced.
      Files.createLink(target, temp);
    } catch (FileAlreadyExistsException e) {
      throw new CliException(target + " already exists; it was left untouched");
    } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
      // why: a file system without hard links; rename(2) never follows a link at the target,
      // so the only race left is with a file created after this check, which it would replace
      if (Files.exists(target, NOFOLLOW)) {
        throw new CliException(target + " already exists; it was left untouched");
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      return true;
    }
    // The file now has two names; the temporary one goes (both have the same mode).
    if (!deleteQuietly(temp) && Files.exists(temp, NOFOLLOW)) {
      throw new CliException("wrote " + target + " but could not remove its other name " + temp);
    }
    return true;
  }

  private static void forceFolder(Path folder) {
    // why best effort: the folder entry is forced where the platform allows opening a folder
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException notSupported) {
      return;
    }
  }

  private static boolean isPosix(Path folder) {
    return folder.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static byte[] random() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
