package io.trainproof.spring.boot.autoconfigure.internal;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.trainproof.core.access.Operation;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.spi.OperationObserver;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Each Trainproof operation as a Micrometer Observation named {@value #NAME}: the operation as a
 * low-cardinality key (so timers per operation), the organization id as a high-cardinality one
 * (spans only). Thread-safe.
 */
public final class ObservedOperations implements OperationObserver {
  /** The observation's name. */
  public static final String NAME = "trainproof.operation";

  private final ObservationRegistry registry;

  /**
   * @param registry the host's registry
   */
  public ObservedOperations(ObservationRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public <T> T observe(Operation operation, Id<Organization> organization, Supplier<T> call) {
    return Observation.createNotStarted(NAME, registry)
        .contextualName("trainproof " + operation.name())
        .lowCardinalityKeyValue("operation", operation.name())
        .highCardinalityKeyValue("organization", organization.value().toString())
        .observe(call);
  }
}
