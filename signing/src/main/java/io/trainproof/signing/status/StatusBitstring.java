package io.trainproof.signing.status;

import io.trainproof.core.ValidationException;
import io.trainproof.signing.UnusableInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A status bitstring: bit 0 is the most significant bit of byte 0. Encoded as {@code "u"} +
 * base64url without padding of the GZIP of the bytes (Bitstring Status List v1.0 {@code
 * encodedList}). Immutable and thread-safe: {@link #withBit} returns a copy.
 */
public final class StatusBitstring {
  /** The minimum list length the standard requires for group privacy: 131,072 bits. */
  public static final int MIN_SIZE = 131_072;

  /** The largest list accepted when decoding, so a GZIP bomb cannot exhaust memory. */
  public static final int MAX_SIZE = 64 * 1024 * 1024;

  private final byte[] bytes;

  private StatusBitstring(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * An all-zero list.
   *
   * @param size number of entries, a multiple of 8 and at least {@link #MIN_SIZE}
   * @return the list
   */
  public static StatusBitstring empty(int size) {
    if (size < MIN_SIZE || size % 8 != 0 || size > MAX_SIZE) {
      throw new ValidationException(
          "size", size, "must be a multiple of 8 in " + MIN_SIZE + ".." + MAX_SIZE);
    }
    return new StatusBitstring(new byte[size / 8]);
  }

  /**
   * @return the number of entries
   */
  public int size() {
    return bytes.length * 8;
  }

  /**
   * Reads one entry.
   *
   * @param index the index
   * @return whether the bit is set
   */
  public boolean get(int index) {
    check(index);
    return (bytes[index >>> 3] & (0x80 >>> (index & 7))) != 0;
  }

  /**
   * Sets one entry.
   *
   * @param index the index
   * @return a copy with the bit set
   */
  public StatusBitstring withBit(int index) {
    check(index);
    byte[] copy = bytes.clone();
    copy[index >>> 3] |= (byte) (0x80 >>> (index & 7));
    return new StatusBitstring(copy);
  }

  /**
   * Sets several entries at once (one copy, however many bits).
   *
   * @param indexes the indexes to set; repeats are harmless
   * @return a copy with those bits set as well
   */
  public StatusBitstring withBits(Collection<Integer> indexes) {
    byte[] copy = bytes.clone();
    for (Integer index : indexes) {
      if (index == null) {
        throw new ValidationException("index", null, "must not be null");
      }
      check(index);
      copy[index >>> 3] |= (byte) (0x80 >>> (index & 7));
    }
    return new StatusBitstring(copy);
  }

  /**
   * @return how many bits are set
   */
  public int cardinality() {
    int count = 0;
    for (byte b : bytes) {
      count += Integer.bitCount(b & 0xff);
    }
    return count;
  }

  /**
   * @return the {@code encodedList} value
   */
  public String encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new IllegalStateException("in-memory GZIP cannot fail", e);
    }
    return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
  }

  /**
   * Decodes an {@code encodedList} value.
   *
   * @param encodedList {@code u} + base64url(GZIP(bits)); padding is tolerated
   * @return the list
   * @throws UnusableInputException when it does not decode or is out of size bounds
   */
  public static StatusBitstring decode(String encodedList) {
    if (encodedList.isEmpty() || encodedList.charAt(0) != 'u') {
      throw new UnusableInputException("encodedList", "must start with multibase header 'u'");
    }
    byte[] gzipped;
    try {
      gzipped = Base64.getUrlDecoder().decode(encodedList.substring(1));
    } catch (IllegalArgumentException e) {
      throw new UnusableInputException("encodedList", "not base64url", e);
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      byte[] bits = in.readNBytes(MAX_SIZE / 8 + 1);
      if (bits.length > MAX_SIZE / 8) {
        throw new UnusableInputException("encodedList", "longer than " + MAX_SIZE + " entries");
      }
      if (bits.length * 8 < MIN_SIZE) {
        throw new UnusableInputException("encodedList", "shorter than " + MIN_SIZE + " entries");
      }
      return new StatusBitstring(bits);
    } catch (IOException e) {
      throw new UnusableInputException("encodedList", "not GZIP", e);
    }
  }

  private void check(int index) {
    if (index < 0 || index >= size()) {
      throw new ValidationException("index", index, "outside 0.." + (size() - 1));
    }
  }

  @Override
  public boolean equals(@org.jspecify.annotations.Nullable Object other) {
    return other instanceof StatusBitstring
        && Arrays.equals(((StatusBitstring) other).bytes, bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "StatusBitstring[size=" + size() + ", set=" + cardinality() + "]";
  }
}
