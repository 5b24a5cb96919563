package io.trainproof.spring.boot.autoconfigure.internal;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.trainproof.reporting.ReportObserver;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Each report rendering and evidence pack as a Micrometer Observation named {@value #NAME}, with
 * the report ({@code organization-summary}, {@code evidence-pack}, ...) and the format ({@code
 * csv}, {@code pdf}, {@code zip}, ...) as low-cardinality keys: a timer and a count per report and
 * format. Thread-safe.
 */
public final class ObservedReports implements ReportObserver {
  /** The observation's name. */
  public static final String NAME = "trainproof.report";

  private final ObservationRegistry registry;

  /**
   * @param registry the host's registry
   */
  public ObservedReports(ObservationRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public <T> T observe(String report, String format, Supplier<T> rendering) {
    return Observation.createNotStarted(NAME, registry)
        .contextualName("trainproof report " + report)
        .lowCardinalityKeyValue("report", report)
        .lowCardinalityKeyValue("format", format)
        .observe(rendering);
  }
}
