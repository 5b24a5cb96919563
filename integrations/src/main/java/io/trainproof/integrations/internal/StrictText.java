package io.trainproof.integrations.internal;

import io.trainproof.integrations.ErrorKind;
import io.trainproof.integrations.RowError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Decodes input bytes as UTF-8 strictly: a malformed or unmappable byte is an error naming the line
 * it is on, never a silent U+FFFD. A leading byte order mark is dropped. Stateless; thread-safe.
 * Not API.
 */
public final class StrictText {
  private static final char BOM = '\uFEFF';

  private StrictText() {}

  /**
   * The text, or the encoding error.
   *
   * @param text the decoded text, or null when decoding failed
   * @param error the error, or null when decoding succeeded
   */
  public record Decoded(@Nullable String text, @Nullable RowError error) {}

  /**
   * Reads a whole stream.
   *
   * @param in the stream (not closed)
   * @return its bytes
   */
  public static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the input", e);
    }
  }

  /**
   * Decodes bytes as UTF-8.
   *
   * @param bytes the input
   * @return the text, or an {@link ErrorKind#ENCODING} error on the line of the first bad byte
   */
  public static Decoded utf8(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(Math.max(16, bytes.length));
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      return new Decoded(
          null,
          new RowError(
              line,
              null,
              "encoding",
              ErrorKind.ENCODING,
              "byte "
                  + at
                  + " is not valid UTF-8 ("
                  + (result.isMalformed() ? "malformed" : "unmappable")
                  + " sequence of "
                  + result.length()
                  + " byte(s)); save the file as UTF-8"));
    }
    out.flip();
    String text = out.toString();
    if (!text.isEmpty() && text.charAt(0) == BOM) {
      text = text.substring(1);
    }
    return new Decoded(text, null);
  }

  /**
   * The 1-based line of a character offset.
   *
   * @param text the text
   * @param offset an offset into it
   * @return its line
   */
  public static int lineOf(String text, long offset) {
    int line = 1;
    int end = (int) Math.min(offset, text.length());
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
