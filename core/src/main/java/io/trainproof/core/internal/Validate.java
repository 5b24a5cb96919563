package io.trainproof.core.internal;

import io.trainproof.core.NotFoundException;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.Transaction;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/** Validation that needs the store: references and composite rules. Not API. */
public final class Validate {
  private static final int MAX_DAYS = 3650;

  /** A fixed reference date for comparing periods of months and days. */
  private static final LocalDate REFERENCE = LocalDate.of(2001, 1, 1);

  private Validate() {}

  /**
   * Loads a member of the organization.
   *
   * @param tx the transaction
   * @param org the organization
   * @param id the member id
   * @return the member
   */
  public static WorkforceMember member(Transaction tx, Organization org, Id<WorkforceMember> id) {
    Check.notNull("member", id);
    return tx.members()
        .find(org.id(), id)
        .orElseThrow(() -> new NotFoundException("WorkforceMember", id));
  }

  /**
   * Loads a member the actor may act on under the current operation.
   *
   * @param w the unit of work
   * @param id the member id
   * @return the member
   */
  public static WorkforceMember member(Work w, Id<WorkforceMember> id) {
    return w.requireVisible(member(w.tx(), w.org(), id));
  }

  /**
   * Requires a member who is not terminated.
   *
   * @param member the member
   * @return the member
   */
  public static WorkforceMember notTerminated(WorkforceMember member) {
    if (member.latestTerms().status() == MemberStatus.TERMINATED) {
      throw new ValidationException("member", member.id(), "is terminated");
    }
    return member;
  }

  /**
   * Requires a course of the organization with at least one released version.
   *
   * @param tx the transaction
   * @param org the organization
   * @param field the field name for errors
   * @param id the course id
   * @return the newest version
   */
  public static CourseVersion releasedCourse(
      Transaction tx, Organization org, String field, Id<Course> id) {
    Check.notNull(field, id);
    if (tx.courses().find(org.id(), id).isEmpty()) {
      throw new ValidationException(field, id, "is not a course of this organization");
    }
    List<CourseVersion> versions = tx.courses().versions(org.id(), id);
    if (versions.isEmpty()) {
      throw new ValidationException(field, id, "has no released version");
    }
    return versions.get(versions.size() - 1);
  }

  /**
   * Checks a requirement's terms.
   *
   * @param tx the transaction
   * @param org the organization
   * @param terms the terms
   * @return the terms
   */
  public static RequirementTerms terms(Transaction tx, Organization org, RequirementTerms terms) {
    Check.notNull("terms", terms);
    Check.notNull("terms.effectiveFrom", terms.effectiveFrom());
    Check.notNull("terms.audience", terms.audience());
    releasedCourse(tx, org, "terms.course", terms.course());
    Check.inRange("terms.initialDueDays", terms.initialDueDays(), 0, MAX_DAYS);
    Check.inRange("terms.graceDays", terms.graceDays(), 0, MAX_DAYS);
    if (terms.retrainWithinDays() != null) {
      Check.inRange("terms.retrainWithinDays", terms.retrainWithinDays(), 0, MAX_DAYS);
    }
    Check.notNull("terms.reminders", terms.reminders());
    Period window = nonNegative("terms.renewalWindow", terms.renewalWindow());
    Period minimumActive = nonNegative("terms.minimumActive", terms.minimumActive());
    Recurrence recurrence = Check.notNull("terms.recurrence", terms.recurrence());
    if (recurrence instanceof Recurrence.Every every) {
      Period period = nonNegative("terms.recurrence.period", every.period());
      Check.notNull("terms.recurrence.from", every.from());
      if (!REFERENCE.plus(period).isAfter(REFERENCE)) {
        throw new ValidationException(
            "terms.recurrence.period", period, "must be at least one day");
      }
      if (longer(window, period)) {
        throw new ValidationException(
            "terms.renewalWindow", window, "is longer than the recurrence period " + period);
      }
    } else if (recurrence instanceof Recurrence.FixedDate fixed) {
      Check.notNull("terms.recurrence.date", fixed.date());
      if (longer(minimumActive, Period.ofYears(1))) {
        throw new ValidationException(
            "terms.minimumActive", minimumActive, "is longer than one year");
      }
      Period active = minimumActive.isZero() ? Period.ofYears(1) : minimumActive;
      if (longer(window, active)) {
        throw new ValidationException(
            "terms.renewalWindow", window, "is longer than the minimum active period " + active);
      }
    }
    return terms;
  }

  private static Period nonNegative(String field, Period period) {
    Check.notNull(field, period);
    if (period.isNegative()) {
      throw new ValidationException(field, period, "must not be negative");
    }
    return period;
  }

  private static boolean longer(Period a, Period b) {
    return REFERENCE.plus(a).isAfter(REFERENCE.plus(b));
  }
}
