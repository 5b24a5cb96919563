package io.trainproof.reporting.evidence;

import io.trainproof.core.ValidationException;

/** Whose records an evidence pack covers: a sample of the period's new hires, or everyone. */
public sealed interface Sample permits Sample.Everyone, Sample.NewHires {

  /**
   * @return every member the actor may see
   */
  static Sample everyone() {
    return new Everyone();
  }

  /**
   * A reproducible sample of new hires: the same seed over the same records picks the same members,
   * so an auditor can check the selection.
   *
   * @param size how many, at least 1
   * @param seed the selection seed, recorded in the manifest
   * @return the sample
   */
  static Sample newHires(int size, long seed) {
    return new NewHires(size, seed);
  }

  /** Every member the actor may see. */
  record Everyone() implements Sample {}

  /**
   * A sample of the new hires engaged in the period.
   *
   * @param size how many, at least 1
   * @param seed the selection seed
   */
  record NewHires(int size, long seed) implements Sample {
    /** Checks the size. */
    public NewHires {
      if (size < 1) {
        throw new ValidationException("sample.size", size, "must be at least 1");
      }
    }
  }
}
