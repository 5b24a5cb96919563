package io.trainproof.core.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The host's clock read to the microsecond. Every instant the SDK records (audit entries,
 * decisions, outbox messages) comes from this clock.
 *
 * <p>Why: SQL timestamps keep microseconds (PostgreSQL, MariaDB {@code TIMESTAMP(6)}, H2), while
 * {@code Clock.systemUTC()} on Java 17 reads nanoseconds on Linux. The audit chain hashes the
 * instant it writes; an instant finer than the store keeps would be hashed at nanoseconds, read
 * back at microseconds, and the stored chain would no longer verify. Thread-safe when the delegate
 * is. Not API.
 */
public final class MicrosecondClock extends Clock {
  private final Clock delegate;

  private MicrosecondClock(Clock delegate) {
    this.delegate = delegate;
  }

  /**
   * The clock read to the microsecond.
   *
   * @param clock the host's clock
   * @return {@code clock} itself when it already is one, otherwise a wrapper
   */
  public static Clock of(Clock clock) {
    return clock instanceof MicrosecondClock ? clock : new MicrosecondClock(clock);
  }

  @Override
  public ZoneId getZone() {
    return delegate.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return of(delegate.withZone(zone));
  }

  @Override
  public Instant instant() {
    return delegate.instant().truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public long millis() {
    return delegate.millis();
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof MicrosecondClock c && c.delegate.equals(delegate);
  }

  @Override
  public int hashCode() {
    return Objects.hash(MicrosecondClock.class, delegate);
  }

  @Override
  public String toString() {
    return "MicrosecondClock[" + delegate + "]";
  }
}
