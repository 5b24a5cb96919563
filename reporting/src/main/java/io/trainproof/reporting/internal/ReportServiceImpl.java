package io.trainproof.reporting.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.reporting.report.AcknowledgementMatrix;
import io.trainproof.reporting.report.AddressableDecisions;
import io.trainproof.reporting.report.Dashboard;
import io.trainproof.reporting.report.DateRange;
import io.trainproof.reporting.report.MemberTranscript;
import io.trainproof.reporting.report.NewHireTimeliness;
import io.trainproof.reporting.report.OrganizationSummary;
import io.trainproof.reporting.report.OverdueAndExpiring;
import io.trainproof.reporting.report.PolicyVersionsInForce;
import io.trainproof.reporting.report.RenewalForecast;
import io.trainproof.reporting.report.ReportService;
import io.trainproof.reporting.report.RetrainingReport;
import io.trainproof.reporting.report.RoleContentMatrix;
import io.trainproof.reporting.report.SecurityReminderLog;
import io.trainproof.reporting.report.WaiversAndExtensions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Computes every report through core's services as the calling actor: a thin facade over one query
 * class per report, which share a {@link QueryContext} for opening the run, its lookups and the
 * standings walk. Stateless and thread-safe; each call builds its own {@link Lookups}.
 */
public final class ReportServiceImpl implements ReportService {
  private final QueryContext context;
  private final ComplianceSummaryQuery summary;
  private final MemberTranscriptQuery transcript;
  private final OverdueAndExpiringQuery overdue;
  private final NewHireTimelinessQuery newHires;
  private final RetrainingQuery retraining;
  private final AcknowledgementMatrixQuery acknowledgements;
  private final SecurityReminderLogQuery reminders;
  private final WaiversAndExtensionsQuery waivers;
  private final RoleContentMatrixQuery roleContent;
  private final RenewalForecastQuery forecast;
  private final PolicyVersionsInForceQuery policies;
  private final AddressableDecisionsQuery decisions;
  private final DashboardQuery dashboard;

  /**
   * Creates the service.
   *
   * @param trainproof the instance whose services are read
   * @param clock the clock (the as-of date may not be after today)
   * @param pageSize how many records one page read asks for
   */
  public ReportServiceImpl(Trainproof trainproof, Clock clock, int pageSize) {
    this.context = new QueryContext(trainproof, clock, pageSize);
    this.summary = new ComplianceSummaryQuery(context);
    this.transcript = new MemberTranscriptQuery(context);
    this.overdue = new OverdueAndExpiringQuery(context);
    this.newHires = new NewHireTimelinessQuery(context);
    this.retraining = new RetrainingQuery(context);
    this.acknowledgements = new AcknowledgementMatrixQuery(context);
    this.reminders = new SecurityReminderLogQuery(context);
    this.waivers = new WaiversAndExtensionsQuery(context);
    this.roleContent = new RoleContentMatrixQuery(context);
    this.forecast = new RenewalForecastQuery(context);
    this.policies = new PolicyVersionsInForceQuery(context);
    this.decisions = new AddressableDecisionsQuery(context);
    this.dashboard = new DashboardQuery(context);
  }

  /**
   * Opens a run.
   *
   * @param actor the caller
   * @param asOf the date
   * @param period the period, if any
   * @return the scope
   */
  public Scope scope(Actor actor, LocalDate asOf, @Nullable DateRange period) {
    return context.open(actor, asOf, period);
  }

  @Override
  public OrganizationSummary organizationSummary(Actor actor, LocalDate asOf) {
    return summary.report(actor, asOf);
  }

  @Override
  public MemberTranscript memberTranscript(
      Actor actor, Id<WorkforceMember> memberId, LocalDate asOf) {
    return transcript.report(actor, memberId, asOf);
  }

  @Override
  public OverdueAndExpiring overdueAndExpiring(Actor actor, LocalDate asOf) {
    return overdue.report(actor, asOf);
  }

  @Override
  public NewHireTimeliness newHireTimeliness(Actor actor, DateRange period, LocalDate asOf) {
    return newHires.report(actor, period, asOf);
  }

  @Override
  public RetrainingReport retraining(Actor actor, LocalDate asOf) {
    return retraining.report(actor, asOf);
  }

  @Override
  public AcknowledgementMatrix acknowledgementMatrix(Actor actor, LocalDate asOf) {
    return acknowledgements.report(actor, asOf);
  }

  @Override
  public SecurityReminderLog securityReminderLog(Actor actor, DateRange period, LocalDate asOf) {
    return reminders.report(actor, period, asOf);
  }

  @Override
  public WaiversAndExtensions waiversAndExtensions(Actor actor, LocalDate asOf) {
    return waivers.report(actor, asOf);
  }

  @Override
  public RoleContentMatrix roleContentMatrix(Actor actor, LocalDate asOf) {
    return roleContent.report(actor, asOf);
  }

  @Override
  public RenewalForecast renewalForecast(Actor actor, LocalDate asOf) {
    return forecast.report(actor, asOf);
  }

  @Override
  public PolicyVersionsInForce policyVersionsInForce(Actor actor, LocalDate asOf) {
    return policies.report(actor, asOf);
  }

  @Override
  public AddressableDecisions addressableDecisions(Actor actor, LocalDate asOf) {
    return decisions.report(actor, asOf);
  }

  @Override
  public Dashboard dashboard(Actor actor, LocalDate asOf) {
    return dashboard.report(actor, asOf);
  }

  // The evidence pack builds several reports inside one run, sharing its scope and lookups.

  /**
   * New lookups for a run (for the evidence pack, which shares them across reports).
   *
   * @param s the run
   * @return the lookups
   */
  Lookups lookups(Scope s) {
    return context.lookups(s);
  }

  /**
   * A member's transcript inside a run.
   *
   * @param s the run
   * @param l its lookups
   * @param memberId the member
   * @return the transcript
   */
  MemberTranscript transcript(Scope s, Lookups l, Id<WorkforceMember> memberId) {
    return transcript.in(s, l, memberId);
  }

  /**
   * The new hires the actor may see, engaged in a period, in id order.
   *
   * @param l the run's lookups
   * @param period the engagement period
   * @return the members
   */
  List<WorkforceMember> newHires(Lookups l, DateRange period) {
    return NewHireTimelinessQuery.newHires(l, period);
  }

  /**
   * The timeliness report over chosen new hires.
   *
   * @param s the run
   * @param l its lookups
   * @param period the engagement period
   * @param population how many new hires there were
   * @param sample the ones to report on
   * @return the report
   */
  NewHireTimeliness newHires(
      Scope s, Lookups l, DateRange period, int population, List<WorkforceMember> sample) {
    return newHires.in(s, l, period, population, sample);
  }

  /**
   * The retraining report inside a run.
   *
   * @param s the run
   * @param l its lookups
   * @return the report
   */
  RetrainingReport retraining(Scope s, Lookups l) {
    return retraining.in(s, l);
  }

  /**
   * The acknowledgement matrix inside a run, over chosen members.
   *
   * @param s the run
   * @param l its lookups
   * @param include which members get a row
   * @return the matrix
   */
  AcknowledgementMatrix acknowledgements(Scope s, Lookups l, Predicate<WorkforceMember> include) {
    return acknowledgements.in(s, l, include);
  }

  /**
   * The summary inside a run.
   *
   * @param s the run
   * @return the summary
   */
  OrganizationSummary summaryIn(Scope s) {
    return summary.in(s);
  }
}
