package io.trainproof.core.domain;

/**
 * The stored state of an assignment. Overdue and expiring are never stored: they are derived from
 * dates when asked (see the status service).
 */
public enum AssignmentState {
  /** Open, not started. */
  ASSIGNED,
  /** Open, started. */
  IN_PROGRESS,
  /** Closed by a passing completion. */
  COMPLETED,
  /** Closed by a waiver with approver and reason. */
  WAIVED,
  /** Closed because it is no longer required (termination, role change, retired rule). */
  CANCELLED;

  /**
   * @return true for the two open states
   */
  public boolean isOpen() {
    return this == ASSIGNED || this == IN_PROGRESS;
  }
}
