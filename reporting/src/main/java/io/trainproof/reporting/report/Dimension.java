package io.trainproof.reporting.report;

/** How the organization summary groups members. */
public enum Dimension {
  /** The whole visible workforce. */
  ALL,
  /** By job role (a member with two roles counts in both). */
  ROLE,
  /** By department or site. */
  DEPARTMENT,
  /** By workforce type. */
  WORKFORCE_TYPE
}
