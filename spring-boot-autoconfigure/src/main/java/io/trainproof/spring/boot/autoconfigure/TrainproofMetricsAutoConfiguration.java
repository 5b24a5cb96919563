package io.trainproof.spring.boot.autoconfigure;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.trainproof.core.spi.Store;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * With Micrometer, Trainproof's gauges (Spring Boot binds {@link MeterBinder} beans to the host's
 * registries): {@value #OUTBOX_BACKLOG} (notifications not delivered yet, read from the store at
 * each scrape), {@value #SWEEP_LAST_SUCCESS} and {@value #SWEEP_FAILURES} (this node's sweeps).
 */
@AutoConfiguration(
    after = {TrainproofAutoConfiguration.class, TrainproofSchedulingAutoConfiguration.class})
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean({Store.class, TrainproofProperties.class})
public class TrainproofMetricsAutoConfiguration {
  /** Notifications not delivered yet. */
  public static final String OUTBOX_BACKLOG = "trainproof.outbox.backlog";

  /** When a sweep last succeeded on this node. */
  public static final String SWEEP_LAST_SUCCESS = "trainproof.sweep.last.success";

  /** Sweeps failed in a row on this node. */
  public static final String SWEEP_FAILURES = "trainproof.sweep.failures";

  private static final Logger LOG =
      LoggerFactory.getLogger(TrainproofMetricsAutoConfiguration.class);

  /** Created by Spring. */
  public TrainproofMetricsAutoConfiguration() {}

  /**
   * @return the gauges
   */
  @Bean
  @ConditionalOnMissingBean(name = "trainproofMetrics")
  MeterBinder trainproofMetrics(Store store, ObjectProvider<TrainproofSweep> sweeps) {
    return registry -> {
      Gauge.builder(OUTBOX_BACKLOG, store, TrainproofMetricsAutoConfiguration::backlog)
          .description("Notifications not delivered yet, of every organization")
          .register(registry);
      sweeps.ifAvailable(
          sweep -> {
            TimeGauge.builder(
                    SWEEP_LAST_SUCCESS,
                    sweep,
                    TimeUnit.MILLISECONDS,
                    s -> s.lastSuccess().map(Instant::toEpochMilli).orElse(0L))
                .description("When a renewal sweep last succeeded on this node (since the epoch)")
                .register(registry);
            Gauge.builder(SWEEP_FAILURES, sweep, s -> s.consecutiveFailures())
                .description("Renewal sweeps failed since the last success on this node")
                .register(registry);
          });
    };
  }

  private static double backlog(Store store) {
    try {
      return store.inTransaction(tx -> tx.outbox().countPending());
    } catch (RuntimeException e) {
      LOG.debug("Trainproof's outbox backlog cannot be read now", e);
      return Double.NaN;
    }
  }
}
