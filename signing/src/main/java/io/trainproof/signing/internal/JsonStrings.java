package io.trainproof.signing.internal;

import io.trainproof.signing.UnusableInputException;
import java.nio.charset.StandardCharsets;

/**
 * JSON strings as RFC 8785 writes them, into a caller's byte array: quoted, with the minimal
 * escapes, as UTF-8; an unpaired surrogate is refused. Shared by the canonicalizers and by writers
 * that produce canonical JSON without a tree. Stateless and thread-safe.
 */
public final class JsonStrings {
  /** ASCII chars written as they are: printable, not a quote, not a backslash. */
  private static final boolean[] PLAIN = new boolean[128];

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  static {
    for (char c = 0x20; c < 0x80; c++) {
      PLAIN[c] = c != '"' && c != '\\';
    }
  }

  private JsonStrings() {}

  /**
   * The most bytes {@link #write} writes for a string of {@code chars} chars.
   *
   * @param chars the string's length
   * @return six bytes a char (a {@code \\u00XX} escape) and the quotes
   */
  public static int maxBytes(int chars) {
    return Math.addExact(Math.multiplyExact(chars, 6), 2);
  }

  /**
   * Writes a string that is all printable ASCII other than a quote and a backslash, quoted; a
   * string with any other char is not written.
   *
   * @param value the string
   * @param out where it goes; room for {@code value.length() + 2} bytes from {@code at}
   * @param at where it starts
   * @return where the written string ends, or -1 when the string needs {@link #write}
   */
  public static int writePlain(String value, byte[] out, int at) {
    int n = value.length();
    // why: most strings are short and printable ASCII: copied char by char straight into the
    // buffer, with no intermediate array
    int i = at;
    out[i++] = '"';
    for (int k = 0; k < n; k++) {
      char c = value.charAt(k);
      if (c >= 0x80 || !PLAIN[c]) {
        return -1;
      }
      out[i++] = (byte) c;
    }
    out[i++] = '"';
    return i;
  }

  /**
   * Writes the chars {@code source[from, to)} as a JSON string, quoted.
   *
   * @param source the chars
   * @param from the first
   * @param to after the last
   * @param out where it goes; room for {@link #maxBytes}{@code (to - from)} bytes from {@code at}
   * @param at where it starts
   * @return where the written string ends
   * @throws UnusableInputException when the chars hold an unpaired surrogate
   */
  public static int write(char[] source, int from, int to, byte[] out, int at) {
    out[at++] = '"';
    for (int i = from; i < to; i++) {
      char c = source[i];
      if (c < 0x80 && PLAIN[c]) {
        out[at++] = (byte) c;
      } else if (c >= 0x80 && c < 0x800) {
        out[at++] = (byte) (0xc0 | (c >> 6));
        out[at++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < to
          && Character.isLowSurrogate(source[i + 1])) {
        int codePoint = Character.toCodePoint(c, source[++i]);
        out[at++] = (byte) (0xf0 | (codePoint >> 18));
        out[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3f));
        out[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3f));
        out[at++] = (byte) (0x80 | (codePoint & 0x3f));
      } else {
        at = writeOther(c, out, at);
      }
    }
    out[at++] = '"';
    return at;
  }

  /**
   * A char that is not plain printable ASCII, not a two-byte char and not the start of a valid
   * surrogate pair.
   */
  private static int writeOther(char c, byte[] out, int at) {
    switch (c) {
      case '"':
        return escape('"', out, at);
      case '\\':
        return escape('\\', out, at);
      case '\b':
        return escape('b', out, at);
      case '\f':
        return escape('f', out, at);
      case '\n':
        return escape('n', out, at);
      case '\r':
        return escape('r', out, at);
      case '\t':
        return escape('t', out, at);
      default:
        break;
    }
    if (c < 0x20) {
      out[at++] = '\\';
      out[at++] = 'u';
      out[at++] = '0';
      out[at++] = '0';
      out[at++] = HEX[c >> 4];
      out[at++] = HEX[c & 0xf];
    } else if (Character.isSurrogate(c)) {
      throw new UnusableInputException("json", "string holds an unpaired surrogate");
    } else {
      out[at++] = (byte) (0xe0 | (c >> 12));
      out[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
      out[at++] = (byte) (0x80 | (c & 0x3f));
    }
    return at;
  }

  private static int escape(char c, byte[] out, int at) {
    out[at++] = '\\';
    out[at++] = (byte) c;
    return at;
  }
}
