package io.trainproof.architecture.planted;

import io.trainproof.persistence.jpa.internal.MemberEntity;

/**
 * A planted violation: a class outside the JPA store that uses its entities. Only tests read it.
 */
public final class ReachesIntoJpaInternals {
  private ReachesIntoJpaInternals() {}

  /**
   * @param entity an entity of the JPA store
   * @return its text, read from outside the JPA store
   */
  public static String describe(MemberEntity entity) {
    return entity.toString();
  }
}
