package io.trainproof.core.domain;

import java.time.LocalDate;

/**
 * An extension of an assignment's due date. Immutable.
 *
 * @param grantedOn the date it was granted (it applies from then on)
 * @param newDueOn the new due date
 * @param approvedBy the actor who approved it ({@code system} for leave extensions)
 * @param reason why
 */
public record DueDateChange(
    LocalDate grantedOn, LocalDate newDueOn, String approvedBy, String reason) {}
