package io.trainproof.core.domain;

/** Why an assignment exists: the "why" of the evidence record. */
public enum AssignmentReason {
  /** A new hire's first training under a requirement. */
  ONBOARDING,
  /** A requirement that started after the member was engaged. */
  NEW_REQUIREMENT,
  /** The next cycle of a recurring requirement. */
  PERIODIC,
  /** Retraining after a material policy change (the version is on the assignment). */
  POLICY_CHANGE,
  /** The member moved into the audience through a role, department or type change. */
  ROLE_CHANGE,
  /** Assigned by hand. */
  MANUAL,
  /** Assigned by hand to correct a gap or an incident. */
  REMEDIATION
}
