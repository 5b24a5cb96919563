package io.trainproof.signing.jcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.signing.Fixture;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.verify.CheckKind;
import io.trainproof.signing.verify.FailureReason;
import io.trainproof.signing.verify.VerificationResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 17, finding 8 (part): bytes that are not UTF-8 are refused, naming the byte offset, instead
 * of being read with U+FFFD in place of the bad sequence (which makes two different inputs the same
 * text).
 */
class StrictJsonUtf8Test {

  /** {@code {"name":"x…y"}} with the given bytes in place of the ellipsis, at byte offset 10. */
  private static byte[] withBytesAt10(int... bad) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("{\"name\":\"x".getBytes(StandardCharsets.US_ASCII));
    for (int b : bad) {
      out.write(b);
    }
    out.writeBytes("y\"}".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "a lone continuation byte, 80",
    "a truncated two-byte sequence, C3",
    "an overlong slash, C0 AF",
    "an overlong three-byte form, E0 80 AF",
    "an encoded surrogate (CESU-8), ED A0 80",
    "a code point past U+10FFFF, F4 90 80 80",
    "a byte that never occurs, FF",
  })
  void invalidUtf8IsRefusedNamingTheOffset(String what, String hex) {
    String[] parts = hex.split(" ", -1);
    int[] bad = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      bad[i] = Integer.parseInt(parts[i], 16);
    }

    assertThatThrownBy(() -> StrictJson.parse(withBytesAt10(bad)))
        .as(what)
        .isInstanceOfSatisfying(
            UnusableInputException.class, e -> assertThat(e.what()).isEqualTo(StrictJson.ENCODING))
        .hasMessageContaining("byte offset 10")
        .hasMessageNotContaining("name");
  }

  @Test
  void aTruncatedSequenceAtTheEndIsRefused() {
    byte[] text = "{\"a\":\"\u00e9\"}".getBytes(StandardCharsets.UTF_8);
    byte[] cut = Arrays.copyOf(text, 7);
    assertThatThrownBy(() -> StrictJson.parse(cut))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("byte offset 6");
  }

  @Test
  void validUtf8OfEveryWidthParsesAsTheSameTextAsTheString() {
    String json = "{\"name\":\"A\u00e9\u4e2d\uD83D\uDE00\"}";
    assertThat(StrictJson.parse(json.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(StrictJson.parse(json));
  }

  @Test
  void theByteLimitIsCheckedBeforeDecoding() {
    JsonLimits small = new JsonLimits(10, 8);
    assertThatThrownBy(() -> StrictJson.parse(new byte[31], small))
        .isInstanceOfSatisfying(
            UnusableInputException.class, e -> assertThat(e.what()).isEqualTo(StrictJson.LIMIT));
    assertThatThrownBy(
            () -> StrictJson.parse("[\"0123456789\"]".getBytes(StandardCharsets.UTF_8), small))
        .isInstanceOfSatisfying(
            UnusableInputException.class, e -> assertThat(e.what()).isEqualTo(StrictJson.LIMIT));
  }

  @Test
  void theVerifierRefusesInvalidUtf8AsMalformedJson() {
    Fixture f = new Fixture();
    String certificate = f.issuer().issueCertificate(Fixture.certificate()).json();
    byte[] good = certificate.getBytes(StandardCharsets.UTF_8);
    assertThat(f.verifier().verify(good).verified()).isTrue();

    // "Example Health Clinic" with its 'E' (ASCII 0x45) written as an overlong 0xC1 0x85
    String marker = "Example Health Clinic";
    int at = certificate.indexOf(marker);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(good, 0, at);
    out.write(0xC1);
    out.write(0x85);
    out.write(good, at + 1, good.length - at - 1);

    VerificationResult result = f.verifier().verify(out.toByteArray());

    assertThat(result.verified()).isFalse();
    assertThat(result.failureReasons()).containsExactly(FailureReason.MALFORMED_JSON);
    assertThat(result.checks(CheckKind.WELL_FORMED).get(0).detail()).contains("byte offset " + at);
  }
}
