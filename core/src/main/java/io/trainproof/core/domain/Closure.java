package io.trainproof.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * How and when an assignment was closed. Immutable.
 *
 * @param state {@link AssignmentState#COMPLETED}, {@link AssignmentState#WAIVED} or {@link
 *     AssignmentState#CANCELLED}
 * @param on the calendar date it took effect
 * @param recordedAt when it was recorded
 * @param by the actor who closed it (the approver, for a waiver)
 * @param reason why
 * @param completion the completion that closed it, for a completed assignment
 */
public record Closure(
    AssignmentState state,
    LocalDate on,
    Instant recordedAt,
    String by,
    String reason,
    @Nullable Id<Completion> completion) {

  /** The reason the system records when a completion closes an assignment. */
  public static final String COMPLETED = "completed";

  /** The reason recorded on a terminated member's open assignments. */
  public static final String TERMINATED = "terminated";

  /** The reason recorded on a retired requirement's open assignments. */
  public static final String REQUIREMENT_RETIRED = "requirement retired";

  /** The reason recorded when a member leaves a requirement's audience. */
  public static final String LEFT_AUDIENCE = "no longer in the requirement's audience";

  /** The reason recorded on retraining owed no more: the member left the roles a change named. */
  public static final String LEFT_AFFECTED_ROLES =
      "left the affected roles before the policy change took effect";

  /**
   * The start of the reason recorded when an external certification closes an assignment; the
   * certification's kind code and credential id follow, separated by a space.
   */
  public static final String CERTIFICATION_PREFIX = "certification ";
}
