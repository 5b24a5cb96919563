package io.trainproof.core.internal;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Certification;
import io.trainproof.core.domain.CertificationKind;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.AssignmentCountQuery;
import io.trainproof.core.spi.AssignmentCounts;
import io.trainproof.core.status.AssignmentSummary;
import io.trainproof.core.status.ComplianceStatus;
import io.trainproof.core.status.RequirementStatus;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Derives compliance status as of a date from dated facts only: member and requirement terms in
 * effect that day, assignments created by then, closures and extensions dated by then, and
 * completions dated by then. Pure; thread-safe. Not API.
 */
public final class StatusEvaluator {
  private final int dueSoonDays;

  /**
   * Creates an evaluator.
   *
   * @param dueSoonDays how many days before a due date counts as due soon
   */
  public StatusEvaluator(int dueSoonDays) {
    this.dueSoonDays = dueSoonDays;
  }

  /**
   * A member's standing on a requirement on a date.
   *
   * @param member the member
   * @param requirement the requirement
   * @param assignments the member's assignments (any requirement)
   * @param completions the member's completions (any course)
   * @param d the date
   * @return the status, or empty when the requirement did not apply to the member that day (not in
   *     the audience, not active, or the rule not in force)
   */
  public Optional<RequirementStatus> evaluate(
      WorkforceMember member,
      Requirement requirement,
      List<Assignment> assignments,
      List<Completion> completions,
      LocalDate d) {
    return evaluate(member, requirement, assignments, completions, List.of(), List.of(), d);
  }

  /**
   * A member's standing on a requirement on a date, counting outside certifications that stand in
   * for the course.
   *
   * @param member the member
   * @param requirement the requirement
   * @param assignments the member's assignments (any requirement)
   * @param completions the member's completions (any course)
   * @param certifications the member's outside certifications
   * @param kinds the organization's certification kinds
   * @param d the date
   * @return the status, or empty when the requirement did not apply that day
   */
  public Optional<RequirementStatus> evaluate(
      WorkforceMember member,
      Requirement requirement,
      List<Assignment> assignments,
      List<Completion> completions,
      List<Certification> certifications,
      List<CertificationKind> kinds,
      LocalDate d) {
    Optional<RequirementTerms> rtOpt = requirement.termsOn(d);
    Optional<MemberTerms> mtOpt = member.termsOn(d);
    if (rtOpt.isEmpty()
        || mtOpt.isEmpty()
        || !rtOpt.get().active()
        || mtOpt.get().status() != MemberStatus.ACTIVE
        || !rtOpt.get().audience().matches(mtOpt.get())) {
      return Optional.empty();
    }
    RequirementTerms rt = rtOpt.get();
    List<Assignment> mine =
        assignments.stream()
            .filter(a -> requirement.id().equals(a.requirement()) && a.existsOn(d))
            .toList();
    Completion last = null;
    for (Completion c : completions) {
      if (c.passed() && c.course().equals(rt.course()) && !c.completedOn().isAfter(d)) {
        last = c;
      }
    }
    Assignment lastCycle =
        mine.stream()
            .filter(a -> a.reason() != AssignmentReason.POLICY_CHANGE)
            .filter(
                a ->
                    a.stateOn(d) == AssignmentState.COMPLETED
                        || a.stateOn(d) == AssignmentState.WAIVED)
            .max(
                Comparator.comparing((Assignment a) -> a.closed().on())
                    .thenComparing(Assignment::assignedAt))
            .orElse(null);
    boolean waived =
        lastCycle != null
            && lastCycle.closed().state() == AssignmentState.WAIVED
            && (last == null || last.completedOn().isBefore(lastCycle.closed().on()));
    LocalDate satisfiedOn =
        waived && lastCycle != null ? lastCycle.dueOn(d) : last == null ? null : last.completedOn();
    LocalDate validUntil =
        satisfiedOn == null ? null : DueDates.nextDue(rt, satisfiedOn, lastCycle);
    boolean covered = satisfiedOn != null && (validUntil == null || !d.isAfter(validUntil));
    boolean lapsed = satisfiedOn != null && !covered;
    Certification cert =
        certifications.isEmpty()
            ? null
            : CertificationServiceImpl.covering(certifications, kinds, rt.course(), d);
    if (cert != null
        && (!covered
            || (validUntil != null
                && (cert.expiresOn() == null || cert.expiresOn().isAfter(validUntil))))) {
      covered = true;
      lapsed = false;
      waived = false;
      validUntil = cert.expiresOn();
    }

    Assignment open =
        mine.stream()
            .filter(a -> a.openOn(d))
            .min(
                Comparator.comparing((Assignment a) -> a.dueOn(d))
                    .thenComparing(Assignment::assignedAt))
            .orElse(null);
    ComplianceStatus status;
    LocalDate due = open == null ? null : open.dueOn(d);
    if (open != null) {
      LocalDate openDue = open.dueOn(d);
      if (d.isAfter(openDue.plusDays(rt.graceDays()))) {
        // Past due and grace: a member whose last completion lapsed holds an expired
        // certification (and says so, with its date); one who never completed is overdue.
        status = lapsed ? ComplianceStatus.EXPIRED : ComplianceStatus.OVERDUE;
      } else if (covered) {
        // Still valid with the renewal window open: due for renewal, until it is due soon.
        status =
            dueSoon(d, openDue)
                ? ComplianceStatus.DUE_SOON
                : waived
                    ? ComplianceStatus.WAIVED
                    : open.reason() == AssignmentReason.PERIODIC
                        ? ComplianceStatus.DUE_FOR_RENEWAL
                        : ComplianceStatus.COMPLIANT;
      } else if (lapsed) {
        status = ComplianceStatus.EXPIRED;
      } else {
        status =
            dueSoon(d, openDue) || d.isAfter(openDue)
                ? ComplianceStatus.DUE_SOON
                : ComplianceStatus.PENDING;
      }
    } else if (covered) {
      status =
          waived
              ? ComplianceStatus.WAIVED
              : validUntil != null && dueSoon(d, validUntil)
                  ? ComplianceStatus.DUE_SOON
                  : ComplianceStatus.COMPLIANT;
    } else if (lapsed) {
      status = ComplianceStatus.EXPIRED;
    } else {
      status = ComplianceStatus.UNASSIGNED;
    }
    return Optional.of(
        new RequirementStatus(
            member.id(),
            requirement.id(),
            rt.course(),
            d,
            status,
            open == null ? null : open.id(),
            due,
            open == null ? null : open.assignedOn(),
            last == null ? null : last.completedOn(),
            // The last day covered, kept after it lapses: an expired status says since when.
            covered || lapsed ? validUntil : null));
  }

