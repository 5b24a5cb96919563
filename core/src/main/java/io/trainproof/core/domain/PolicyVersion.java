package io.trainproof.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One version of a policy's text. The text itself stays with the host; Trainproof keeps the SHA-256
 * of the exact text, so evidence can prove which text a member saw. A material version triggers
 * retraining of the roles it affects. Immutable.
 *
 * @param id the version's id
 * @param policy the policy it belongs to
 * @param organization the organization
 * @param number 1 for the first version, then consecutive
 * @param effectiveFrom the date it takes effect
 * @param textSha256 lowercase hex SHA-256 of the exact text
 * @param changeNotes what changed and why
 * @param material whether the change is material (45 CFR 164.530(b)(2)(i)(C))
 * @param affectedRoles roles whose functions the change affects; empty means every role in the
 *     audience of the requirements that cover the policy
 * @param lastInEffectOn the last date it was in effect, once superseded or retired
 * @param publishedAt when it was published
 */
public record PolicyVersion(
    Id<PolicyVersion> id,
    Id<Policy> policy,
    Id<Organization> organization,
    int number,
    LocalDate effectiveFrom,
    String textSha256,
    String changeNotes,
    boolean material,
    Set<String> affectedRoles,
    @Nullable LocalDate lastInEffectOn,
    Instant publishedAt) {

  /** Makes the role set immutable. */
  public PolicyVersion {
    affectedRoles = Set.copyOf(affectedRoles);
  }

  /**
   * Whether this version was in force on a date.
   *
   * @param date the date
   * @return true when effective on or before it and not yet out of effect
   */
  public boolean inForceOn(LocalDate date) {
    return !effectiveFrom.isAfter(date)
        && (lastInEffectOn == null || !lastInEffectOn.isBefore(date));
  }

  /**
   * This version marked as no longer in effect after a date.
   *
   * @param lastDay the last day in effect
   * @return the new value
   */
  public PolicyVersion endedOn(LocalDate lastDay) {
    return new PolicyVersion(
        id,
        policy,
        organization,
        number,
        effectiveFrom,
        textSha256,
        changeNotes,
        material,
        affectedRoles,
        lastDay,
        publishedAt);
  }
}
