package io.trainproof.spring.boot.autoconfigure;

import io.trainproof.core.renewal.RenewalScheduler;
import io.trainproof.core.renewal.RenewalScheduler.SweepResult;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs Trainproof's renewal sweep on the host's {@link TaskScheduler} at {@code
 * trainproof.scheduler.cron}. Safe with many nodes: each sweep claims members with row locks that
 * skip what another node holds, so a member is visited once a day whichever node runs. A sweep that
 * fails (the database is down) is logged and the next run tries again; nothing it would have
 * created is lost, the next sweep creates it. Thread-safe.
 */
public final class TrainproofSweep implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(TrainproofSweep.class);

  private final RenewalScheduler scheduler;
  private final TaskScheduler taskScheduler;
  private final String cron;
  private final Clock clock;
  private final SweepObserver observer;
  private final Instant createdAt;
  private final AtomicReference<@Nullable Instant> lastSuccess = new AtomicReference<>();
  private final AtomicReference<@Nullable SweepResult> lastResult = new AtomicReference<>();
  private final AtomicInteger consecutiveFailures = new AtomicInteger();
  private volatile @Nullable ScheduledFuture<?> scheduled;

  /**
   * @param scheduler Trainproof's renewal scheduler
   * @param taskScheduler the host's task scheduler
   * @param cron when to sweep ({@code trainproof.scheduler.cron})
   * @param clock Trainproof's clock, for the last sweep's time
   * @param observer wraps each sweep
   * @throws TrainproofPropertyException when {@code cron} is not a cron expression
   */
  public TrainproofSweep(
      RenewalScheduler scheduler,
      TaskScheduler taskScheduler,
      String cron,
      Clock clock,
      SweepObserver observer) {
    if (cron == null || !CronExpression.isValidExpression(cron)) {
      throw new TrainproofPropertyException(
          "trainproof.scheduler.cron",
          cron,
          "is not a cron expression (six fields: second minute hour day month weekday)");
    }
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.taskScheduler = Objects.requireNonNull(taskScheduler, "taskScheduler");
    this.cron = cron;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.observer = Objects.requireNonNull(observer, "observer");
    this.createdAt = clock.instant();
  }

  /**
   * Sweeps now, on the calling thread; a failure is logged and counted, not thrown.
   *
   * @return what the sweep did, or empty when it failed
   */
  public Optional<SweepResult> runNow() {
    try {
      SweepResult result = observer.observe(scheduler::sweep);
      lastSuccess.set(clock.instant());
      lastResult.set(result);
      consecutiveFailures.set(0);
      LOG.debug("Trainproof renewal sweep: {}", result);
      return Optional.of(result);
    } catch (RuntimeException e) {
      int failures = consecutiveFailures.incrementAndGet();
      LOG.warn(
          "Trainproof renewal sweep failed ({} in a row); the next run at '{}' tries again",
          failures,
          cron,
          e);
      return Optional.empty();
    }
  }

  /**
   * @return when a sweep last succeeded on this node, if one has
   */
  public Optional<Instant> lastSuccess() {
    return Optional.ofNullable(lastSuccess.get());
  }

  /**
   * @return what the last successful sweep on this node did, if one has run
   */
  public Optional<SweepResult> lastResult() {
    return Optional.ofNullable(lastResult.get());
  }

  /**
   * @return sweeps failed since the last success
   */
  public int consecutiveFailures() {
    return consecutiveFailures.get();
  }

  /**
   * @return when this sweep was set up (the health indicator's reference before the first sweep)
   */
  public Instant createdAt() {
    return createdAt;
  }

  /**
   * @return the cron expression
   */
  public String cron() {
    return cron;
  }

  @Override
  public synchronized void start() {
    if (scheduled == null) {
      scheduled = taskScheduler.schedule(this::runNow, new CronTrigger(cron));
    }
  }

  @Override
  public synchronized void stop() {
    ScheduledFuture<?> running = scheduled;
    if (running != null) {
      running.cancel(false);
      scheduled = null;
    }
  }

  @Override
  public boolean isRunning() {
    return scheduled != null;
  }
}
