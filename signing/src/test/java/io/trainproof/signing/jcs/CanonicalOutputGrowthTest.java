package io.trainproof.signing.jcs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Canonical output larger than any buffer a thread keeps between calls (64 KiB) is written whole,
 * by each kind of write: literals, integers from a tree and from text, long strings with escapes,
 * and an object's text with an added member.
 */
class CanonicalOutputGrowthTest {
  private static final String[] LITERALS = {"true", "false", "null"};

  /** Compact JSON that is already canonical: an array of the given element texts. */
  private static String array(int count, IntFunction<String> element) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(element.apply(i));
    }
    return out.append(']').toString();
  }

  private static void assertCanonicalBothWays(String canonical) {
    JsonNode tree = StrictJson.parse(canonical);
    assertThat(JsonCanonicalizer.canonicalize(canonical)).isEqualTo(canonical);
    assertThat(JsonCanonicalizer.canonicalize(tree)).isEqualTo(canonical);
    assertThat(JsonCanonicalizer.canonicalBytes(tree))
        .isEqualTo(canonical.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void manyLiteralsOfMixedLengths() {
    assertCanonicalBothWays(array(40_000, i -> LITERALS[(i * 7 + i / 3) % 3]));
  }

  @Test
  void manyIntegersOfMixedLengths() {
    long[] values = {
      0, 7, -42, 123_456_789_012L, -9_007_199_254_740_990L, 9_007_199_254_740_989L, 1_000_000
    };
    // why: lengths drawn at random, so that some integer straddles each size the buffer grows to
    Random random = new Random(5);
    assertCanonicalBothWays(
        array(30_000, i -> Long.toString(values[random.nextInt(values.length)] + (i % 3))));
  }

  @Test
  void longStringsWithEscapesAndNonAscii() {
    String piece = "é\"\\\n\u0001€😀abc";
    String value = piece.repeat(9_000);
    ObjectNode object = StrictJson.mapper().createObjectNode();
    object.put("s", value);
    ArrayNode array = object.putArray("a");
    for (int i = 1; i <= 300; i++) {
      array.add("é".repeat(i));
    }
    StringBuilder expected = new StringBuilder("{\"a\":[");
    for (int i = 1; i <= 300; i++) {
      expected.append(i > 1 ? "," : "").append('"').append("é".repeat(i)).append('"');
    }
    expected.append("],\"s\":\"").append("é\\\"\\\\\\n\\u0001€😀abc".repeat(9_000)).append("\"}");

    assertThat(JsonCanonicalizer.canonicalize(object)).isEqualTo(expected.toString());
    assertThat(JsonCanonicalizer.canonicalize(StrictJson.write(object)))
        .isEqualTo(expected.toString());
  }

  @Test
  void anObjectsTextWithAMemberAddedWhenTheTextIsLargerThanTheKeptBuffer() {
    ObjectNode object = StrictJson.mapper().createObjectNode();
    object.put("z", "x".repeat(100_000));
    object.put("a", 1);
    CanonicalObject canonical = CanonicalObject.of(object);

    String text = canonical.textWithMember("proof", StrictJson.parse("{\"b\":2,\"a\":1}"));

    assertThat(text)
        .isEqualTo("{\"z\":\"" + "x".repeat(100_000) + "\",\"a\":1,\"proof\":{\"a\":1,\"b\":2}}");
  }
}
