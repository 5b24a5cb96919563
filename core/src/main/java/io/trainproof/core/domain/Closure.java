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
    @Nullable Id<Completion> completion) {}
