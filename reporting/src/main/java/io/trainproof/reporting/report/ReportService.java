package io.trainproof.reporting.report;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.WorkforceMember;
import java.time.LocalDate;

/**
 * Computes the reports from core's services, calling them as the given actor: each report is scoped
 * to what that actor may see, and an actor without the grant a report needs gets core's {@link
 * io.trainproof.core.ForbiddenException}. Every report runs as of any past date; records made after
 * it are left out. Thread-safe.
 *
 * <p>Every method throws {@link io.trainproof.core.ValidationException} when {@code asOf} is after
 * today in the organization's zone, or a period is empty or ends after {@code asOf}.
 */
public interface ReportService {

  /**
   * Members by role, department and workforce type, counted by worst status.
   *
   * @param actor the caller
   * @param asOf the date
   * @return the summary
   */
  OrganizationSummary organizationSummary(Actor actor, LocalDate asOf);

  /**
   * One member's whole record.
   *
   * @param actor the caller
   * @param member the member
   * @param asOf the date
   * @return the transcript
   */
  MemberTranscript memberTranscript(Actor actor, Id<WorkforceMember> member, LocalDate asOf);

  /**
   * Overdue, expired, and due or expiring in 30 / 60 / 90 days.
   *
   * @param actor the caller
   * @param asOf the date
   * @return the report
   */
  OverdueAndExpiring overdueAndExpiring(Actor actor, LocalDate asOf);

  /**
   * Onboarding timeliness of everyone engaged in a period.
   *
   * @param actor the caller
   * @param period the engagement period
   * @param asOf the date, not before the period's end
   * @return the report
   */
  NewHireTimeliness newHireTimeliness(Actor actor, DateRange period, LocalDate asOf);

  /**
   * Retraining after each material policy change.
   *
   * @param actor the caller
   * @param asOf the date
   * @return the report
   */
  RetrainingReport retraining(Actor actor, LocalDate asOf);

  /**
   * Members against policy versions.
   *
   * @param actor the caller
   * @param asOf the date
   * @return the matrix
   */
  AcknowledgementMatrix acknowledgementMatrix(Actor actor, LocalDate asOf);

  /**
   * Security reminders sent in a period.
   *
   * @param actor the caller
   * @param period when sent
   * @param asOf the date acknowledgements are counted to, not before the period's end
   * @return the log
   */
  SecurityReminderLog securityReminderLog(Actor actor, DateRange period, LocalDate asOf);

  /**
   * Waivers and extensions with their approvers.
   *
   * @param actor the caller
   * @param asOf the date
   * @return the report
   */
  WaiversAndExtensions waiversAndExtensions(Actor actor, LocalDate asOf);

  /**
   * Role to required content, with rationale.
   *
   * @param actor the caller
   * @param asOf the date
   * @return the matrix
   */
  RoleContentMatrix roleContentMatrix(Actor actor, LocalDate asOf);

  /**
   * What comes due per month for the next twelve months.
   *
   * @param actor the caller
   * @param asOf the date
   * @return the forecast
   */
  RenewalForecast renewalForecast(Actor actor, LocalDate asOf);

  /**
   * Policy versions in force, with their hashes and review log.
   *
   * @param actor the caller
   * @param asOf the date
   * @return the report
   */
  PolicyVersionsInForce policyVersionsInForce(Actor actor, LocalDate asOf);

  /**
   * Decisions on the addressable Security Rule items.
   *
   * @param actor the caller
   * @param asOf the date
   * @return the report
   */
  AddressableDecisions addressableDecisions(Actor actor, LocalDate asOf);

  /**
   * The dashboard: summary, overdue trend and renewal forecast.
   *
   * @param actor the caller
   * @param asOf the date
   * @return the dashboard
   */
  Dashboard dashboard(Actor actor, LocalDate asOf);
}
