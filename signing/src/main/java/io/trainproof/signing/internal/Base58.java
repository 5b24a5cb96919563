package io.trainproof.signing.internal;

import io.trainproof.signing.UnusableInputException;
import java.util.Arrays;

/**
 * Base58 with the Bitcoin alphabet (base58btc). Stateless and thread-safe.
 *
 * <p>Works on 32-bit limbs, five base-58 digits at a time (58<sup>5</sup> &lt; 2<sup>30</sup>),
 * rather than on {@link java.math.BigInteger}: a signature is encoded on every issuance and decoded
 * on every verification.
 */
public final class Base58 {
  private static final char[] ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
  private static final int[] INDEX = new int[128];

  /** 58<sup>5</sup>: the largest power of 58 whose multiples of a 32-bit limb fit a long. */
  private static final long GROUP = 58L * 58 * 58 * 58 * 58;

  private static final int GROUP_DIGITS = 5;

  static {
    Arrays.fill(INDEX, -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      INDEX[ALPHABET[i]] = i;
    }
  }

  private Base58() {}

  /**
   * Encodes bytes; each leading zero byte becomes a leading {@code 1}.
   *
   * @param data the bytes
   * @return the base58btc text
   */
  public static String encode(byte[] data) {
    int zeros = 0;
    while (zeros < data.length && data[zeros] == 0) {
      zeros++;
    }
    int length = data.length - zeros;
    // big-endian 32-bit limbs of the value; the first limb holds the 1..4 leading bytes
    int limbCount = (length + 3) / 4;
    int[] limbs = new int[limbCount];
    int in = zeros;
    for (int i = 0; i < limbCount; i++) {
      int bytes = i == 0 ? length - 4 * (limbCount - 1) : 4;
      int limb = 0;
      for (int b = 0; b < bytes; b++) {
        limb = (limb << 8) | (data[in++] & 0xff);
      }
      limbs[i] = limb;
    }
    // why: log(256)/log(58) < 1.38 digits per byte, plus one group of padding digits
    char[] out = new char[zeros + length * 138 / 100 + 1 + GROUP_DIGITS];
    int at = out.length;
    int first = 0;
    while (first < limbCount) {
      long remainder = 0;
      for (int i = first; i < limbCount; i++) {
        long current = (remainder << 32) | (limbs[i] & 0xffffffffL);
        limbs[i] = (int) (current / GROUP);
        remainder = current % GROUP;
      }
      while (first < limbCount && limbs[first] == 0) {
        first++;
      }
      for (int d = 0; d < GROUP_DIGITS; d++) {
        out[--at] = ALPHABET[(int) (remainder % 58)];
        remainder /= 58;
      }
    }
    // the last group is padded with zero digits; the value's own first digit is not zero
    while (at < out.length && out[at] == ALPHABET[0]) {
      at++;
    }
    for (int i = 0; i < zeros; i++) {
      out[--at] = ALPHABET[0];
    }
    return new String(out, at, out.length - at);
  }

  /**
   * Decodes base58btc text.
   *
   * @param text the text
   * @return the bytes
   * @throws UnusableInputException when a character is outside the alphabet
   */
  public static byte[] decode(String text) {
    int length = text.length();
    int zeros = 0;
    while (zeros < length && text.charAt(zeros) == ALPHABET[0]) {
      zeros++;
    }
    // little-endian 32-bit limbs; log(58)/log(256) < 0.733 bytes per digit
    int[] limbs = new int[(length * 733 / 1000 + 1) / 4 + 2];
    int used = 0;
    for (int i = 0; i < length; ) {
      int digits = Math.min(GROUP_DIGITS, length - i);
      long multiplier = 1;
      long group = 0;
      for (int d = 0; d < digits; d++, i++) {
        char c = text.charAt(i);
        int digit = c < 128 ? INDEX[c] : -1;
        if (digit < 0) {
          throw new UnusableInputException("base58", "character at " + i + " is not base58btc");
        }
        group = group * 58 + digit;
        multiplier *= 58;
      }
      long carry = group;
      for (int j = 0; j < used; j++) {
        long current = (limbs[j] & 0xffffffffL) * multiplier + carry;
        limbs[j] = (int) current;
        carry = current >>> 32;
      }
      if (carry != 0) {
        limbs[used++] = (int) carry;
      }
    }
    int magnitude = used * 4;
    while (magnitude > 0 && byteAt(limbs, magnitude - 1) == 0) {
      magnitude--;
    }
    byte[] out = new byte[zeros + magnitude];
    for (int k = 0; k < magnitude; k++) {
      out[out.length - 1 - k] = byteAt(limbs, k);
    }
    return out;
  }

  /** The k-th least significant byte of a little-endian limb array. */
  private static byte byteAt(int[] limbs, int k) {
    return (byte) (limbs[k >>> 2] >>> ((k & 3) * 8));
  }
}
