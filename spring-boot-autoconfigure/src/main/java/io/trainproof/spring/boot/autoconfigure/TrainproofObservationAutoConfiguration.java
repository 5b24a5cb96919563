package io.trainproof.spring.boot.autoconfigure;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * With Micrometer's {@link ObservationRegistry}, wraps each renewal sweep in an Observation named
 * {@value #SWEEP} (a timer and a count, and a span when the host traces), tagged with the outcome.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
      "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"
    })
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnProperty(
    prefix = "trainproof",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
public class TrainproofObservationAutoConfiguration {
  /** The observation around each sweep. */
  public static final String SWEEP = "trainproof.sweep";

  /** Created by Spring. */
  public TrainproofObservationAutoConfiguration() {}

  /**
   * @param registry the host's registry
   * @return the observer of each sweep
   */
  @Bean
  @ConditionalOnMissingBean
  SweepObserver trainproofSweepObserver(ObservationRegistry registry) {
    return sweep ->
        Observation.createNotStarted(SWEEP, registry)
            .contextualName("trainproof renewal sweep")
            .observe(sweep);
  }
}
