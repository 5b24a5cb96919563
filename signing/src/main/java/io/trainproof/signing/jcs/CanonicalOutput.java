package io.trainproof.signing.jcs;

import io.trainproof.signing.UnusableInputException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The canonical UTF-8 bytes being written: RFC 8785 string escaping, surrogate checks, and the
 * reordering of an object's members once all of them are written. Also carries the scratch
 * arrays both canonicalizers reuse. One per thread ({@link #acquire}); not thread-safe.
 */
final class CanonicalOutput {
  /** Buffers grown beyond this are dropped after use rather than kept for the thread. */
  private static final int KEEP_LIMIT = 64 * 1024;
  private static final ThreadLocal<CanonicalOutput> PER_THREAD = ThreadLocal.withInitial(CanonicalOutput::new);
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LOW_BITS = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  /** ASCII chars written as they are: printable, not a quote, not a backslash. */
  private static final boolean[] PLAIN = new boolean[128];
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private byte[] bytes = new byte[1024];
  private int length;
  private byte[] reorderScratch = new byte[256];
  /** The input text, copied once so the parser reads an array. */
  char[] input = new char[1024];
  /** A string's chars, copied out of it in one call. */
  private char[] stringChars = new char[256];
  /** Decoded string content when a string holds escapes. */
  char[] decoded = new char[256];

  static {
    for (char c = 0x20; c < 0x80; c++) {
      PLAIN[c] = c != '"' && c != '\\';
    }
  }

  private CanonicalOutput() {}

  /**
   * This thread's output, emptied. Call {@link #release} when done.
   *
   * @return the output
   */
  static CanonicalOutput acquire() {
    CanonicalOutput out = PER_THREAD.get();
    out.length = 0;
    return out;
  }

  /** Drops buffers that grew large, so one big document does not pin memory for the thread. */
  void release() {
    if (bytes.length > KEEP_LIMIT || input.length > KEEP_LIMIT || decoded.length > KEEP_LIMIT
        || reorderScratch.length > KEEP_LIMIT || stringChars.length > KEEP_LIMIT) {
      PER_THREAD.remove();
    }
  }

  int length() {
    return length;
  }

  byte[] toBytes() {
    return Arrays.copyOf(bytes, length);
  }

  @Override
  public String toString() {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  char[] input(int size) {
    if (input.length < size) {
      input = new char[Math.max(size, input.length * 2)];
    }
    return input;
  }

  char[] decoded(int size) {
    if (decoded.length < size) {
      decoded = new char[Math.max(size, decoded.length * 2)];
    }
    return decoded;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
    }
  }

  void write(char ascii) {
    ensure(1);
    bytes[length++] = (byte) ascii;
  }

  void writeAscii(String ascii) {
    int n = ascii.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      bytes[length++] = (byte) ascii.charAt(i);
    }
  }

  /** Writes ASCII chars (a number's text) as they are. */
  void writeAscii(char[] source, int from, int to) {
    ensure(to - from);
    for (int i = from; i < to; i++) {
      bytes[length++] = (byte) source[i];
    }
  }

  void writeRaw(byte[] raw) {
    ensure(raw.length);
    System.arraycopy(raw, 0, bytes, length, raw.length);
    length += raw.length;
  }

  byte[] copy(int from, int to) {
    return Arrays.copyOfRange(bytes, from, to);
  }

  void writeLong(long value) {
    if (value == Long.MIN_VALUE) {
      writeAscii(Long.toString(value));
      return;
    }
    ensure(20);
    if (value < 0) {
      bytes[length++] = '-';
      value = -value;
    }
    int digits = 1;
    for (long bound = 10; digits < 19 && value >= bound; bound *= 10) {
      digits++;
    }
    int at = length + digits;
    length = at;
    do {
      bytes[--at] = (byte) ('0' + (int) (value % 10));
      value /= 10;
    } while (value != 0);
  }

  /** Writes a string value or member name, quoted, with RFC 8785's escapes, as UTF-8. */
  void writeString(String value) {
    int n = value.length();
    // why: the JDK's UTF-8 encoder copies an ASCII string's bytes in bulk (vectorized). As
    // many bytes as chars means every char is ASCII, except that an unpaired surrogate is
    // encoded as '?': so a '?' (or anything to escape) sends the string down the char path.
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    if (utf8.length == n && plainAscii(utf8)) {
      ensure(n + 2);
      bytes[length++] = '"';
      System.arraycopy(utf8, 0, bytes, length, n);
      length += n;
      bytes[length++] = '"';
      return;
    }
    if (stringChars.length < n) {
      stringChars = new char[Math.max(n, stringChars.length * 2)];
    }
    value.getChars(0, n, stringChars, 0);
    writeString(stringChars, 0, n);
  }

  /** Whether every byte is printable ASCII other than a quote, a backslash and '?'. */
  private static boolean plainAscii(byte[] ascii) {
    int n = ascii.length;
    int i = 0;
    // why: eight bytes per step (SWAR); the byte loop cost a nanosecond per char
    for (; i + 8 <= n; i += 8) {
      long word = (long) LONGS.get(ascii, i);
      if ((word & HIGH_BITS) != 0
          || hasByteBelow(word, 0x20)
          || hasZeroByte(word ^ (LOW_BITS * '"'))
          || hasZeroByte(word ^ (LOW_BITS * '\\'))
          || hasZeroByte(word ^ (LOW_BITS * '?'))) {
        return false;
      }
    }
    for (; i < n; i++) {
      byte b = ascii[i];
      if (b < 0x20 || b == '"' || b == '\\' || b == '?') {
        return false;
      }
    }
    return true;
  }

  /** Whether any byte of the word is zero (exact: borrows only follow a true zero byte). */
  private static boolean hasZeroByte(long word) {
    return ((word - LOW_BITS) & ~word & HIGH_BITS) != 0;
  }

  /** Whether any byte of the word is below {@code bound} (at most 128). */
  private static boolean hasByteBelow(long word, int bound) {
    return ((word - LOW_BITS * bound) & ~word & HIGH_BITS) != 0;
  }

  /** As {@link #writeString(String)}, for the chars {@code source[from, to)}. */
  void writeString(char[] source, int from, int to) {
    ensure(Math.multiplyExact(to - from, 6) + 2);
    // why: locals, not fields, in the loop: the JIT keeps them in registers
    byte[] buffer = bytes;
    int at = length;
    buffer[at++] = '"';
    for (int i = from; i < to; i++) {
      char c = source[i];
      if (c < 0x80 && PLAIN[c]) {
        buffer[at++] = (byte) c;
      } else if (c >= 0x80 && c < 0x800) {
        buffer[at++] = (byte) (0xc0 | (c >> 6));
        buffer[at++] = (byte) (0x80 | (c & 0x3f));
      } else {
        length = at;
        if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(source[i + 1])) {
          writePair(c, source[++i]);
        } else {
          writeOther(c);
        }
        at = length;
      }
    }
    buffer[at++] = '"';
    length = at;
  }

  private void writePair(char high, char low) {
    int codePoint = Character.toCodePoint(high, low);
    bytes[length++] = (byte) (0xf0 | (codePoint >> 18));
    bytes[length++] = (byte) (0x80 | ((codePoint >> 12) & 0x3f));
    bytes[length++] = (byte) (0x80 | ((codePoint >> 6) & 0x3f));
    bytes[length++] = (byte) (0x80 | (codePoint & 0x3f));
  }

  /**
   * A char that is not plain printable ASCII and not the start of a valid surrogate pair; the
   * caller has ensured room for 6 bytes.
   */
  private void writeOther(char c) {
    switch (c) {
      case '"':
        escape('"');
        return;
      case '\\':
        escape('\\');
        return;
      case '\b':
        escape('b');
        return;
      case '\f':
        escape('f');
        return;
      case '\n':
        escape('n');
        return;
      case '\r':
        escape('r');
        return;
      case '\t':
        escape('t');
        return;
      default:
        break;
    }
    if (c < 0x20) {
      bytes[length++] = '\\';
      bytes[length++] = 'u';
      bytes[length++] = '0';
      bytes[length++] = '0';
      bytes[length++] = HEX[c >> 4];
      bytes[length++] = HEX[c & 0xf];
    } else if (Character.isSurrogate(c)) {
      throw new UnusableInputException("json", "string holds an unpaired surrogate");
    } else if (c < 0x800) {
      bytes[length++] = (byte) (0xc0 | (c >> 6));
      bytes[length++] = (byte) (0x80 | (c & 0x3f));
    } else {
      bytes[length++] = (byte) (0xe0 | (c >> 12));
      bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3f));
      bytes[length++] = (byte) (0x80 | (c & 0x3f));
    }
  }

  private void escape(char c) {
    bytes[length++] = '\\';
    bytes[length++] = (byte) c;
  }

  /**
   * Rewrites the members of one object, already written one after another and separated by
   * single commas, in another order. The region from the first member's start to the current
   * end keeps its length.
   *
   * @param starts where each member ({@code "name":value}) starts, in written order
   * @param base the index in {@code starts} of this object's first member
   * @param count how many members the object has
   * @param order the written indexes (0-based, relative to {@code base}) in canonical order
   */
  void reorder(int[] starts, int base, int count, int[] order) {
    int regionStart = starts[base];
    int regionLength = length - regionStart;
    if (reorderScratch.length < regionLength) {
      reorderScratch = new byte[Math.max(regionLength, reorderScratch.length * 2)];
    }
    System.arraycopy(bytes, regionStart, reorderScratch, 0, regionLength);
    int at = regionStart;
    for (int k = 0; k < count; k++) {
      int member = order[k];
      int from = starts[base + member] - regionStart;
      // why: every member but the last is followed by exactly one comma
      int to = member + 1 < count ? starts[base + member + 1] - regionStart - 1 : regionLength;
      if (k > 0) {
        bytes[at++] = ',';
      }
      System.arraycopy(reorderScratch, from, bytes, at, to - from);
      at += to - from;
    }
  }
}
