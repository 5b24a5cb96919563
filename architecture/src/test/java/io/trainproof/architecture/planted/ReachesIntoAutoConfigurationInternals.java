package io.trainproof.architecture.planted;

import io.trainproof.spring.boot.autoconfigure.internal.DeferredJpaStore;

/**
 * A planted violation: a class outside the auto-configuration module (a starter, say) that uses its
 * deferred store. Only tests read it.
 */
public final class ReachesIntoAutoConfigurationInternals {
  private ReachesIntoAutoConfigurationInternals() {}

  /**
   * @param store the auto-configuration's store
   * @return whether it is open, read from outside the auto-configuration
   */
  public static boolean open(DeferredJpaStore store) {
    return store.isOpen();
  }
}
