package io.trainproof.spring.boot.autoconfigure;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.trainproof.core.spi.OperationObserver;
import io.trainproof.spring.boot.autoconfigure.internal.ObservedOperations;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * With Micrometer's {@link ObservationRegistry}: each renewal sweep in an Observation named {@value
 * #SWEEP}, and each service operation (issuing, attestations, imports through the services, the
 * reads behind reports, ...) in one named {@value #OPERATION} with the operation as a key (a timer
 * and a count per operation, and a span when the host traces).
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

  /** The observation around each operation. */
  public static final String OPERATION = ObservedOperations.NAME;

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

  /**
   * @param registry the host's registry
   * @return the observer of each operation, which the {@code Trainproof} bean is built with
   */
  @Bean
  @ConditionalOnMissingBean
  OperationObserver trainproofOperationObserver(ObservationRegistry registry) {
    return new ObservedOperations(registry);
  }
}
