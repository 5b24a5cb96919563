package io.trainproof.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.signing.UnusableInputException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The limb-based base58btc codec against the textbook {@link BigInteger} one it replaced, on random
 * bytes (with leading zeros) and random base58 text.
 */
class Base58Test {
  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger BASE = BigInteger.valueOf(58);

  @Property(tries = 3_000)
  void encodesAsTheBigIntegerAlgorithmAndDecodesBack(@ForAll("bytes") byte[] data) {
    String encoded = Base58.encode(data);

    assertThat(encoded).isEqualTo(referenceEncode(data));
    assertThat(Base58.decode(encoded)).isEqualTo(data);
  }

  @Property(tries = 3_000)
  void decodesAsTheBigIntegerAlgorithm(@ForAll("text") String text) {
    assertThat(Base58.decode(text)).isEqualTo(referenceDecode(text));
  }

  @Test
  void knownValuesAndRefusals() {
    assertThat(Base58.encode(new byte[0])).isEmpty();
    assertThat(Base58.encode(new byte[] {0, 0})).isEqualTo("11");
    assertThat(Base58.encode("Hello World!".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("2NEpo7TZRRrLZSi2U");
    assertThat(Base58.decode("")).isEmpty();
    assertThat(Base58.decode("1")).containsExactly(0);
    assertThatThrownBy(() -> Base58.decode("z0"))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("at 1");
    assertThatThrownBy(() -> Base58.decode("abcdefghI")).isInstanceOf(UnusableInputException.class);
    assertThatThrownBy(() -> Base58.decode("ab\u00e9")).isInstanceOf(UnusableInputException.class);
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    Arbitrary<byte[]> any = Arbitraries.bytes().array(byte[].class).ofMaxSize(100);
    Arbitrary<byte[]> leadingZeros =
        Arbitraries.bytes().between((byte) 0, (byte) 1).array(byte[].class).ofMaxSize(70);
    return Arbitraries.oneOf(any, leadingZeros);
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(120);
  }

  private static String referenceEncode(byte[] data) {
    int zeros = 0;
    while (zeros < data.length && data[zeros] == 0) {
      zeros++;
    }
    StringBuilder out = new StringBuilder();
    BigInteger value = new BigInteger(1, data);
    while (value.signum() > 0) {
      BigInteger[] qr = value.divideAndRemainder(BASE);
      out.append(ALPHABET.charAt(qr[1].intValue()));
      value = qr[0];
    }
    for (int i = 0; i < zeros; i++) {
      out.append('1');
    }
    return out.reverse().toString();
  }

  private static byte[] referenceDecode(String text) {
    int zeros = 0;
    while (zeros < text.length() && text.charAt(zeros) == '1') {
      zeros++;
    }
    BigInteger value = BigInteger.ZERO;
    for (int i = 0; i < text.length(); i++) {
      value = value.multiply(BASE).add(BigInteger.valueOf(ALPHABET.indexOf(text.charAt(i))));
    }
    byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
    int strip = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0;
    byte[] out = new byte[zeros + magnitude.length - strip];
    System.arraycopy(magnitude, strip, out, zeros, magnitude.length - strip);
    return out;
  }
}
