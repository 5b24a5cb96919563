package io.trainproof.core.domain;

/** The kinds of workforce member 45 CFR 160.103 names. */
public enum WorkforceType {
  /** On the payroll. */
  EMPLOYEE,
  /** Under contract, under the organization's direct control. */
  CONTRACTOR,
  /** Unpaid. */
  VOLUNTEER,
  /** Student or trainee. */
  TRAINEE
}
