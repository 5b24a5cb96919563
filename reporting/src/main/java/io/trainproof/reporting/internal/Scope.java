package io.trainproof.reporting.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.Organization;
import io.trainproof.reporting.report.DateRange;
import io.trainproof.reporting.report.ReportHeader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One report run: the actor, the organization, the as-of date (checked not to be in the future) and
 * when the run started. Immutable.
 *
 * @param actor the caller
 * @param org the caller's organization
 * @param asOf the date reported on
 * @param now when the run started
 */
public record Scope(Actor actor, Organization org, LocalDate asOf, Instant now) {

  /**
   * Opens a run, checking the inputs before anything is read.
   *
   * @param trainproof the instance
   * @param clock the clock
   * @param actor the caller
   * @param asOf the date
   * @param period the period, if the report has one; must end on or before {@code asOf}
   * @return the scope
   * @throws ValidationException when {@code asOf} is in the future or the period ends after it
   */
  public static Scope open(
      Trainproof trainproof, Clock clock, Actor actor, LocalDate asOf, @Nullable DateRange period) {
    if (actor == null) {
      throw new ValidationException("actor", null, "is required");
    }
    if (asOf == null) {
      throw new ValidationException("asOf", null, "is required");
    }
    Organization org = trainproof.organizations().get(actor);
    Instant now = clock.instant();
    LocalDate today = org.dateOf(now);
    if (asOf.isAfter(today)) {
      throw new ValidationException(
          "asOf", asOf, "is in the future (today is " + today + " in " + org.zone() + ")");
    }
    if (period != null && period.to().isAfter(asOf)) {
      throw new ValidationException("period", period, "ends after the as-of date " + asOf);
    }
    return new Scope(actor, org, asOf, now);
  }

  /**
   * A report header for this run.
   *
   * @param title the title
   * @param citation the citation
   * @param period the period, if any
   * @return the header
   */
  public ReportHeader header(String title, String citation, @Nullable DateRange period) {
    return new ReportHeader(title, citation, org.name(), org.zone(), asOf, period, now, actor.id());
  }

  /**
   * Whether an instant fell on or before the as-of date in the organization's zone.
   *
   * @param instant the instant
   * @return true when known by then
   */
  public boolean knownBy(Instant instant) {
    return !org.dateOf(instant).isAfter(asOf);
  }
}
