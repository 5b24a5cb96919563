package io.trainproof.integrations;

import java.util.Optional;

/**
 * The host's mapping from an identifier in the source (an xAPI activity id, a SCORM course id) to a
 * Trainproof course. Empty means "not a course we know": the row is reported as {@link
 * ErrorKind#UNKNOWN_COURSE}. Must be thread-safe if the importer is shared.
 */
@FunctionalInterface
public interface CourseMapping {

  /**
   * Maps a source identifier.
   *
   * @param sourceId the activity IRI or course id as it appears in the input
   * @return the course, or empty
   */
  Optional<CourseRef> courseFor(String sourceId);

  /**
   * @return a mapping that reads the source identifier as the course code itself
   */
  static CourseMapping byCode() {
    return id -> Optional.of(CourseRef.of(id));
  }
}
