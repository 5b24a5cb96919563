package io.trainproof.signing.internal;

import io.trainproof.signing.UnusableInputException;

/** Lower-case hexadecimal. Stateless and thread-safe. */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /**
   * Encodes bytes as lower-case hex.
   *
   * @param data the bytes
   * @return the hex text
   */
  public static String encode(byte[] data) {
    char[] out = new char[data.length * 2];
    for (int i = 0; i < data.length; i++) {
      out[2 * i] = DIGITS[(data[i] >> 4) & 0xf];
      out[2 * i + 1] = DIGITS[data[i] & 0xf];
    }
    return new String(out);
  }

  /**
   * Decodes hex text (either case).
   *
   * @param text the text, of even length
   * @return the bytes
   */
  public static byte[] decode(String text) {
    if (text.length() % 2 != 0) {
      throw new UnusableInputException("hex", "odd length " + text.length());
    }
    byte[] out = new byte[text.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(text.charAt(2 * i), 16);
      int lo = Character.digit(text.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw new UnusableInputException("hex", "not a hex digit near " + (2 * i));
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }
}
