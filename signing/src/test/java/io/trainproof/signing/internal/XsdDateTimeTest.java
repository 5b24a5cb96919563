package io.trainproof.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The hand-written UTC formatter writes exactly what {@link DateTimeFormatter#ISO_INSTANT} writes.
 */
class XsdDateTimeTest {

  @Property(tries = 3_000)
  void writesWhatIsoInstantWrites(
      @ForAll
          @LongRange(min = -62_167_219_200L - 86_400L * 800, max = 253_402_300_799L + 86_400L * 800)
          long seconds,
      @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
    Instant instant = Instant.ofEpochSecond(seconds, nanos);

    assertThat(XsdDateTime.format(instant))
        .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS)));
  }

  @Test
  void edges() {
    for (Instant instant :
        new Instant[] {
          Instant.EPOCH,
          Instant.parse("0000-01-01T00:00:00Z"),
          Instant.parse("9999-12-31T23:59:59.999Z"),
          Instant.parse("2024-02-29T23:59:59Z"),
          Instant.MIN,
          Instant.MAX
        }) {
      assertThat(XsdDateTime.format(instant))
          .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS)));
    }
  }
}
