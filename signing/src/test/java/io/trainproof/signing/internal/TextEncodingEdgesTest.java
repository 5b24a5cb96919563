package io.trainproof.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.signing.UnusableInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edges of the text encodings that hostile input reaches: base58 characters just outside the
 * ASCII table, and hex text whose error says where the bad digit is.
 */
class TextEncodingEdgesTest {

  @ParameterizedTest
  @ValueSource(chars = {'\u007f', '\u0080', '\u0081', '\u00ff', '\u0100'})
  void base58RefusesEveryCharacterOutsideItsAlphabetAsUnusableInput(char c) {
    String text = "2N" + c;
    assertThatThrownBy(() -> Base58.decode(text))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("at 2");
    assertThatThrownBy(() -> Multibase.decodeBase58("z" + text))
        .isInstanceOf(UnusableInputException.class);
  }

  @Test
  void hexNamesThePlaceOfTheFirstBadDigit() {
    assertThatThrownBy(() -> Hex.decode("zz"))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("near 0");
    assertThatThrownBy(() -> Hex.decode("00zz"))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("near 2");
    assertThatThrownBy(() -> Hex.decode("00000g"))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("near 4");
    assertThatThrownBy(() -> Hex.decode("abc"))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("odd length 3");
    assertThat(Hex.decode("00fFa0")).containsExactly(0x00, 0xff, 0xa0);
    assertThat(Hex.encode(new byte[] {0x00, (byte) 0xff, (byte) 0xa0, 0x0f})).isEqualTo("00ffa00f");
  }

  @Test
  void aCodecPrefixMatchesOnlyAValueThatStartsWithAllOfIt() {
    byte[] codec = Multibase.ED25519_PUB;
    assertThat(Multibase.hasCodec(codec.clone(), codec)).isTrue();
    assertThat(Multibase.hasCodec(new byte[] {codec[0], codec[1], 9}, codec)).isTrue();
    assertThat(Multibase.hasCodec(new byte[] {codec[0]}, codec)).isFalse();
    assertThat(Multibase.hasCodec(new byte[0], codec)).isFalse();
    assertThat(Multibase.hasCodec(new byte[] {codec[0], 0x02}, codec)).isFalse();
    assertThat(Multibase.hasCodec(new byte[] {0x00, codec[1]}, codec)).isFalse();
  }

  @Test
  void multibaseAcceptsValuesUpToTheLimitAndRefusesLonger() {
    String atLimit = "z" + "2".repeat(Multibase.MAX_BASE58_CHARS - 1);
    assertThat(Multibase.decodeBase58(atLimit)).isEqualTo(Base58.decode(atLimit.substring(1)));
    assertThatThrownBy(() -> Multibase.decodeBase58(atLimit + "2"))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("longer than the limit");
    assertThatThrownBy(() -> Multibase.decodeBase58("")).isInstanceOf(UnusableInputException.class);
    assertThatThrownBy(() -> Multibase.decodeBase58("m2N"))
        .isInstanceOf(UnusableInputException.class);
  }

  @Test
  void pemSaysWhatIsWrongWithTheArmour() {
    String pem = Pem.encode("PUBLIC KEY", new byte[] {1, 2, 3});
    assertThat(Pem.decode(pem, "PUBLIC KEY")).containsExactly(1, 2, 3);
    assertThatThrownBy(() -> Pem.decode("no armour here", "PUBLIC KEY"))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("no PEM object found");
    assertThatThrownBy(() -> Pem.decode(pem, "PRIVATE KEY"))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("expected PRIVATE KEY but found PUBLIC KEY");
    assertThatThrownBy(
            () ->
                Pem.decode(
                    "-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n", "PUBLIC KEY"))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("malformed PEM");
  }
}