  /**
   * The standing on a manual or remediation assignment on a date.
   *
   * @param a the assignment (no requirement)
   * @param d the date
   * @return the status, or empty when it did not exist or was cancelled by then
   */
  public Optional<RequirementStatus> evaluateManual(Assignment a, LocalDate d) {
    if (!a.existsOn(d)) {
      return Optional.empty();
    }
    AssignmentState state = a.stateOn(d);
    if (state == AssignmentState.CANCELLED) {
      return Optional.empty();
    }
    LocalDate due = a.dueOn(d);
    ComplianceStatus status =
        switch (state) {
          case COMPLETED -> ComplianceStatus.COMPLIANT;
          case WAIVED -> ComplianceStatus.WAIVED;
          default ->
              overdue(d, due)
                  ? ComplianceStatus.OVERDUE
                  : dueSoon(d, due) ? ComplianceStatus.DUE_SOON : ComplianceStatus.PENDING;
        };
    boolean open = state.isOpen();
    LocalDate completedOn = state == AssignmentState.COMPLETED ? a.closed().on() : null;
    return Optional.of(
        new RequirementStatus(
            a.member(),
            null,
            a.course(),
            d,
            status,
            open ? a.id() : null,
            open ? due : null,
            open ? a.assignedOn() : null,
            completedOn,
            null));
  }

  /**
   * @return how many days before a due date counts as due soon
   */
  public int dueSoonDays() {
    return dueSoonDays;
  }

  /**
   * What the organization's assignment aggregate counts on a date ({@link
   * io.trainproof.core.status.AssignmentSummary} has the rules): members active that day, and open
   * assignments banded by these rules' own cut-offs, so a store counts facts and never restates
   * what overdue or due soon means. The first band is overdue, the second due soon, the third
   * pending; requirement grace periods are ignored, as the summary documents.
   *
   * @param organization the organization
   * @param d the date
   * @return the query
   */
  public AssignmentCountQuery summaryQuery(Id<Organization> organization, LocalDate d) {
    return new AssignmentCountQuery(
        organization, d, MemberStatus.ACTIVE, lastOverdueDue(d), lastDueSoonDue(d));
  }

  /**
   * The aggregate's row for one group of counts: overdue, due soon and pending are the three
   * due-date bands of {@link #summaryQuery}; cancelled assignments are not reported.
   *
   * @param counts what the store counted for the query of {@link #summaryQuery}
   * @return the summary row
   */
  public static AssignmentSummary summaryRow(AssignmentCounts counts) {
    return new AssignmentSummary(
        counts.department(),
        counts.type(),
        counts.roles(),
        counts.members(),
        counts.membersEarliestInFirstBand(),
        counts.membersEarliestInSecondBand(),
        counts.membersEarliestInThirdBand(),
        counts.openInThirdBand(),
        counts.openInSecondBand(),
        counts.openInFirstBand(),
        counts.completed(),
        counts.waived());
  }

  /** Open past its due date (before any grace period): due on or before {@link #lastOverdueDue}. */
  private static boolean overdue(LocalDate d, LocalDate due) {
    return !due.isAfter(lastOverdueDue(d));
  }

  /** Due within the window, or today, or already past: due on or before {@link #lastDueSoonDue}. */
  private boolean dueSoon(LocalDate d, LocalDate due) {
    return !due.isAfter(lastDueSoonDue(d));
  }

  /** The latest due date that is past on {@code d}: an assignment is overdue from the day after. */
  private static LocalDate lastOverdueDue(LocalDate d) {
    return d.minusDays(1);
  }

  /**
   * The latest due date that is due soon on {@code d}: {@code d >= due - n} means {@code due <= d +
   * n}.
   */
  private LocalDate lastDueSoonDue(LocalDate d) {
    return d.plusDays(dueSoonDays);
  }
}
