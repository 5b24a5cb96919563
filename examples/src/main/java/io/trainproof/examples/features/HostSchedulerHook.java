package io.trainproof.examples.features;

import io.trainproof.core.Trainproof;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.renewal.RenewalRunner;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Hooking the renewal scheduler and the notification dispatcher into the host's own scheduler. Each
 * call is safe on many nodes at once: the sweep claims members with row locks that skip what
 * another node holds, and the dispatcher leases messages. With Quartz, Spring's {@code @Scheduled}
 * or db-scheduler, call the same two methods from the host's job.
 */
public final class HostSchedulerHook {
  private HostSchedulerHook() {}

  /**
   * Runs the example for a few seconds.
   *
   * @param args ignored
   * @throws InterruptedException if interrupted while waiting
   */
  public static void main(String[] args) throws InterruptedException {
    Trainproof trainproof =
        Trainproof.builder()
            .store(new InMemoryStore())
            .notificationSink(
                n -> System.out.println("deliver " + n.kind() + " to " + n.recipient()))
            .build();
    ScheduledExecutorService hostScheduler = Executors.newSingleThreadScheduledExecutor();
    try (RenewalRunner renewals =
        new RenewalRunner(trainproof.scheduler(), hostScheduler, Duration.ofHours(1))) {
      renewals.start(); // sweeps now, then an hour after each sweep ends
      // The host's own job for the outbox, every minute.
      ScheduledFuture<?> dispatch =
          hostScheduler.scheduleWithFixedDelay(
              () -> trainproof.notifications().dispatch(), 0, 1, TimeUnit.MINUTES);
      System.out.println(
          "renewal sweeps and notification dispatch scheduled on the host's executor");
      hostScheduler.awaitTermination(2, TimeUnit.SECONDS);
      dispatch.cancel(false);
    } finally {
      hostScheduler.shutdownNow();
    }
  }
}
