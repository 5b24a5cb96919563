package io.trainproof.core.domain;

/** Why an assignment exists: the "why" of the evidence record. */
public enum AssignmentReason {
  /** A new hire's first training under a requirement. */
  ONBOARDING("onboarding of a new member"),
  /** A requirement that started after the member was engaged. */
  NEW_REQUIREMENT("a requirement that started after the member was engaged"),
  /** The next cycle of a recurring requirement. */
  PERIODIC("the next cycle of a recurring requirement"),
  /** Retraining after a material policy change (the version is on the assignment). */
  POLICY_CHANGE("a material policy change"),
  /** The member moved into the audience through a role, department or type change. */
  ROLE_CHANGE("a change of role, department or workforce type"),
  /** Assigned by hand. */
  MANUAL("assigned by hand"),
  /** Assigned by hand to correct a gap or an incident. */
  REMEDIATION("remediation of a gap or an incident");

  private final String description;

  AssignmentReason(String description) {
    this.description = description;
  }

  /**
   * Why the assignment was made, in words, for what a person reads; never the constant's name.
   *
   * @return lower-case words, e.g. {@code "a material policy change"}
   */
  public String description() {
    return description;
  }
}
