package io.trainproof.architecture.planted;

import io.trainproof.core.internal.engine.AssignmentEngine;

/** A planted violation: a class outside core that uses core's engine. Only tests read it. */
public final class ReachesIntoCoreEngine {
  private ReachesIntoCoreEngine() {}

  /**
   * @return an engine, built from outside core
   */
  public static Object engine() {
    return new AssignmentEngine();
  }
}
