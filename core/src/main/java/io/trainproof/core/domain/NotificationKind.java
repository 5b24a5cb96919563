package io.trainproof.core.domain;

/** The kinds of notification Trainproof writes to its outbox. */
public enum NotificationKind {
  /** A new assignment. */
  ASSIGNED,
  /** A reminder some days before the due date. */
  REMINDER,
  /** The due date is today. */
  DUE,
  /** The assignment is overdue. */
  OVERDUE,
  /** Escalation to the member's manager. */
  ESCALATION,
  /** A new attestation request. */
  ATTESTATION_REQUESTED,
  /** A periodic security reminder (164.308(a)(5)(ii)(A)). */
  SECURITY_REMINDER
}
