package io.trainproof.core.status;

/**
 * Where a member stands on one requirement on a date, derived from dates when asked (never a stored
 * flag). Declared from worst to best, so the worst of several is the smallest.
 */
public enum ComplianceStatus {
  /** An open assignment is past its due date plus the grace period. */
  OVERDUE,
  /** The last completion has expired and the renewal is not yet overdue. */
  EXPIRED,
  /** Required, but neither a valid completion nor an open assignment exists (a gap). */
  UNASSIGNED,
  /** Due within the due-soon horizon (or past due but inside the grace period). */
  DUE_SOON,
  /** Assigned, never completed, not yet due soon (e.g. a new hire inside onboarding). */
  PENDING,
  /** The current cycle was waived by an approver. */
  WAIVED,
  /** A valid completion covers the date. */
  COMPLIANT
}
