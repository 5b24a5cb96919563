package io.trainproof.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.signing.UnusableInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonStrings} writes every char as RFC 8785 section 3.2.2.2 says, checked against an
 * independent statement of the rule: the two-char escapes, a six-char escape in lower-case hex for
 * the other controls, every other char as its UTF-8 bytes.
 */
class JsonStringsEncodingTest {

  private static String expectedText(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static byte[] written(String value) {
    char[] chars = ("ab" + value + "cd").toCharArray();
    byte[] out = new byte[JsonStrings.maxBytes(value.length()) + 3];
    out[0] = 'x';
    int end = JsonStrings.write(chars, 2, 2 + value.length(), out, 1);
    return Arrays.copyOfRange(out, 1, end);
  }

  @Test
  void everyCharThatIsNotASurrogateIsWrittenAsTheRuleSays() {
    for (int c = 0; c <= 0xffff; c++) {
      if (Character.isSurrogate((char) c)) {
        continue;
      }
      String value = String.valueOf((char) c);
      assertThat(written(value))
          .as("U+%04X", c)
          .isEqualTo(expectedText(value).getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  @SuppressWarnings(
      "UnicodeEscape") // why: the edges of each UTF-8 length, written as code points on purpose
  void charsAtTheEdgesOfEachUtf8LengthAreWrittenInSequence() {
    String value = "\u001f\u0020\u007e\u007f\u0080\u07ff\u0800\uffff\ud800\udc00\udbff\udfff";
    assertThat(written(value)).isEqualTo(expectedText(value).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theFastPathWritesExactlyThePrintableAsciiOtherThanQuoteAndBackslash() {
    for (int c = 0; c < 0x100; c++) {
      String value = "a" + (char) c + "z";
      byte[] out = new byte[value.length() + 4];
      int end = JsonStrings.writePlain(value, out, 1);
      boolean plain = c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
      if (plain) {
        assertThat(Arrays.copyOfRange(out, 1, end))
            .as("U+%04X", c)
            .isEqualTo(expectedText(value).getBytes(StandardCharsets.UTF_8));
      } else {
        assertThat(end).as("U+%04X", c).isEqualTo(-1);
      }
    }
  }

  @Test
  void anUnpairedSurrogateIsRefusedAndAPairIsNotSplitAtTheEndOfTheRange() {
    assertThatThrownBy(() -> written("a\ud800")).isInstanceOf(UnusableInputException.class);
    assertThatThrownBy(() -> written("\udc00a")).isInstanceOf(UnusableInputException.class);
    char[] chars = "\ud83d\ude00".toCharArray();
    byte[] out = new byte[JsonStrings.maxBytes(2)];
    assertThatThrownBy(() -> JsonStrings.write(chars, 0, 1, out, 0))
        .isInstanceOf(UnusableInputException.class);
  }
}
