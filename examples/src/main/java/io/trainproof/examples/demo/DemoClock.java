package io.trainproof.examples.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The demo's simulated time: whole days at a fixed local hour. Not thread-safe; the demo is
 * single-threaded.
 */
final class DemoClock extends Clock {
  private final ZoneId zone;
  private ZonedDateTime now;

  DemoClock(LocalDate start, ZoneId zone) {
    this.zone = zone;
    this.now = ZonedDateTime.of(start, LocalTime.of(9, 0), zone);
  }

  LocalDate today() {
    return now.toLocalDate();
  }

  void nextDay() {
    now = now.plusDays(1);
  }

  void at(LocalTime time) {
    now = ZonedDateTime.of(now.toLocalDate(), time, zone);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    throw new UnsupportedOperationException("the demo clock has one zone");
  }

  @Override
  public Instant instant() {
    return now.toInstant();
  }
}
