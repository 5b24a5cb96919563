package io.trainproof.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link XsdDateTime#text} is {@link Instant#toString()}, whole seconds or not, in any year. */
class XsdDateTimeTextTest {
  @Test
  void isInstantToString() {
    Random random = new Random(11);
    long[] edges = {
      0,
      -1,
      1,
      -62_167_219_200L,
      -62_167_219_201L,
      253_402_300_799L,
      253_402_300_800L,
      Instant.MIN.getEpochSecond(),
      Instant.MAX.getEpochSecond()
    };
    for (long second : edges) {
      for (int nanos : new int[] {0, 1, 999_999_999, 500_000_000, 123_000}) {
        Instant instant = Instant.ofEpochSecond(second, nanos);
        assertThat(XsdDateTime.text(instant)).isEqualTo(instant.toString());
      }
    }
    for (int i = 0; i < 20_000; i++) {
      long second =
          random.nextInt(4) == 0
              ? random.nextLong() % Instant.MAX.getEpochSecond()
              : -70_000_000_000L + (long) (random.nextDouble() * 330_000_000_000L);
      int nanos = random.nextBoolean() ? 0 : random.nextInt(1_000_000_000);
      Instant instant = Instant.ofEpochSecond(second, nanos);
      assertThat(XsdDateTime.text(instant)).isEqualTo(instant.toString());
    }
  }
}
