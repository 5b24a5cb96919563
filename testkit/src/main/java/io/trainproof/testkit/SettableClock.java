package io.trainproof.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that tests move by hand, so that no test ever sleeps. Thread-safe: the current
 * instant is held in an atomic reference.
 */
public final class SettableClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private SettableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * Creates a clock standing at an instant, in UTC.
   *
   * @param start the instant the clock shows until moved
   * @return the clock
   */
  public static SettableClock at(Instant start) {
    return new SettableClock(new AtomicReference<>(start), ZoneOffset.UTC);
  }

  /**
   * Sets the clock to an instant.
   *
   * @param instant the new current instant
   */
  public void set(Instant instant) {
    now.set(instant);
  }

  /**
   * Moves the clock forward (or back, with a negative duration).
   *
   * @param duration how far to move
   * @return the new current instant
   */
  public Instant advance(Duration duration) {
    return now.updateAndGet(i -> i.plus(duration));
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    // Shares the same instant holder, so moving either clock moves both.
    return new SettableClock(now, newZone);
  }

  @Override
  public Instant instant() {
    return Objects.requireNonNull(now.get()); // why: set in the constructor, never to null
  }
}
