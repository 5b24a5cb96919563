package io.trainproof.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * {@link Sanitized#text} keeps at most {@code max} chars, shows every char outside printable ASCII
 * as {@code ?} and marks a cut with {@code …}, whether the value is returned as it is or rebuilt.
 */
class SanitizedTest {

  @Property
  void showsPrintableAsciiOnlyWithinTheBound(
      @ForAll @StringLength(max = 60) String value, @ForAll @IntRange(min = 0, max = 50) int max) {
    String shown = Sanitized.text(value, max);

    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < Math.min(value.length(), max); i++) {
      char c = value.charAt(i);
      expected.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    if (value.length() > max) {
      expected.append('…');
    }
    assertThat(shown).isEqualTo(expected.toString());
  }
}
