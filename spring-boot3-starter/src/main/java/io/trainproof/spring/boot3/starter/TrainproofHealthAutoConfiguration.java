package io.trainproof.spring.boot3.starter;

import io.trainproof.core.spi.Store;
import io.trainproof.spring.boot.autoconfigure.TrainproofAutoConfiguration;
import io.trainproof.spring.boot.autoconfigure.TrainproofHealth;
import io.trainproof.spring.boot.autoconfigure.TrainproofProperties;
import io.trainproof.spring.boot.autoconfigure.TrainproofSchedulingAutoConfiguration;
import io.trainproof.spring.boot.autoconfigure.TrainproofSweep;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * With Spring Boot 3.5's health support on the class path, a health indicator named {@code
 * trainproof}: DOWN when the store does not answer, the outbox backlog passes {@code
 * trainproof.health.outbox-backlog-threshold}, the last successful renewal sweep is older than
 * {@code trainproof.health.max-sweep-age}, or the head of a watched organization's audit chain does
 * not verify ({@link TrainproofHealth}).
 */
@AutoConfiguration(
    after = {TrainproofAutoConfiguration.class, TrainproofSchedulingAutoConfiguration.class})
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean({Store.class, TrainproofProperties.class})
public class TrainproofHealthAutoConfiguration {
  /** Created by Spring. */
  public TrainproofHealthAutoConfiguration() {}

  /**
   * @return the indicator
   */
  @Bean
  @ConditionalOnMissingBean(name = "trainproofHealthIndicator")
  HealthIndicator trainproofHealthIndicator(
      Store store,
      ObjectProvider<TrainproofSweep> sweep,
      TrainproofProperties properties,
      @Qualifier(TrainproofAutoConfiguration.CLOCK) Clock clock) {
    TrainproofHealth health = TrainproofHealth.from(store, sweep.getIfUnique(), properties, clock);
    return () -> {
      TrainproofHealth.Report report = health.check();
      return (report.up() ? Health.up() : Health.down()).withDetails(report.details()).build();
    };
  }
}
