package io.trainproof.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.signing.UnusableInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The edges of the text encodings that hostile input reaches: base58 characters just outside
 * the ASCII table, and hex text whose error says where the bad digit is.
 */
class TextEncodingEdgesTest {

  @ParameterizedTest
  @ValueSource(chars = {'\u007f', '\u0080', '\u0081', '\u00ff', '\u0100'})
  void base58RefusesEveryCharacterOutsideItsAlphabetAsUnusableInput(char c) {
    String text = "2N" + c;
    assertThatThrownBy(() -> Base58.decode(text))
        .isInstanceOf(UnusableInputException.class).hasMessageContaining("at 2");
    assertThatThrownBy(() -> Multibase.decodeBase58("z" + text))
        .isInstanceOf(UnusableInputException.class);
  }

  @Test
  void hexNamesThePlaceOfTheFirstBadDigit() {
    assertThatThrownBy(() -> Hex.decode("zz")).isInstanceOf(UnusableInputException.class).hasMessageContaining("near 0");
    assertThatThrownBy(() -> Hex.decode("00zz")).isInstanceOf(UnusableInputException.class).hasMessageContaining("near 2");
    assertThatThrownBy(() -> Hex.decode("00000g")).isInstanceOf(UnusableInputException.class).hasMessageContaining("near 4");
    assertThatThrownBy(() -> Hex.decode("abc")).isInstanceOf(UnusableInputException.class).hasMessageContaining("odd length 3");
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
}
