package io.trainproof.spring.boot.autoconfigure;

import io.trainproof.core.renewal.RenewalScheduler.SweepResult;
import java.util.function.Supplier;

/**
 * Wraps each renewal sweep, e.g. in a Micrometer Observation (the auto-configuration provides one
 * when the host has an {@code ObservationRegistry}). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface SweepObserver {
  /** Runs the sweep unobserved. */
  SweepObserver NONE = Supplier::get;

  /**
   * Runs one sweep.
   *
   * @param sweep the sweep; call it exactly once and return (or throw) what it does
   * @return what the sweep returned
   */
  SweepResult observe(Supplier<SweepResult> sweep);
}
