package io.trainproof.reporting;

import java.util.function.Supplier;

/**
 * Wraps each report rendering and evidence pack of a {@link Reporting} built with {@link
 * Reporting.Builder#observer}, so a host maps it to its metrics or traces (the Spring Boot starters
 * map it to a Micrometer Observation when the host has an {@code ObservationRegistry}). The
 * reporting module itself depends on no metrics library. Implementations must be thread-safe, call
 * {@code rendering} exactly once on the calling thread, and return or throw what it does.
 */
public interface ReportObserver {
  /** Observes nothing. */
  ReportObserver NONE =
      new ReportObserver() {
        @Override
        public <T> T observe(String report, String format, Supplier<T> rendering) {
          return rendering.get();
        }
      };

  /**
   * Runs one rendering.
   *
   * @param report which report, a few lowercase words joined by hyphens ({@code
   *     organization-summary}, {@code dashboard}, {@code evidence-pack}, ...): one of a small fixed
   *     set, fit for a metric tag
   * @param format the output: {@code csv}, {@code json}, {@code html}, {@code pdf}, or {@code zip}
   *     for an evidence pack
   * @param rendering the rendering; run it exactly once
   * @param <T> the result type
   * @return what the rendering returned
   */
  <T> T observe(String report, String format, Supplier<T> rendering);
}
