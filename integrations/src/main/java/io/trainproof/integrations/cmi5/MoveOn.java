package io.trainproof.integrations.cmi5;

import io.trainproof.core.ValidationException;

/** The cmi5 {@code moveOn} criterion of an assignable unit: what satisfies it. */
public enum MoveOn {
  /** A {@code completed} statement. */
  COMPLETED("Completed"),
  /** A {@code passed} statement. */
  PASSED("Passed"),
  /** Both a {@code completed} and a {@code passed} statement, in any order. */
  COMPLETED_AND_PASSED("CompletedAndPassed"),
  /** Either a {@code completed} or a {@code passed} statement. */
  COMPLETED_OR_PASSED("CompletedOrPassed"),
  /**
   * Satisfied on launch, without any evidence of training: Trainproof records nothing for it, since
   * it would not be evidence that anyone was trained.
   */
  NOT_APPLICABLE("NotApplicable");

  private final String specName;

  MoveOn(String specName) {
    this.specName = specName;
  }

  /**
   * @return the name the cmi5 course structure uses
   */
  public String specName() {
    return specName;
  }

  /**
   * Parses the course structure's value.
   *
   * @param value e.g. {@code CompletedAndPassed}
   * @return the criterion
   * @throws ValidationException when it is not one of the five
   */
  public static MoveOn parse(String value) {
    for (MoveOn m : values()) {
      if (m.specName.equals(value)) {
        return m;
      }
    }
    throw new ValidationException("moveOn", value, "is not a cmi5 moveOn value");
  }
}
