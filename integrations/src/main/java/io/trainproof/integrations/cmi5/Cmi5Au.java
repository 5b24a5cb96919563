package io.trainproof.integrations.cmi5;

import io.trainproof.core.ValidationException;
import io.trainproof.integrations.CourseRef;

/**
 * What the host's course structure says about an assignable unit (or the block or course a {@code
 * satisfied} statement names): the Trainproof course it stands for and its criterion. Immutable.
 *
 * @param course the course
 * @param moveOn the criterion
 */
public record Cmi5Au(CourseRef course, MoveOn moveOn) {
  /** Checks the values. */
  public Cmi5Au {
    if (course == null || moveOn == null) {
      throw new ValidationException("cmi5Au", null, "course and moveOn are required");
    }
  }
}
