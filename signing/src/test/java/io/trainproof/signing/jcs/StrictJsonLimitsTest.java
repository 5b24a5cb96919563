package io.trainproof.signing.jcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.signing.UnusableInputException;
import org.junit.jupiter.api.Test;

/** {@link StrictJson#parse(String, JsonLimits)} applies the limits it is given, exactly. */
class StrictJsonLimitsTest {

  @Test
  void textOfExactlyTheCharLimitIsParsedAndOneMoreIsRefused() {
    JsonLimits limits = new JsonLimits(10, 8);
    assertThat(StrictJson.parse("[12345678]", limits).get(0).intValue()).isEqualTo(12_345_678);
    assertThatThrownBy(() -> StrictJson.parse("[123456789]", limits))
        .isInstanceOfSatisfying(
            UnusableInputException.class, e -> assertThat(e.what()).isEqualTo(StrictJson.LIMIT))
        .hasMessageContaining("11")
        .hasMessageContaining("10");
  }

  @Test
  void aDepthLimitSmallerThanTheDefaultIsApplied() {
    JsonLimits limits = new JsonLimits(1_000, 3);
    assertThat(StrictJson.parse("[[[1]]]", limits).get(0).get(0).get(0).intValue()).isEqualTo(1);
    assertThatThrownBy(() -> StrictJson.parse("[[[[1]]]]", limits))
        .isInstanceOfSatisfying(
            UnusableInputException.class, e -> assertThat(e.what()).isEqualTo(StrictJson.LIMIT));
  }

  @Test
  void theDefaultLimitsAcceptADepthOf64AndRefuse65() {
    String nested = "[".repeat(64) + "]".repeat(64);
    assertThat(StrictJson.parse(nested).isArray()).isTrue();
    assertThat(StrictJson.parse(nested, JsonLimits.DEFAULT).isArray()).isTrue();
    assertThatThrownBy(() -> StrictJson.parse("[".repeat(65) + "]".repeat(65), JsonLimits.DEFAULT))
        .isInstanceOfSatisfying(
            UnusableInputException.class, e -> assertThat(e.what()).isEqualTo(StrictJson.LIMIT));
  }
}
