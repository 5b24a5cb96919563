package io.trainproof.integrations;

import io.trainproof.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A course named the way a host names it: by its code, and optionally the label of the version that
 * was taken. What a host's activity-id or course-id mapping returns. Immutable.
 *
 * @param code the course code, unique in the organization
 * @param versionLabel the version label (e.g. {@code "2026.1"}), or null for the version released
 *     at the completion date
 */
public record CourseRef(String code, @Nullable String versionLabel) {

  /** Checks the values. */
  public CourseRef {
    if (code == null || code.isBlank()) {
      throw new ValidationException("code", code, "is required");
    }
  }

  /**
   * A course by code, version as of the completion date.
   *
   * @param code the course code
   * @return the reference
   */
  public static CourseRef of(String code) {
    return new CourseRef(code, null);
  }
}
