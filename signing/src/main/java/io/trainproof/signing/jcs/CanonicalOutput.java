package io.trainproof.signing.jcs;

import io.trainproof.signing.internal.JsonStrings;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The canonical UTF-8 bytes being written: strings ({@link JsonStrings}: RFC 8785 escaping,
 * surrogate checks), and the reordering of an object's members once all of them are written. Also
 * carries the scratch arrays both canonicalizers reuse. One per thread ({@link #acquire}); not
 * thread-safe.
 */
final class CanonicalOutput {
  /** Buffers grown beyond this are dropped after use rather than kept for the thread. */
  private static final int KEEP_LIMIT = 64 * 1024;

  private static final ThreadLocal<CanonicalOutput> PER_THREAD =
      ThreadLocal.withInitial(CanonicalOutput::new);

  private byte[] bytes = new byte[1024];
  private int length;
  private byte[] reorderScratch = new byte[256];

  /** The input text, copied once so the parser reads an array. */
  char[] input = new char[1024];

  /** A string's chars, copied out of it in one call. */
  private char[] stringChars = new char[256];

  /** Decoded string content when a string holds escapes. */
  char[] decoded = new char[256];

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
    if (bytes.length > KEEP_LIMIT
        || input.length > KEEP_LIMIT
        || decoded.length > KEEP_LIMIT
        || reorderScratch.length > KEEP_LIMIT
        || stringChars.length > KEEP_LIMIT) {
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
    ensure(n + 2);
    int end = JsonStrings.writePlain(value, bytes, length);
    if (end >= 0) {
      length = end;
      return;
    }
    if (stringChars.length < n) {
      stringChars = new char[Math.max(n, stringChars.length * 2)];
    }
    value.getChars(0, n, stringChars, 0);
    writeString(stringChars, 0, n);
  }

  /** As {@link #writeString(String)}, for the chars {@code source[from, to)}. */
  void writeString(char[] source, int from, int to) {
    ensure(JsonStrings.maxBytes(to - from));
    length = JsonStrings.write(source, from, to, bytes, length);
  }

  /**
   * Rewrites the members of one object, already written one after another and separated by single
   * commas, in another order. The region from the first member's start to the current end keeps its
   * length.
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
