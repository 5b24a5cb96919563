package io.trainproof.integrations.cmi5;

import java.util.Optional;

/**
 * The host's mapping from a cmi5 activity id (an AU, or the block or course of a {@code satisfied}
 * statement) to a course and criterion, usually read from the course structure. Must be thread-safe
 * if the importer is shared.
 */
@FunctionalInterface
public interface AuMapping {

  /**
   * Maps an activity id.
   *
   * @param activityId the statement's {@code object.id}
   * @return the AU, or empty when it is not a course Trainproof knows
   */
  Optional<Cmi5Au> auFor(String activityId);
}
