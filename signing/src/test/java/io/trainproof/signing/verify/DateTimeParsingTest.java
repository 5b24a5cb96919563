package io.trainproof.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The direct reading of {@code yyyy-MM-ddTHH:mm:ssZ} agrees with {@link OffsetDateTime#parse} on
 * every input.
 */
class DateTimeParsingTest {

  @Property(tries = 2_000)
  void agreesWithOffsetDateTimeParse(@ForAll("dateTimes") String text) {
    assertThat(outcome(text)).isEqualTo(reference(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-03-02T14:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
            "2024-02-29T00:00:00Z",
        "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z",
            "2026-04-31T00:00:00Z",
        "2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z", "2026-06-30T23:59:60Z",
            "2026-01-01t00:00:00Z",
        "2026-01-01T00:00:00z", "2026-01-01T00:00:0aZ", "+026-01-01T00:00:00Z",
            "2026-01-01T00:00:00+01:00",
        "2026-01-01T00:00:00.5Z", "2026-01-01 00:00:00Z", "２０２６-01-01T00:00:00Z", "",
      })
  void agreesOnEdgeCases(String text) {
    assertThat(outcome(text)).isEqualTo(reference(text));
  }

  private static String outcome(String text) {
    try {
      return ProofChecker.parseDateTime(text).toString();
    } catch (DateTimeParseException e) {
      return "refused";
    }
  }

  private static String reference(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant().toString();
    } catch (DateTimeParseException e) {
      return "refused";
    }
  }

  @Provide
  Arbitrary<String> dateTimes() {
    Arbitrary<String> valid =
        Arbitraries.longs()
            .between(-62_167_219_200L, 253_402_300_799L)
            .map(seconds -> Instant.ofEpochSecond(seconds).toString());
    Arbitrary<String> mangled =
        Arbitraries.strings().withChars("0123456789-T:Z+.".toCharArray()).ofLength(20);
    Arbitrary<String> fields =
        Arbitraries.integers()
            .between(0, 99)
            .list()
            .ofSize(6)
            .map(
                f ->
                    String.format(
                        "20%02d-%02d-%02dT%02d:%02d:%02dZ",
                        f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5)));
    return Arbitraries.oneOf(valid, mangled, fields);
  }
}
