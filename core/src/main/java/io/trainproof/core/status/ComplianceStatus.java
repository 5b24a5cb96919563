package io.trainproof.core.status;

/**
 * Where a member stands on one requirement on a date, derived from dates when asked (never a stored
 * flag). Declared from worst to best, so the worst of several is the smallest.
 */
public enum ComplianceStatus {
  /**
   * An open assignment is past its due date plus the grace period and the member holds no lapsed
   * completion for it: never completed, or a retraining or manual assignment not done in time.
   */
  OVERDUE("overdue"),
  /**
   * The member completed the requirement once, its validity ended ({@link
   * RequirementStatus#validUntil()} says when) and the renewal is not done, whether or not the
   * renewal is past its due date.
   */
  EXPIRED("expired"),
  /** Required, but neither a valid completion nor an open assignment exists (a gap). */
  UNASSIGNED("required, not assigned"),
  /** Due within the due-soon horizon (or past due but inside the grace period). */
  DUE_SOON("due soon"),
  /** Assigned, never completed, not yet due soon (e.g. a new hire inside onboarding). */
  PENDING("assigned, not yet due"),
  /**
   * Still covered by a valid completion, and the renewal window is open: a renewal is assigned
   * (from {@link RequirementStatus#openedOn()} to {@link RequirementStatus#dueOn()}) and not yet
   * due soon.
   */
  DUE_FOR_RENEWAL("due for renewal"),
  /** The current cycle was waived by an approver. */
  WAIVED("waived"),
  /** A valid completion covers the date. */
  COMPLIANT("compliant");

  private final String description;

  ComplianceStatus(String description) {
    this.description = description;
  }

  /**
   * The status in words, for what a person reads (reports, pages, CLI output); never the constant's
   * name.
   *
   * @return lower-case words, e.g. {@code "due soon"}
   */
  public String description() {
    return description;
  }

  /**
   * Whether a member with this status meets the requirement on the date: the one definition of "in
   * compliance" behind every figure the SDK reports (the organization summary, the dashboard's
   * headline and charts, evidence packs, the demo's console). In compliance: compliant, due for
   * renewal (still valid), due soon and assigned but not yet due (the member is inside the time the
   * organization allows, which 45 CFR 164.530(b)(2)(i) and 164.308(a)(5)(i) leave to its policy),
   * and waived by an approver (a documented exception). Not in compliance: overdue, expired, and
   * required but not assigned.
   *
   * @return true when the status counts as in compliance
   */
  public boolean inCompliance() {
    return switch (this) {
      case COMPLIANT, DUE_FOR_RENEWAL, DUE_SOON, PENDING, WAIVED -> true;
      case OVERDUE, EXPIRED, UNASSIGNED -> false;
    };
  }
}
