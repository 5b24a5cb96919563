package io.trainproof.core.spi;

import io.trainproof.core.access.Operation;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import java.util.function.Supplier;

/**
 * Observes every service operation (issuing, imports through the services, reads behind reports,
 * the sweep's own calls, ...): called once around each call on the calling thread, with what it
 * does and for which organization, so a host maps it to its metrics or traces (the Spring Boot
 * starters map it to Micrometer Observations). While a call runs, the organization's id is also in
 * SLF4J's MDC under {@link #MDC_ORGANIZATION}. Implementations must be thread-safe, call {@code
 * call} exactly once, and return or throw what it does.
 */
public interface OperationObserver {
  /** The MDC key holding the organization id while an operation runs. */
  String MDC_ORGANIZATION = "trainproof.org";

  /** Observes nothing. */
  OperationObserver NONE =
      new OperationObserver() {
        @Override
        public <T> T observe(Operation operation, Id<Organization> organization, Supplier<T> call) {
          return call.get();
        }
      };

  /**
   * Runs one operation.
   *
   * @param operation what the call does
   * @param organization the organization it runs in
   * @param call the call; run it exactly once
   * @param <T> the result type
   * @return what the call returned
   */
  <T> T observe(Operation operation, Id<Organization> organization, Supplier<T> call);
}
