package io.trainproof.spring.boot.autoconfigure;

import io.trainproof.core.spi.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the starters' actuator health indicators report, independent of the Boot line: the store
 * answers, the notifications not delivered yet are no more than {@code
 * trainproof.health.outbox-backlog-threshold}, and the renewal sweep succeeded within {@code
 * trainproof.health.max-sweep-age}. Error details name the failure's type and message, never a
 * credential. Thread-safe.
 */
public final class TrainproofHealth {
  private final Store store;
  private final @Nullable TrainproofSweep sweep;
  private final Duration maxSweepAge;
  private final long outboxBacklogThreshold;
  private final Clock clock;

  /**
   * The outcome of one check.
   *
   * @param up whether every check passed
   * @param details what each check found, for the health endpoint
   */
  public record Report(boolean up, Map<String, Object> details) {
    /** Copies the details. */
    public Report {
      details = Map.copyOf(details);
    }
  }

  /**
   * @param store the store
   * @param sweep the scheduled sweep, or null when the sweep is off on this node
   * @param maxSweepAge the longest time since the last successful sweep
   * @param outboxBacklogThreshold the most notifications not delivered yet
   * @param clock Trainproof's clock
   * @throws TrainproofPropertyException when {@code maxSweepAge} is not positive or the threshold
   *     is negative
   */
  public TrainproofHealth(
      Store store,
      @Nullable TrainproofSweep sweep,
      Duration maxSweepAge,
      long outboxBacklogThreshold,
      Clock clock) {
    if (outboxBacklogThreshold < 0) {
      throw new TrainproofPropertyException(
          "trainproof.health.outbox-backlog-threshold",
          outboxBacklogThreshold,
          "must not be negative");
    }
    this.outboxBacklogThreshold = outboxBacklogThreshold;
    if (maxSweepAge == null || maxSweepAge.isNegative() || maxSweepAge.isZero()) {
      throw new TrainproofPropertyException(
          "trainproof.health.max-sweep-age", maxSweepAge, "must be a positive duration");
    }
    this.store = Objects.requireNonNull(store, "store");
    this.sweep = sweep;
    this.maxSweepAge = maxSweepAge;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Checks now (opens a transaction on the store).
   *
   * @return the outcome
   */
  public Report check() {
    Map<String, Object> details = new LinkedHashMap<>();
    boolean up = true;
    try {
      long backlog = store.inTransaction(tx -> tx.outbox().countPending());
      details.put("store", "reachable");
      details.put("outboxBacklog", backlog);
      if (backlog > outboxBacklogThreshold) {
        up = false;
        details.put(
            "outbox",
            backlog
                + " notifications not delivered, more than "
                + outboxBacklogThreshold
                + " (trainproof.health.outbox-backlog-threshold)");
      }
    } catch (RuntimeException e) {
      up = false;
      details.put("store", "unreachable: " + describe(e));
    }
    TrainproofSweep scheduled = sweep;
    if (scheduled != null) {
      Instant now = clock.instant();
      Instant last = scheduled.lastSuccess().orElse(null);
      Instant since = last == null ? scheduled.createdAt() : last;
      details.put("lastSweep", last == null ? "none yet" : last.toString());
      details.put("sweepFailuresInARow", scheduled.consecutiveFailures());
      if (Duration.between(since, now).compareTo(maxSweepAge) > 0) {
        up = false;
        details.put(
            "sweep",
            "no successful sweep for more than "
                + maxSweepAge
                + " (trainproof.health.max-sweep-age)");
      }
    }
    return new Report(up, details);
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    for (Throwable cause = root.getCause();
        cause != null && cause != root;
        cause = root.getCause()) {
      root = cause;
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
