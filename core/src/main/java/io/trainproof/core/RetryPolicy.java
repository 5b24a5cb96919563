package io.trainproof.core;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a unit of work is run again when the database gave its transaction up to resolve contention
 * (a serialization failure or a deadlock, {@link ConflictException#transientFailure()}): the whole
 * service call, in a new transaction, on fresh data, after a backoff that doubles from {@code
 * firstBackoff} up to {@code maxBackoff} with jitter, at most {@code maxAttempts} times in all.
 * When the attempts are spent, the last {@link ConflictException} reaches the caller. Nothing of a
 * failed attempt is kept: its writes roll back and its events are not published. Distributed
 * engines (Citus, for one) report such failures more often than a single server.
 *
 * @param maxAttempts the attempts in all, at least 1 (1 means no retry)
 * @param firstBackoff the wait before the second attempt (zero or more)
 * @param maxBackoff the longest wait between attempts (at least {@code firstBackoff})
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {

  /** The default: five attempts, waits from 10 ms doubling to at most 500 ms. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofMillis(10), Duration.ofMillis(500));

  /** No retry: a transient conflict reaches the caller at once. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

  /** The most attempts a policy may make. */
  public static final int MAX_ATTEMPTS = 20;

  /** Validates the policy. */
  public RetryPolicy {
    if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
      throw new ValidationException(
          "maxAttempts", maxAttempts, "must be between 1 and " + MAX_ATTEMPTS);
    }
    if (firstBackoff == null || firstBackoff.isNegative()) {
      throw new ValidationException("firstBackoff", firstBackoff, "must be zero or more");
    }
    if (maxBackoff == null || maxBackoff.compareTo(firstBackoff) < 0) {
      throw new ValidationException("maxBackoff", maxBackoff, "must be at least firstBackoff");
    }
    if (maxBackoff.compareTo(Duration.ofSeconds(30)) > 0) {
      throw new ValidationException("maxBackoff", maxBackoff, "must be at most 30 seconds");
    }
  }

  /**
   * The wait before an attempt: {@code firstBackoff × 2^(attempt − 2)}, at most {@code maxBackoff},
   * then a random part of it from a half to the whole (jitter, so that nodes that collided do not
   * collide again).
   *
   * @param attempt the attempt about to start, 2 or more
   * @return the wait
   */
  public Duration backoffBefore(int attempt) {
    if (attempt < 2) {
      return Duration.ZERO;
    }
    long first = firstBackoff.toNanos();
    int shift = Math.min(attempt - 2, 30);
    long capped = first > (maxBackoff.toNanos() >> shift) ? maxBackoff.toNanos() : first << shift;
    if (capped <= 0) {
      return Duration.ZERO;
    }
    long half = capped / 2;
    return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
  }
}
