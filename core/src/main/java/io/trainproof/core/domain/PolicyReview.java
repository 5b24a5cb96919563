package io.trainproof.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One periodic review of a policy (164.316(b)(2)(iii)). Immutable.
 *
 * @param id the review's id
 * @param organization the organization
 * @param policy the policy reviewed
 * @param reviewedOn when
 * @param reviewer who
 * @param outcome what the review found
 * @param changesNeeded whether a new version is needed
 * @param nextReviewDueOn when the next review is due
 * @param recordedAt when recorded
 */
public record PolicyReview(
    Id<PolicyReview> id,
    Id<Organization> organization,
    Id<Policy> policy,
    LocalDate reviewedOn,
    String reviewer,
    String outcome,
    boolean changesNeeded,
    @Nullable LocalDate nextReviewDueOn,
    Instant recordedAt) {}
