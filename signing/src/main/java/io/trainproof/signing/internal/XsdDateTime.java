package io.trainproof.signing.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Writes an instant, to the second, as an XML Schema dateTime in UTC ({@code
 * 2026-03-02T14:00:00Z}): exactly what {@link DateTimeFormatter#ISO_INSTANT} writes for it, by hand
 * for years 0 to 9999 (every credential date is written on every issuance). Stateless and
 * thread-safe.
 */
public final class XsdDateTime {
  /** 0000-01-01T00:00:00Z. */
  private static final long YEAR_0 = -62_167_219_200L;

  /** 9999-12-31T23:59:59Z. */
  private static final long END_OF_9999 = 253_402_300_799L;

  private XsdDateTime() {}

  /**
   * Formats an instant truncated to the second.
   *
   * @param instant the instant
   * @return {@code yyyy-MM-ddTHH:mm:ssZ} (other years as {@code ISO_INSTANT} writes them)
   */
  public static String format(Instant instant) {
    Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
    if (seconds.getEpochSecond() < YEAR_0 || seconds.getEpochSecond() > END_OF_9999) {
      return DateTimeFormatter.ISO_INSTANT.format(seconds);
    }
    LocalDateTime t = LocalDateTime.ofEpochSecond(seconds.getEpochSecond(), 0, ZoneOffset.UTC);
    char[] out = new char[20];
    put(out, 0, t.getYear(), 4);
    out[4] = '-';
    put(out, 5, t.getMonthValue(), 2);
    out[7] = '-';
    put(out, 8, t.getDayOfMonth(), 2);
    out[10] = 'T';
    put(out, 11, t.getHour(), 2);
    out[13] = ':';
    put(out, 14, t.getMinute(), 2);
    out[16] = ':';
    put(out, 17, t.getSecond(), 2);
    out[19] = 'Z';
    return new String(out);
  }

  /**
   * An instant's text exactly as {@link Instant#toString()} writes it, written by {@link #format}
   * when the instant is a whole second: for the messages of checks made on every verification.
   *
   * @param instant the instant
   * @return {@code instant.toString()}
   */
  @SuppressWarnings("JavaInstantGetSecondsGetNano") // why: only asks whether there is a fraction
  public static String text(Instant instant) {
    return instant.getNano() == 0 ? format(instant) : instant.toString();
  }

  private static void put(char[] out, int at, int value, int digits) {
    for (int i = at + digits - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
