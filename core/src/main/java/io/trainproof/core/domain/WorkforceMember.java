package io.trainproof.core.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Anyone under the organization's direct control. Identity and engagement date are fixed;
 * everything that changes is in the effective-dated {@link #history()}, oldest first, so the member
 * can be seen as of any date. Immutable; a change produces a new value with a higher {@link
 * #version()}.
 *
 * @param id the member's id
 * @param organization the member's organization
 * @param externalId the id in the host's HR system, unique per organization
 * @param displayName a name for reports
 * @param engagedOn the engagement (hire) date
 * @param history effective-dated terms, oldest first, never empty
 * @param version optimistic-lock version, managed by the store
 */
public record WorkforceMember(
    Id<WorkforceMember> id,
    Id<Organization> organization,
    String externalId,
    String displayName,
    LocalDate engagedOn,
    List<MemberTerms> history,
    long version) {

  /** Makes the history immutable. */
  public WorkforceMember {
    history = List.copyOf(history);
    if (history.isEmpty()) {
      throw new IllegalArgumentException("history must not be empty");
    }
  }

  /**
   * The terms in effect on a date.
   *
   * @param date a calendar date in the organization's zone
   * @return the terms, or empty before the engagement date
   */
  public Optional<MemberTerms> termsOn(LocalDate date) {
    return History.on(history, date, MemberTerms::effectiveFrom);
  }

  /**
   * @return the latest terms recorded (which may take effect in the future)
   */
  public MemberTerms latestTerms() {
    return history.get(history.size() - 1);
  }

  /**
   * Whether the member is active on a date.
   *
   * @param date the date
   * @return true when terms exist on that date and their status is active
   */
  public boolean activeOn(LocalDate date) {
    return termsOn(date).map(t -> t.status() == MemberStatus.ACTIVE).orElse(false);
  }

  /**
   * This member with new terms appended. Terms taking effect on the same date as the latest replace
   * them, so a correction on one day does not leave two entries for that day.
   *
   * @param terms the new terms; must not take effect before the latest
   * @return the new member value (version unchanged; the store increments it)
   */
  public WorkforceMember withTerms(MemberTerms terms) {
    return new WorkforceMember(
        id,
        organization,
        externalId,
        displayName,
        engagedOn,
        History.append(history, terms, MemberTerms::effectiveFrom),
        version);
  }
}
