package io.trainproof.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A training rule: its audience must complete a course, on a schedule. Terms are effective-dated in
 * {@link #history()}, oldest first. Immutable.
 *
 * @param id the requirement's id
 * @param organization its organization
 * @param name a name for reports
 * @param rationale why these roles need this content (the 164.530(b)(1) matrix rationale)
 * @param history effective-dated terms, oldest first, never empty
 * @param createdAt when it was created
 * @param version optimistic-lock version, managed by the store
 */
public record Requirement(
    Id<Requirement> id,
    Id<Organization> organization,
    String name,
    String rationale,
    List<RequirementTerms> history,
    Instant createdAt,
    long version) {

  /** Makes the history immutable. */
  public Requirement {
    history = List.copyOf(history);
    if (history.isEmpty()) {
      throw new IllegalArgumentException("history must not be empty");
    }
  }

  /**
   * @return the date the rule started
   */
  public LocalDate startsOn() {
    return history.get(0).effectiveFrom();
  }

  /**
   * The terms in effect on a date.
   *
   * @param date the date
   * @return the terms, or empty before the rule started
   */
  public Optional<RequirementTerms> termsOn(LocalDate date) {
    return History.on(history, date, RequirementTerms::effectiveFrom);
  }

  /**
   * @return the latest terms recorded
   */
  public RequirementTerms latestTerms() {
    return history.get(history.size() - 1);
  }

  /**
   * This requirement with new terms appended (replacing terms of the same date).
   *
   * @param terms the new terms
   * @return the new value
   */
  public Requirement withTerms(RequirementTerms terms) {
    return new Requirement(
        id,
        organization,
        name,
        rationale,
        History.append(history, terms, RequirementTerms::effectiveFrom),
        createdAt,
        version);
  }
}
