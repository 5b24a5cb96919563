package io.trainproof.core.domain;

import io.trainproof.core.ValidationException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A typed identifier: {@code Id<WorkforceMember>} cannot be passed where an {@code Id<Course>} is
 * expected. Immutable.
 *
 * @param value the UUID behind the id
 * @param <T> the kind of record it identifies
 */
public record Id<T>(UUID value) implements Comparable<Id<T>> {

  /** Checks the value. */
  public Id {
    if (value == null) {
      throw new ValidationException("id", null, "is required");
    }
  }

  /**
   * Creates a fresh random id.
   *
   * @param <T> the kind of record
   * @return a new id
   */
  public static <T> Id<T> random() {
    return new Id<>(UUID.randomUUID());
  }

  /**
   * Parses an id from its text form.
   *
   * @param text a UUID in its canonical text form
   * @param <T> the kind of record
   * @return the id
   * @throws ValidationException when the text is not a UUID
   */
  public static <T> Id<T> parse(@Nullable String text) {
    if (text == null) {
      throw new ValidationException("id", null, "is required");
    }
    try {
      return new Id<>(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw new ValidationException("id", text, "is not a UUID");
    }
  }

  @Override
  public int compareTo(Id<T> other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
