package io.trainproof.spring.boot.autoconfigure;

import io.trainproof.core.Trainproof;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Schedules the renewal sweep ({@link TrainproofSweep}) on the host's {@link TaskScheduler} (or,
 * when the host has none, on a one-thread scheduler of Trainproof's own that nothing else sees).
 * Off with {@code trainproof.scheduler.enabled=false} (e.g. on nodes that only serve requests).
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
}
