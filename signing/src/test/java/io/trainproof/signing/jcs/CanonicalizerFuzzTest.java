package io.trainproof.signing.jcs;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.trainproof.signing.UnusableInputException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;

/**
 * Fuzz tests of the RFC 8785 canonicalizer ({@link JsonCanonicalizer}) and its ECMAScript number
 * formatting with Jazzer. Properties: the only exception is {@link UnusableInputException} (for
 * JSON that does not parse, repeats a key, exceeds the limits, or holds what JSON cannot carry
 * exactly); canonical output is canonical again unchanged (idempotent), parses strictly, and holds
 * the same value as the input (same members, same strings, numbers equal as IEEE-754 doubles); a
 * formatted double reads back as the same double and has ECMAScript's shape.
 *
 * <p>Regression inputs: {@code
 * src/test/resources/io/trainproof/signing/jcs/CanonicalizerFuzzTestInputs/} (the RFC 8785 inputs
 * among them); fuzzing command in {@code docs/FUZZING.md}.
 */
@Tag("slow")
class CanonicalizerFuzzTest {
  private static final Set<String> REJECTIONS = Set.of("json", StrictJson.LIMIT);

  @FuzzTest(maxDuration = "10s")
  void anyTextIsCanonicalizedLosslesslyOrRejectedTyped(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    String canonical;
    try {
      canonical = JsonCanonicalizer.canonicalize(text);
    } catch (UnusableInputException e) {
      assertThat(REJECTIONS).as(e.getMessage()).contains(e.what());
      return;
    }
    assertThat(JsonCanonicalizer.canonicalize(canonical)).as("idempotent").isEqualTo(canonical);
    assertSameValue(StrictJson.parse(text), StrictJson.parse(canonical));
  }

  @FuzzTest(maxDuration = "10s")
  void everyFiniteDoubleRoundTripsInEcmaScriptShape(FuzzedDataProvider data) {
    double value =
        data.consumeBoolean() ? data.consumeDouble() : Double.longBitsToDouble(data.consumeLong());
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      try {
        EcmaScriptNumbers.format(value);
        throw new AssertionError("formatted " + value);
      } catch (UnusableInputException expected) {
        return;
      }
    }
    String text = EcmaScriptNumbers.format(value);
    assertThat(text)
        .matches("-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?(e[+-][1-9][0-9]*)?|-?0\\.0*[1-9][0-9]*");
    assertThat(Double.parseDouble(text)).as(text).isEqualTo(value == 0 ? 0.0 : value);
  }

  private static void assertSameValue(JsonNode a, JsonNode b) {
    assertThat(b.getNodeType()).isEqualTo(a.getNodeType());
    if (a.isNumber()) {
      assertThat(b.doubleValue())
          .as(a + " vs " + b)
          .isEqualTo(a.doubleValue() == 0 ? 0.0 : a.doubleValue());
    } else if (a.isObject()) {
      assertThat(b.size()).isEqualTo(a.size());
      for (Map.Entry<String, JsonNode> field : a.properties()) {
        assertThat(b.has(field.getKey())).as(field.getKey()).isTrue();
        assertSameValue(field.getValue(), b.get(field.getKey()));
      }
    } else if (a.isArray()) {
      assertThat(b.size()).isEqualTo(a.size());
      for (int i = 0; i < a.size(); i++) {
        assertSameValue(a.get(i), b.get(i));
      }
    } else {
      assertThat(b).isEqualTo(a);
    }
  }
}
