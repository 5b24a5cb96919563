package io.trainproof.signing.jcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.signing.UnusableInputException;
import org.junit.jupiter.api.Test;

/** What fuzzing the canonicalizer found (CanonicalizerFuzzTest; inputs kept in its corpus). */
class CanonicalizerFindingsTest {
  @Test
  void theCanonicalFormOfALargeIntegerIsCanonicalAgain() {
    // 27775555555555552 is a double (a multiple of 4 above 2^54); ECMAScript writes it with the
    // shortest digits, 27775555555555550, an integer no double equals. That text was refused
    // when canonicalized again, so canonical output was not canonical input.
    String canonical = JsonCanonicalizer.canonicalize("27775555555555552");
    assertThat(canonical).isEqualTo("27775555555555550");
    assertThat(JsonCanonicalizer.canonicalize(canonical)).isEqualTo(canonical);
    assertThat(JsonCanonicalizer.canonicalize("[9007199254740993000]"))
        .isEqualTo("[9007199254740993000]");
  }

  @Test
  void anIntegerThatIsNeitherADoubleNorTheCanonicalTextOfOneIsStillRefused() {
    assertThatThrownBy(() -> JsonCanonicalizer.canonicalize("27775555555555551"))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("no exact IEEE-754 double");
    assertThatThrownBy(() -> JsonCanonicalizer.canonicalize("9007199254740993"))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("no exact IEEE-754 double");
  }
}
