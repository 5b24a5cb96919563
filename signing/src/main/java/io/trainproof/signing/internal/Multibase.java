package io.trainproof.signing.internal;

import io.trainproof.signing.UnusableInputException;
import java.util.Arrays;

/**
 * Multibase ({@code z} = base58btc only) and the multicodec prefixes of the key types this module
 * uses. Stateless and thread-safe.
 */
@SuppressWarnings(
    "MutablePublicArray") // why: internal codec prefixes, only read and copied; not API
public final class Multibase {
  /** Multicodec {@code ed25519-pub} (0xed) as varint. */
  public static final byte[] ED25519_PUB = {(byte) 0xed, 0x01};

  /** Multicodec {@code ed25519-priv} (0x1300) as varint. */
  public static final byte[] ED25519_PRIV = {(byte) 0x80, 0x26};

  /** Multicodec {@code p256-pub} (0x1200) as varint. */
  public static final byte[] P256_PUB = {(byte) 0x80, 0x24};

  /** Multicodec {@code p256-priv} (0x1306) as varint. */
  public static final byte[] P256_PRIV = {(byte) 0x86, 0x26};

  /** Multicodec {@code p384-pub} (0x1201) as varint. */
  public static final byte[] P384_PUB = {(byte) 0x81, 0x24};

  /** Multicodec {@code p384-priv} (0x1307) as varint. */
  public static final byte[] P384_PRIV = {(byte) 0x87, 0x26};

  /** Multicodec {@code p521-pub} (0x1202) as varint: recognised, not supported. */
  public static final byte[] P521_PUB = {(byte) 0x82, 0x24};

  /**
   * The longest base58btc value {@link #decodeBase58} accepts, header included. Everything this
   * module decodes is at most 96 bytes (a P-384 signature: at most 133 characters); base58 decoding
   * is quadratic in the length, so an unbounded value from a hostile credential would cost minutes.
   */
  public static final int MAX_BASE58_CHARS = 140;

  private Multibase() {}

  /**
   * Encodes bytes as base58btc multibase ({@code z…}).
   *
   * @param data the bytes
   * @return {@code z} followed by base58btc
   */
  public static String encodeBase58(byte[] data) {
    return "z" + Base58.encode(data);
  }

  /**
   * Decodes a base58btc multibase value.
   *
   * @param text the value, which must start with {@code z}
   * @return the bytes
   * @throws UnusableInputException when the header is not {@code z}, the value is longer than
   *     {@link #MAX_BASE58_CHARS} or the rest is not base58btc
   */
  public static byte[] decodeBase58(String text) {
    if (text.isEmpty() || text.charAt(0) != 'z') {
      throw new UnusableInputException("multibase", "expected base58btc header 'z'");
    }
    if (text.length() > MAX_BASE58_CHARS) {
      throw new UnusableInputException(
          "multibase",
          "value of "
              + text.length()
              + " characters is longer than the limit of "
              + MAX_BASE58_CHARS);
    }
    try {
      return Base58.decode(text.substring(1));
    } catch (UnusableInputException e) {
      throw new UnusableInputException("multibase", e.getMessage(), e);
    }
  }

  /**
   * Encodes a multicodec-prefixed value as multibase.
   *
   * @param codec the varint prefix
   * @param raw the value
   * @return the multibase text
   */
  public static String encodeWithCodec(byte[] codec, byte[] raw) {
    byte[] all = Arrays.copyOf(codec, codec.length + raw.length);
    System.arraycopy(raw, 0, all, codec.length, raw.length);
    return encodeBase58(all);
  }

  /**
   * Returns whether a decoded value starts with a codec prefix.
   *
   * @param decoded the decoded bytes
   * @param codec the varint prefix
   * @return true when it does
   */
  public static boolean hasCodec(byte[] decoded, byte[] codec) {
    if (decoded.length < codec.length) {
      return false;
    }
    for (int i = 0; i < codec.length; i++) {
      if (decoded[i] != codec[i]) {
        return false;
      }
    }
    return true;
  }
}
