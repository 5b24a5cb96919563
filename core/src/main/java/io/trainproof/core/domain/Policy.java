package io.trainproof.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One of the organization's own policies; its content lives in {@link PolicyVersion}s. Immutable.
 *
 * @param id the policy's id
 * @param organization its organization
 * @param code a short code unique in the organization, e.g. {@code "PRIV-01"}
 * @param title its title
 * @param audience the workforce it applies to (who attests to it)
 * @param attestOn which new versions ask the audience for an attestation
 * @param attestWithinDays an automatic attestation is due this many days after the later of
 *     publication and the version's effective date
 * @param reviewDueOn when the policy is next due for review (164.316(b)(2)(iii)), if set
 * @param createdAt when it was created
 * @param version optimistic-lock version, managed by the store
 */
public record Policy(
    Id<Policy> id,
    Id<Organization> organization,
    String code,
    String title,
    Audience audience,
    AttestationTrigger attestOn,
    int attestWithinDays,
    @Nullable LocalDate reviewDueOn,
    Instant createdAt,
    long version) {

  /**
   * This policy with a new review-due date.
   *
   * @param next the next review date
   * @return the new value
   */
  public Policy withReviewDueOn(@Nullable LocalDate next) {
    return new Policy(
        id,
        organization,
        code,
        title,
        audience,
        attestOn,
        attestWithinDays,
        next,
        createdAt,
        version);
  }
}
