package io.trainproof.spring.boot.autoconfigure;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.trainproof.core.Trainproof;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Schedules the renewal sweep ({@link TrainproofSweep}) on the host's {@link TaskScheduler} (or,
 * when the host has none, on a one-thread scheduler of Trainproof's own that nothing else sees),
 * and, with Micrometer, publishes the last successful sweep's time and the failures in a row. Off
 * with {@code trainproof.scheduler.enabled=false} (e.g. on nodes that only serve requests).
 */
@AutoConfiguration(
    after = {TrainproofAutoConfiguration.class, TrainproofObservationAutoConfiguration.class},
    afterName = "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration")
@ConditionalOnBean(Trainproof.class)
@ConditionalOnProperty(
    prefix = "trainproof.scheduler",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
public class TrainproofSchedulingAutoConfiguration {
  /** Created by Spring. */
  public TrainproofSchedulingAutoConfiguration() {}

  /**
   * @return a one-thread scheduler for the sweep when the host has no task scheduler; not a default
   *     candidate, so the host's {@code @Scheduled} methods never run on it
   */
  @Bean(defaultCandidate = false, destroyMethod = "shutdown")
  @ConditionalOnMissingBean(TaskScheduler.class)
  ThreadPoolTaskScheduler trainproofTaskScheduler() {
    ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    scheduler.setThreadNamePrefix("trainproof-sweep-");
    scheduler.setDaemon(true);
    scheduler.initialize();
    return scheduler;
  }

  /**
   * @return the sweep, started and stopped with the context
   */
  @Bean
  @ConditionalOnMissingBean
  TrainproofSweep trainproofSweep(
      Trainproof trainproof,
      TrainproofProperties properties,
      @Qualifier(TrainproofAutoConfiguration.CLOCK) Clock clock,
      ObjectProvider<TaskScheduler> hostSchedulers,
      @Qualifier("trainproofTaskScheduler") ObjectProvider<TaskScheduler> ownScheduler,
      ObjectProvider<SweepObserver> observers) {
    TaskScheduler scheduler = hostSchedulers.getIfUnique(ownScheduler::getObject);
    return new TrainproofSweep(
        trainproof.scheduler(),
        scheduler,
        properties.getScheduler().getCron(),
        clock,
        observers.getIfUnique(() -> SweepObserver.NONE));
  }

  /** The sweep's gauges, when the host has Micrometer. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
  static class SweepMetricsConfiguration {
    @Bean
    @ConditionalOnMissingBean(name = "trainproofSweepMetrics")
    MeterBinder trainproofSweepMetrics(ObjectProvider<TrainproofSweep> sweeps) {
      return registry ->
          sweeps.ifAvailable(
              sweep -> {
                TimeGauge.builder(
                        "trainproof.sweep.last.success",
                        sweep,
                        TimeUnit.MILLISECONDS,
                        s -> s.lastSuccess().map(Instant::toEpochMilli).orElse(0L))
                    .description("When a renewal sweep last succeeded on this node (epoch)")
                    .register(registry);
                Gauge.builder("trainproof.sweep.failures", sweep, s -> s.consecutiveFailures())
                    .description("Renewal sweeps failed since the last success on this node")
                    .register(registry);
              });
    }
  }
}
