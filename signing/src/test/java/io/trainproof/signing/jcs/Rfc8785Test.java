package io.trainproof.signing.jcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.Resources;
import io.trainproof.signing.UnusableInputException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 8785 canonicalization. The file vectors are cyberphone/json-canonicalization testdata (copied
 * from shared/vectors/rfc8785 into src/test/resources/vectors/rfc8785).
 */
class Rfc8785Test {

  @ParameterizedTest
  @ValueSource(strings = {"arrays.json", "structures.json", "unicode.json"})
  void publishedVectorsCanonicalizeByteForByte(String name) {
    String input = Resources.text("vectors/rfc8785/input/" + name);
    byte[] expected =
        Resources.text("vectors/rfc8785/output/" + name).getBytes(StandardCharsets.UTF_8);

    assertThat(JsonCanonicalizer.canonicalBytes(StrictJson.parse(input))).isEqualTo(expected);
  }

  @Test
  void rfcValuesExample() {
    // RFC 8785 section 3.2.2 example input and output
    String input =
        "{\"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],"
            + "\"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\","
            + "\"literals\": [null, true, false]}";
    String expected =
        "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
            + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";

    assertThat(JsonCanonicalizer.canonicalize(input)).isEqualTo(expected);
  }

  @Test
  void sortsByUtf16CodeUnitsNotCodePoints() {
    // RFC 8785 section 3.2.3: U+1F600 (surrogates D83D DE00) sorts before U+FB33 (FB33)
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("\uFB33", 1);
    node.put("\uD83D\uDE00", 2);
    node.put("\u00e9", 3);
    node.put("\r", 4);

    assertThat(JsonCanonicalizer.canonicalize(node))
        .isEqualTo("{\"\\r\":4,\"\u00e9\":3,\"\uD83D\uDE00\":2,\"\uFB33\":1}");
  }

  @ParameterizedTest
  @CsvSource({
    "0000000000000000, 0",
    "8000000000000000, 0",
    "0000000000000001, 5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "4340000000000001, 9007199254740994",
    "444b1ae4d6e2ef50, 1e+21",
    "444b1ae4d6e2ef4f, 999999999999999900000",
    "3eb0c6f7a0b5ed8d, 0.000001",
    "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
    "41b3de4355555553, 333333333.3333332",
    "43143ff3c1cb0959, 1424953923781206.2",
    "44b52d02c7e14af6, 1e+23",
  })
  void formatsLikeEcmaScript(String hex, String expected) {
    double value = Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
    assertThat(EcmaScriptNumbers.format(value)).isEqualTo(expected);
  }

  @Test
  void rejectsWhatCannotBeRepresentedExactly() {
    assertThatThrownBy(() -> EcmaScriptNumbers.format(Double.NaN))
        .isInstanceOf(UnusableInputException.class);
    assertThatThrownBy(() -> EcmaScriptNumbers.format(Double.POSITIVE_INFINITY))
        .isInstanceOf(UnusableInputException.class);
    ObjectNode big = JsonNodeFactory.instance.objectNode();
    big.put("n", new BigInteger("9007199254740993"));
    assertThatThrownBy(() -> JsonCanonicalizer.canonicalize(big))
        .isInstanceOf(UnusableInputException.class);
    ObjectNode lone = JsonNodeFactory.instance.objectNode();
    lone.put("s", "\uD800");
    assertThatThrownBy(() -> JsonCanonicalizer.canonicalize(lone))
        .isInstanceOf(UnusableInputException.class);
    // an exactly representable large integer is fine, in ECMAScript form
    ObjectNode exact = JsonNodeFactory.instance.objectNode();
    exact.put("n", new BigInteger("18014398509481984"));
    assertThat(JsonCanonicalizer.canonicalize(exact)).isEqualTo("{\"n\":18014398509481984}");
  }

  @Test
  void signedPayloadsHoldIntegersOnly() {
    assertThatThrownBy(
            () ->
                JsonCanonicalizer.requireIntegersOnly(StrictJson.parse("{\"a\":[1,{\"b\":2.5}]}")))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("/a/1/b");
    JsonCanonicalizer.requireIntegersOnly(StrictJson.parse("{\"a\":[1,{\"b\":-7}]}"));
  }

  @Test
  void strictParsingRejectsDuplicatesTrailingContentAndDeepNesting() {
    assertThatThrownBy(() -> StrictJson.parse("{\"a\":1,\"a\":2}"))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("uplicate");
    assertThatThrownBy(() -> StrictJson.parse("{\"a\":1} {}"))
        .isInstanceOf(UnusableInputException.class);
    assertThatThrownBy(() -> StrictJson.parse("[".repeat(100) + "]".repeat(100)))
        .isInstanceOf(UnusableInputException.class)
        .satisfies(
            e -> assertThat(((UnusableInputException) e).what()).isEqualTo(StrictJson.LIMIT));
    assertThatThrownBy(
            () -> StrictJson.parse("\"" + "x".repeat(100) + "\"", new JsonLimits(50, 10)))
        .satisfies(
            e -> assertThat(((UnusableInputException) e).what()).isEqualTo(StrictJson.LIMIT));
  }
}
