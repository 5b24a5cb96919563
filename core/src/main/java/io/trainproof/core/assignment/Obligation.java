package io.trainproof.core.assignment;

import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.Closure;
import io.trainproof.core.domain.RequirementTerms;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a member owes under one requirement on a date: nothing to do, cancel the open assignments
 * (the member left the audience or the rule was retired), or create one assignment. {@link
 * AssignmentRules#decide} computes it from dated facts only; the assignment engine carries it out
 * on every hire, change and sweep. "Nothing" and the two cancellations are shared constants, so
 * deciding allocates only when something is owed. Immutable; thread-safe.
 *
 * @param kind what to do
 * @param cancelReason for {@link Kind#CANCEL_OPEN}: the reason recorded on each cancellation
 * @param terms for {@link Kind#CREATE}: the requirement's terms in effect
 * @param reason for {@link Kind#CREATE}: why the assignment is made
 * @param anchorOn for {@link Kind#CREATE}: the date the due date is counted from
 * @param dueOn for {@link Kind#CREATE}: the due date
 * @param cycle for {@link Kind#CREATE}: the number of cycle assignments that already exist (names
 *     the new one in its dedupe key)
 */
public record Obligation(
    Kind kind,
    @Nullable String cancelReason,
    @Nullable RequirementTerms terms,
    @Nullable AssignmentReason reason,
    @Nullable LocalDate anchorOn,
    @Nullable LocalDate dueOn,
    int cycle) {

  /** What to do. */
  public enum Kind {
    /** Nothing is owed beyond what exists. */
    NOTHING,
    /** Cancel the open assignments under the requirement. */
    CANCEL_OPEN,
    /** Create one assignment. */
    CREATE
  }

  /** Nothing to do. */
  public static final Obligation NOTHING =
      new Obligation(Kind.NOTHING, null, null, null, null, null, 0);

  /** Cancel what is open: the requirement was retired. */
  public static final Obligation CANCEL_RETIRED =
      new Obligation(Kind.CANCEL_OPEN, Closure.REQUIREMENT_RETIRED, null, null, null, null, 0);

  /** Cancel what is open: the member is no longer in the requirement's audience. */
  public static final Obligation CANCEL_OUTSIDE_AUDIENCE =
      new Obligation(Kind.CANCEL_OPEN, Closure.LEFT_AUDIENCE, null, null, null, null, 0);

  /**
   * One assignment to create.
   *
   * @param terms the requirement's terms in effect
   * @param reason why
   * @param anchorOn the date the due date is counted from
   * @param dueOn the due date
   * @param cycle the number of cycle assignments that already exist
   * @return the decision
   */
  public static Obligation create(
      RequirementTerms terms,
      AssignmentReason reason,
      LocalDate anchorOn,
      LocalDate dueOn,
      int cycle) {
    return new Obligation(Kind.CREATE, null, terms, reason, anchorOn, dueOn, cycle);
  }
}
