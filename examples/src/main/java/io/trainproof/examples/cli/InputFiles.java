package io.trainproof.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the files the command line is given (credentials, trust bundles, key histories, private
 * keys, keystores) with bounds, so that no input can exhaust memory or block the command:
 *
 * <ul>
 *   <li>only a regular file is read: a folder, a FIFO, a socket or a device is refused before it is
 *       opened. A symbolic link is followed (it reaches nothing the path itself could not name),
 *       but what it leads to must be a regular file;
 *   <li>the size is checked before reading, and the read itself stops after {@link #MAX_BYTES} + 1
 *       bytes, so a file that grows after the check cannot get past the limit;
 *   <li>text must be UTF-8: a malformed sequence is refused with its byte offset, not replaced.
 * </ul>
 *
 * <p>Every refusal is a {@link CliException} whose message names the file and the problem, never
 * the file's content.
 */
public final class InputFiles {
  /**
   * The largest file read: 2 MiB, the signing module's limit for JSON text ({@code
   * JsonLimits.DEFAULT}). Credentials, trust bundles, key histories and keys are far smaller.
   */
  public static final int MAX_BYTES = 2 * 1024 * 1024;

  private InputFiles() {}

  /**
   * Reads a UTF-8 text file of at most {@link #MAX_BYTES}.
   *
   * @param path the file
   * @return its text
   * @throws CliException when it is missing, not a regular file, too large or not UTF-8
   */
  public static String readText(Path path) {
    return decodeUtf8(path, readBytes(path, MAX_BYTES));
  }

  /**
   * Reads a file of at most {@link #MAX_BYTES} bytes.
   *
   * @param path the file
   * @return its bytes
   * @throws CliException when it is missing, not a regular file or too large
   */
  public static byte[] readBytes(Path path) {
    return readBytes(path, MAX_BYTES);
  }

  static byte[] readBytes(Path path, int limit) {
    BasicFileAttributes attributes;
    try {
      // why follow links: see the class comment; what the link leads to is checked here
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new CliException("no such file: " + path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
    if (!attributes.isRegularFile()) {
      throw new CliException(path + " is not a regular file (it is " + kind(attributes) + ")");
    }
    if (attributes.size() > limit) {
      throw tooLarge(path, Long.toString(attributes.size()), limit);
    }
    byte[] bytes;
    // why the race that stays: a regular file swapped for a FIFO between the check above and this
    // open makes the open wait for a writer; Java cannot open without blocking (O_NONBLOCK) or
    // inspect an open file (fstat). The size bound below holds whatever is opened.
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes(limit + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
    if (bytes.length > limit) {
      throw tooLarge(path, "more than " + limit, limit);
    }
    return bytes;
  }

  /**
   * Decodes strict UTF-8: a malformed or unmappable sequence is refused, never replaced.
   *
   * @param path the file, for the message
   * @param bytes its bytes
   * @return the text
   * @throws CliException naming the byte offset of the first malformed sequence
   */
  static String decodeUtf8(Path path, byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw new CliException(
          path + " is not UTF-8 text: invalid byte sequence at byte offset " + in.position());
    }
    return out.flip().toString();
  }

  private static CliException tooLarge(Path path, String size, int limit) {
    return new CliException(
        path
            + " is too large: "
            + size
            + " bytes; the limit is "
            + limit
            + " bytes ("
            + limit / (1024 * 1024)
            + " MiB)");
  }

  private static String kind(BasicFileAttributes attributes) {
    if (attributes.isDirectory()) {
      return "a folder";
    }
    if (attributes.isSymbolicLink()) {
      return "a symbolic link";
    }
    return "a FIFO, a socket or a device";
  }
}
