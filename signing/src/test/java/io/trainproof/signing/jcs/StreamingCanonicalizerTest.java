package io.trainproof.signing.jcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.Resources;
import io.trainproof.signing.UnusableInputException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming canonicalizer ({@link JsonCanonicalizer#canonicalize(String)}, which parses JSON
 * text straight into canonical bytes) and the buffer-writing tree canonicalizer, both checked
 * against {@link ReferenceCanonicalizer} (the tree canonicalizer they replaced) on random JSON, the
 * RFC 8785 vectors, and what strict parsing must refuse.
 */
@Tag("slow")
@net.jqwik.api.Tag("slow")
class StreamingCanonicalizerTest {
  private static final ObjectMapper ESCAPING =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  @ParameterizedTest
  @ValueSource(strings = {"arrays.json", "structures.json", "unicode.json"})
  void publishedVectorsCanonicalizeByteForByteFromText(String name) {
    String input = Resources.text("vectors/rfc8785/input/" + name);
    byte[] expected =
        Resources.text("vectors/rfc8785/output/" + name).getBytes(StandardCharsets.UTF_8);

    assertThat(JsonCanonicalizer.canonicalize(input).getBytes(StandardCharsets.UTF_8))
        .isEqualTo(expected);
  }

  @Property(tries = 500)
  void textAndTreeCanonicalizersAgreeWithTheReference(
      @ForAll("documents") JsonNode document, @ForAll long seed) {
    String expected = outcome(() -> ReferenceCanonicalizer.canonicalize(document));

    assertThat(outcome(() -> JsonCanonicalizer.canonicalize(document))).isEqualTo(expected);
    assertThat(
            outcome(
                () ->
                    new String(JsonCanonicalizer.canonicalBytes(document), StandardCharsets.UTF_8)))
        .isEqualTo(expected);
    for (String text : texts(document, new Random(seed))) {
      assertThat(outcome(() -> JsonCanonicalizer.canonicalize(text))).as(text).isEqualTo(expected);
    }
  }

  @Property(tries = 300)
  void replacingTopLevelMembersWithoutCopyingIsCanonicalizingTheChangedCopy(
      @ForAll("documents") JsonNode document, @ForAll("documents") JsonNode replacement) {
    if (!document.isObject()) {
      return;
    }
    ObjectNode object = (ObjectNode) document;
    String before = object.toString();
    Map<String, JsonNode> changes = new HashMap<>();
    Iterator<String> names = object.fieldNames();
    if (names.hasNext()) {
      changes.put(names.next(), null);
    }
    if (names.hasNext()) {
      changes.put(names.next(), replacement);
    }
    changes.put("\uD83D\uDE00added", replacement);
    ObjectNode copy = object.deepCopy();
    changes.forEach(
        (name, value) -> {
          if (value == null) {
            copy.remove(name);
          } else {
            copy.set(name, value);
          }
        });

    String expected = outcome(() -> ReferenceCanonicalizer.canonicalize(copy));

    assertThat(
            outcome(
                () ->
                    new String(
                        JsonCanonicalizer.canonicalBytes(object, changes), StandardCharsets.UTF_8)))
        .isEqualTo(expected);
    assertThat(object.toString()).isEqualTo(before);
  }

  @Property(tries = 1_000)
  void anyTextIsAcceptedOrRefusedAsStrictParsingDoes(@ForAll("jsonish") String text) {
    String expected = outcome(() -> ReferenceCanonicalizer.canonicalize(StrictJson.parse(text)));

    assertThat(outcome(() -> JsonCanonicalizer.canonicalize(text))).as(text).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "\uFEFF{}",
        "{\"a\":1,}",
        "[1,]",
        "[,1]",
        "\u000b1",
        "\"a\u0001\"",
        "\"\t\"",
        "\"\\x\"",
        "\"\\U0041\"",
        "\"\\u12\"",
        "\"\\u12g4\"",
        "\"abc",
        "\"\\",
        "01",
        "-01",
        "-",
        "1.",
        "1e",
        "1e+",
        "1.e5",
        "+1",
        ".5",
        "0x10",
        "[1]]",
        "[1",
        "{",
        "{\"a\"",
        "{\"a\":",
        "{\"a\" 1}",
        "{1:2}",
        "{'a':1}",
        "{\"a\":1}x",
        "1x",
        "[1]x",
        "1 2",
        "tru",
        "nul",
        "truex",
        "[true1]",
        "NaN",
        "-Infinity",
        "/*c*/1",
        "[1,2 3]",
        "{\"a\":1 \"b\":2}",
        "\u00a01",
        "{\"a\":1,\"a\":2}",
        "{\"b\":1,\"a\":2,\"b\":3}",
        "[{\"x\":{\"y\":1,\"y\":1}}]",
        "{\"\":1,\"\":2}",
        "\"\\uD800\"",
        "\"\\uDC00x\"",
        "[\"\\uD83D\"]",
        "{\"\\uD83D\":1}",
        "9007199254740993",
        "1E400",
        "-1e309",
      })
  void refusesWhatStrictParsingOrExactRepresentationRefuses(String text) {
    String reference = outcome(() -> ReferenceCanonicalizer.canonicalize(StrictJson.parse(text)));

    assertThat(reference).startsWith("refused:");
    assertThatThrownBy(() -> JsonCanonicalizer.canonicalize(text))
        .isInstanceOf(UnusableInputException.class);
    assertThat(outcome(() -> JsonCanonicalizer.canonicalize(text))).isEqualTo(reference);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-0",
        "-0.0",
        "0",
        "1E2",
        "1e-7",
        "[]",
        "{}",
        " [ ] ",
        "\t{\r\n}\n",
        "\"\\/\\b\\f\\n\\r\\t\\\"\\\\\"",
        "\"\\u00e9\\u00E9\\ud83d\\ude00\"",
        "\"\u2028\u2029\"",
        "{\"b\":[],\"a\":{},\"\":null}",
        "9007199254740992",
        "-9007199254740992",
        "18014398509481984",
        "123456789012345",
        "1234567890123456",
        "100000000000000000000",
        "0.1",
        "56.0",
        "[1,true,false,null,\"x\",{\"z\":0,\"y\":[{\"b\":1,\"a\":2}]}]",
      })
  void acceptsWhatStrictParsingAcceptsAndAgreesWithTheReference(String text) {
    assertThat(JsonCanonicalizer.canonicalize(text))
        .isEqualTo(ReferenceCanonicalizer.canonicalize(StrictJson.parse(text)));
  }

  @Test
  void duplicateNamesAreRefusedWhereverTheyStand() {
    StringBuilder large = new StringBuilder("{");
    for (int i = 40; i > 0; i--) {
      large.append("\"m").append(i % 30).append("\":").append(i).append(i > 1 ? "," : "}");
    }
    for (String text :
        List.of(
            large.toString(),
            "{\"a\":1,\"a\":1}",
            "{\"z\":1,\"a\":0,\"z\":2}",
            "{\"a\":{\"c\":1,\"b\":2,\"c\":3}}",
            "[0,{\"k\":[{\"n\":1,\"m\":2,\"n\":3}]}]")) {
      assertThatThrownBy(() -> JsonCanonicalizer.canonicalize(text))
          .as(text)
          .isInstanceOf(UnusableInputException.class)
          .hasMessageContaining("uplicate");
    }
  }

  @Test
  void limitsAreThoseOfStrictParsing() {
    String deepest = "[".repeat(64) + "]".repeat(64);
    String tooDeep = "[".repeat(65) + "]".repeat(65);
    assertThat(JsonCanonicalizer.canonicalize(deepest)).isEqualTo(deepest);
    assertThatThrownBy(() -> JsonCanonicalizer.canonicalize(tooDeep))
        .satisfies(
            e -> assertThat(((UnusableInputException) e).what()).isEqualTo(StrictJson.LIMIT));
    assertThatThrownBy(() -> StrictJson.parse(tooDeep))
        .satisfies(
            e -> assertThat(((UnusableInputException) e).what()).isEqualTo(StrictJson.LIMIT));
    String tooLong = "\"" + "x".repeat(JsonLimits.DEFAULT.maxChars()) + "\"";
    assertThatThrownBy(() -> JsonCanonicalizer.canonicalize(tooLong))
        .satisfies(
            e -> assertThat(((UnusableInputException) e).what()).isEqualTo(StrictJson.LIMIT));
    String longestInteger = "1" + "0".repeat(999);
    assertThatThrownBy(() -> JsonCanonicalizer.canonicalize("1" + longestInteger))
        .satisfies(
            e -> assertThat(((UnusableInputException) e).what()).isEqualTo(StrictJson.LIMIT));
    assertThatThrownBy(() -> JsonCanonicalizer.canonicalize(longestInteger))
        .satisfies(e -> assertThat(((UnusableInputException) e).what()).isEqualTo("json"))
        .hasMessageContaining("no exact IEEE-754");
  }

  @Test
  void aLargeDocumentAfterASmallOneOnTheSameThreadIsComplete() {
    ObjectNode big = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < 20_000; i++) {
      big.put("k" + (19_999 - i), "v\u00e9\uD83D\uDE00" + i);
    }
    assertThat(JsonCanonicalizer.canonicalize("{\"b\":1,\"a\":2}")).isEqualTo("{\"a\":2,\"b\":1}");
    assertThat(JsonCanonicalizer.canonicalize(StrictJson.write(big)))
        .isEqualTo(ReferenceCanonicalizer.canonicalize(big));
    assertThat(JsonCanonicalizer.canonicalize(big))
        .isEqualTo(ReferenceCanonicalizer.canonicalize(big));
    assertThat(JsonCanonicalizer.canonicalize("{\"b\":1,\"a\":2}")).isEqualTo("{\"a\":2,\"b\":1}");
  }

  /**
   * The same document as compact text, indented text, text with every non-ASCII char escaped, and
   * with random whitespace.
   */
  private static List<String> texts(JsonNode document, Random random) {
    try {
      String compact = StrictJson.write(document);
      return List.of(
          compact,
          StrictJson.writePretty(document),
          ESCAPING.writeValueAsString(document),
          sprinkleWhitespace(compact, random));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Inserts whitespace between tokens: next to structural chars, outside strings. */
  private static String sprinkleWhitespace(String compact, Random random) {
    StringBuilder out = new StringBuilder();
    boolean inString = false;
    for (int i = 0; i < compact.length(); i++) {
      char c = compact.charAt(i);
      boolean betweenTokens =
          "{}[],:".indexOf(c) >= 0 || (i > 0 && "{}[],:".indexOf(compact.charAt(i - 1)) >= 0);
      if (!inString && betweenTokens && random.nextInt(3) == 0) {
        out.append(" \t\r\n".charAt(random.nextInt(4)));
      }
      out.append(c);
      if (c == '"'
          && (i == 0 || compact.charAt(i - 1) != '\\' || escapedBackslashBefore(compact, i))) {
        inString = !inString;
      }
    }
    return out.toString();
  }

  private static boolean escapedBackslashBefore(String text, int quote) {
    int backslashes = 0;
    for (int i = quote - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 0;
  }

  /** What canonicalizing gives: the text, or how it was refused. */
  private static String outcome(Supplier<String> canonicalize) {
    try {
      return "canonical:" + canonicalize.get();
    } catch (UnusableInputException e) {
      return "refused:" + e.what();
    }
  }

  @Provide
  Arbitrary<JsonNode> documents() {
    return value(4);
  }

  private static Arbitrary<JsonNode> value(int depth) {
    // why: values JCS refuses (huge inexact integers, lone surrogates) are rare, so that most
    // documents canonicalize and the comparison is of canonical text, not only of refusals
    Arbitrary<JsonNode> scalar =
        Arbitraries.frequencyOf(
            Tuple.of(10, strings().map(JsonNodeFactory.instance::textNode)),
            Tuple.of(
                3,
                Arbitraries.longs()
                    .between(-(1L << 53), 1L << 53)
                    .map(JsonNodeFactory.instance::numberNode)),
            Tuple.of(
                3,
                Arbitraries.integers()
                    .between(-1000, 1000)
                    .map(JsonNodeFactory.instance::numberNode)),
            Tuple.of(1, Arbitraries.longs().map(JsonNodeFactory.instance::numberNode)),
            Tuple.of(
                1,
                Arbitraries.bigIntegers()
                    .between(BigInteger.TWO.pow(52).negate(), BigInteger.TWO.pow(80))
                    .map(JsonNodeFactory.instance::numberNode)),
            Tuple.of(
                1,
                Arbitraries.integers()
                    .between(53, 80)
                    .map(bits -> JsonNodeFactory.instance.numberNode(BigInteger.TWO.pow(bits)))),
            Tuple.of(
                3,
                Arbitraries.longs()
                    .map(
                        bits ->
                            JsonNodeFactory.instance.numberNode(
                                finite(Double.longBitsToDouble(bits))))),
            Tuple.of(2, Arbitraries.doubles().map(JsonNodeFactory.instance::numberNode)),
            Tuple.of(
                3,
                Arbitraries.of(
                    JsonNodeFactory.instance.booleanNode(true),
                    JsonNodeFactory.instance.booleanNode(false),
                    JsonNodeFactory.instance.nullNode())));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<JsonNode> array =
        value(depth - 1)
            .list()
            .ofMaxSize(5)
            .map(
                items -> {
                  ArrayNode node = JsonNodeFactory.instance.arrayNode();
                  items.forEach(node::add);
                  return node;
                });
    Arbitrary<JsonNode> object =
        Arbitraries.maps(strings(), value(depth - 1))
            .ofMaxSize(depth <= 1 ? 30 : 6)
            .map(
                members -> {
                  ObjectNode node = JsonNodeFactory.instance.objectNode();
                  members.forEach(node::set);
                  return node;
                });
    return Arbitraries.frequencyOf(Tuple.of(3, scalar), Tuple.of(2, array), Tuple.of(3, object));
  }

  private static double finite(double value) {
    return Double.isFinite(value) ? value : 0.5;
  }

  /**
   * Names and values: ASCII, control chars, escapes' chars, Latin-1, BMP, surrogate pairs, lone
   * surrogates (rarely).
   */
  private static Arbitrary<String> strings() {
    Arbitrary<String> typical =
        Arbitraries.strings()
            .withCharRange('a', 'f')
            .withCharRange('A', 'F')
            .withChars(
                '"', '\\', '/', '\b', '\f', '\n', '\r', '\t', '\u0000', '\u001f', '\u007f',
                '\u00e9', '\u20ac', '\uFB33', '\uFFFF', '\u2028')
            .ofMaxLength(6);
    Arbitrary<String> astral =
        Arbitraries.of("\uD83D\uDE00", "a\uD834\uDD1Eb", "\uDBFF\uDFFF", "\uD800\uDC00");
    Arbitrary<String> lone = Arbitraries.of("\uD800", "x\uDC00", "\uDBFFz");
    return Arbitraries.frequencyOf(Tuple.of(150, typical), Tuple.of(20, astral), Tuple.of(1, lone));
  }

  @Provide
  Arbitrary<String> jsonish() {
    // short strings over JSON's alphabet: most are malformed, some are not
    return Arbitraries.strings()
        .withChars(
            '{', '}', '[', ']', '"', ':', ',', '\\', 'u', '0', '1', '9', '-', '+', '.', 'e', 'E',
            ' ', '\n', 'a', 't', 'r', 'n', 'l', '\u00e9', '\uD83D', '\uDE00')
        .ofMaxLength(12);
  }
}
