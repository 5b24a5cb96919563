package io.trainproof.spring.boot.autoconfigure;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.trainproof.core.spi.OperationObserver;
import io.trainproof.reporting.ReportObserver;
import io.trainproof.signing.verify.CredentialVerifier;
import io.trainproof.signing.verify.VerificationObserver;
import io.trainproof.spring.boot.autoconfigure.internal.ObservedOperations;
import io.trainproof.spring.boot.autoconfigure.internal.ObservedReports;
import io.trainproof.spring.boot.autoconfigure.internal.ObservedVerifications;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Micrometer's {@link ObservationRegistry}: each renewal sweep in an Observation named {@value
 * #SWEEP}; each service operation (issuing, attestations, imports through the services, the reads
 * behind reports, ...) in one named {@value #OPERATION} with the operation as a key (a timer and a
 * count per operation, and a span when the host traces); each credential verification (the web
 * module's VC API and verification page, and any {@link CredentialVerifier} the host observes with
 * the {@link VerificationObserver} bean) in one named {@value #VERIFY} with keys {@code outcome}
 * and {@code reason}; and, with the reporting module, each report rendering and evidence pack of
 * the web module's {@code Reporting} (or the host's, built with the {@code ReportObserver} bean) in
 * one named {@value #REPORT} with keys {@code report} and {@code format}.
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

  /** The observation around each credential verification. */
  public static final String VERIFY = ObservedVerifications.NAME;

  /** The observation around each report rendering and evidence pack. */
  public static final String REPORT = "trainproof.report";

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

  /**
   * @param registry the host's registry
   * @return the observer of each credential verification, which the web module verifies with
   */
  @Bean
  @ConditionalOnMissingBean
  VerificationObserver trainproofVerificationObserver(ObservationRegistry registry) {
    return new ObservedVerifications(registry);
  }

  /** With the reporting module on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.trainproof.reporting.ReportObserver")
  static class ReportObservation {
    /**
     * @param registry the host's registry
     * @return the observer of each report rendering, which the web module's reporting uses
     */
    @Bean
    @ConditionalOnMissingBean
    ReportObserver trainproofReportObserver(ObservationRegistry registry) {
      return new ObservedReports(registry);
    }
  }
}
