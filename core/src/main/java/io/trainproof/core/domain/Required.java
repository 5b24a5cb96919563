package io.trainproof.core.domain;

import io.trainproof.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The one check the domain's builders share: a component that was never given fails the build at
 * once, naming the record and the component, rather than surfacing later as a null deep in a
 * service or a store. Stateless; thread-safe.
 */
final class Required {
  private Required() {}

  /**
   * Requires that a builder was given a component.
   *
   * @param record the record's name in lower camel case, as fields are named elsewhere ({@code
   *     "assignment"})
   * @param component the component's name
   * @param value what the builder holds
   * @param <T> the component's type
   * @return the value
   * @throws ValidationException naming {@code record.component} when it is null
   */
  static <T> T component(String record, String component, @Nullable T value) {
    if (value == null) {
      throw new ValidationException(
          record + "." + component, null, "is required; the builder was not given it");
    }
    return value;
  }
}
