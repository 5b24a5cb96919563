package io.trainproof.signing.jcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.signing.UnusableInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming canonicalizer at its edges: the size limit to the char, input that ends early (also
 * after a longer input on the same thread), escapes next to plain characters, and errors that say
 * what was expected and where.
 */
class CanonicalParserEdgesTest {

  static String message(String json) {
    try {
      JsonCanonicalizer.canonicalize(json);
    } catch (UnusableInputException e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted: " + json);
  }

  @Test
  void inputOfExactlyTheLimitIsReadAndOneCharMoreIsRefused() {
    int limit = JsonLimits.DEFAULT.maxChars();
    String atLimit = "\"" + "a".repeat(limit - 2) + "\"";

    assertThat(JsonCanonicalizer.canonicalize(atLimit)).hasSize(limit);
    assertThatThrownBy(() -> JsonCanonicalizer.canonicalize(atLimit + " "))
        .isInstanceOf(UnusableInputException.class)
        .satisfies(
            e -> assertThat(((UnusableInputException) e).what()).isEqualTo(StrictJson.LIMIT));
  }

  @Test
  void inputThatEndsEarlyIsRefusedEvenAfterALongerInputOnTheSameThread() {
    // why: the parser reads from a buffer reused per thread; what a longer input left behind
    // must never complete a shorter one
    assertThat(JsonCanonicalizer.canonicalize("[]")).isEqualTo("[]");
    assertThat(message("[")).contains("unexpected end of input");
    assertThat(JsonCanonicalizer.canonicalize("123e5")).isEqualTo("12300000");
    assertThat(message("tru")).contains("unrecognized token at 0: expected true");
    assertThat(JsonCanonicalizer.canonicalize("[1e+5]")).isEqualTo("[100000]");
    assertThat(message("1e")).contains("exponent without digits, at 1");
  }

  @Test
  void errorsSayWhatWasExpectedAndWhere() {
    assertThat(message("[1")).contains("expected ',' or ']'");
    assertThat(message("{\"a\":1")).contains("expected ',' or '}'");
    assertThat(message("[1x]")).contains("unexpected character 'x' at 2: expected ',' or ']'");
    assertThat(message("{\"a\":1]")).contains("unexpected character ']' at 6: expected ',' or '}'");
    assertThat(message("[00]")).contains("leading zeros are not allowed, at 1");
    assertThat(message("1.")).contains("decimal point not followed by a digit, at 1");
    assertThat(message("[1.e5]")).contains("decimal point not followed by a digit, at 2");
    assertThat(message("\"\\x\"")).contains("unrecognized escape '\\x' at 2");
    assertThat(message("\"\\n\u0001\""))
        .contains("unescaped control character U+0001 in a string at 3");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[\u007f]", "[~x]", "[\u00e9]"})
  void unexpectedCharactersArePrintedOrNamedByCodePoint(String json) {
    char c = json.charAt(1);
    String expected = c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    assertThat(message(json)).contains("unexpected character " + expected + " at 1");
  }

  @Test
  void escapesMixWithSpacesAndBothCasesOfHexDigits() {
    String json = "[\"a b\\n\",\"\\uafaf\\uAFAF\\u00fa\\u00FA\"]";
    assertThat(JsonCanonicalizer.canonicalize(json))
        .isEqualTo(JsonCanonicalizer.canonicalize(StrictJson.parse(json)));
    assertThat(JsonCanonicalizer.canonicalize(json))
        .startsWith("[\"a b\\n\",\"\uafaf\uafaf\u00fa\u00fa\"]");
  }
}
