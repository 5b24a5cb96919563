package io.trainproof.core.renewal;

import io.trainproof.core.ValidationException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small runner that calls {@link RenewalScheduler#sweep()} at a fixed delay on the host's {@link
 * ScheduledExecutorService}. A failing sweep is logged and retried at the next tick. Thread-safe.
 */
public final class RenewalRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RenewalRunner.class);

  private final RenewalScheduler scheduler;
  private final ScheduledExecutorService executor;
  private final Duration delay;
  private @Nullable ScheduledFuture<?> task;

  /**
   * Creates a runner; call {@link #start()} to begin.
   *
   * @param scheduler what to run
   * @param executor where to run it (owned by the host)
   * @param delay the delay between the end of one sweep and the start of the next
   */
  public RenewalRunner(
      RenewalScheduler scheduler, ScheduledExecutorService executor, Duration delay) {
    if (delay.isNegative() || delay.isZero()) {
      throw new ValidationException("delay", delay, "must be positive");
    }
    this.scheduler = scheduler;
    this.executor = executor;
    this.delay = delay;
  }

  /** Starts sweeping now, then after every delay. Calling it twice does nothing. */
  public synchronized void start() {
    if (task == null) {
      task =
          executor.scheduleWithFixedDelay(
              this::runOnce, 0, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Runs one sweep, logging rather than throwing. */
  void runOnce() {
    try {
      RenewalScheduler.SweepResult result = scheduler.sweep();
      LOG.debug(
          "renewal sweep: {} organizations, {} members, {} assignments created",
          result.organizations(),
          result.members(),
          result.created());
    } catch (RuntimeException e) {
      LOG.warn("renewal sweep failed; retrying at the next tick", e);
    }
  }

  /** Stops sweeping; a sweep in progress finishes. The executor stays the host's. */
  @Override
  public synchronized void close() {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
  }
}
