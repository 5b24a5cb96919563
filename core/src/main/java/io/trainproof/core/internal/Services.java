package io.trainproof.core.internal;

import io.trainproof.core.RetryPolicy;
import io.trainproof.core.assignment.AssignmentRules;
import io.trainproof.core.assignment.AssignmentService;
import io.trainproof.core.attestation.AttestationService;
import io.trainproof.core.audit.AuditService;
import io.trainproof.core.certificate.CertificateService;
import io.trainproof.core.certificate.WalletExchangeService;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.course.CourseService;
import io.trainproof.core.documentation.DocumentationService;
import io.trainproof.core.event.TrainproofListener;
import io.trainproof.core.external.CertificationService;
import io.trainproof.core.internal.engine.AssignmentEngine;
import io.trainproof.core.internal.engine.Rules;
import io.trainproof.core.notification.NotificationDispatcher;
import io.trainproof.core.notification.NotificationSink;
import io.trainproof.core.notification.SecurityReminderService;
import io.trainproof.core.organization.OrganizationService;
import io.trainproof.core.policy.PolicyService;
import io.trainproof.core.renewal.RenewalScheduler;
import io.trainproof.core.requirement.RequirementService;
import io.trainproof.core.retention.RetentionService;
import io.trainproof.core.spi.CredentialIssuer;
import io.trainproof.core.spi.OperationObserver;
import io.trainproof.core.spi.Store;
import io.trainproof.core.status.StatusService;
import io.trainproof.core.workforce.WorkforceService;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The services of one {@code Trainproof} instance, wired once over one unit-of-work context and one
 * assignment engine: the only place that knows which implementation serves which API. Immutable
 * after construction; thread-safe as the services are. Not API.
 */
public final class Services {
  private final Context context;
  private final OrganizationService organizations;
  private final WorkforceService workforce;
  private final PolicyService policies;
  private final CourseService courses;
  private final RequirementService requirements;
  private final AssignmentService assignments;
  private final CompletionService completions;
  private final RenewalScheduler scheduler;
  private final StatusService status;
  private final AttestationService attestations;
  private final AuditService audit;
  private final RetentionService retention;
  private final DocumentationService documentation;
  private final SecurityReminderService securityReminders;
  private final CertificateService certificates;
  private final WalletExchangeService walletExchanges;
  private final CertificationService certifications;
  private final AssignmentRules assignmentRules = new Rules();
  private final @Nullable NotificationDispatcher notifications;

  /**
   * Wires the services.
   *
   * @param clock the clock every service reads
   * @param store the store
   * @param listeners who hears domain events after commit
   * @param issuer what signs credentials, or null for none
   * @param dueSoonDays how many days before a due date counts as due soon
   * @param sink where notifications go, or null when the host delivers none
   * @param observer called around every operation
   * @param retry how a unit of work the database gave up is run again
   */
  public Services(
      Clock clock,
      Store store,
      List<TrainproofListener> listeners,
      @Nullable CredentialIssuer issuer,
      int dueSoonDays,
      @Nullable NotificationSink sink,
      OperationObserver observer,
      RetryPolicy retry) {
    this.context = new Context(clock, store, listeners, issuer, observer, retry);
    AssignmentEngine engine = new AssignmentEngine();
    AttestationServiceImpl attestationService = new AttestationServiceImpl(context);
    this.attestations = attestationService;
    this.organizations = new OrganizationServiceImpl(context);
    this.workforce = new WorkforceServiceImpl(context, engine, attestationService);
    this.policies = new PolicyServiceImpl(context, engine, attestationService);
    this.courses = new CourseServiceImpl(context);
    this.requirements = new RequirementServiceImpl(context, engine);
    this.assignments = new AssignmentServiceImpl(context, engine);
    this.completions = new CompletionServiceImpl(context, engine);
    this.scheduler = new RenewalSchedulerImpl(context, engine);
    this.status = new StatusServiceImpl(context, new StatusEvaluator(dueSoonDays));
    this.audit = new AuditServiceImpl(context);
    this.retention = new RetentionServiceImpl(context);
    this.documentation = new DocumentationServiceImpl(context);
    this.securityReminders = new SecurityReminderServiceImpl(context);
    this.certificates = new CertificateServiceImpl(context);
    this.walletExchanges = new WalletExchangeServiceImpl(context);
    this.certifications = new CertificationServiceImpl(context, engine);
    this.notifications = sink == null ? null : new NotificationDispatcherImpl(context, sink);
  }

  /**
   * @return the unit-of-work context the services share
   */
  public Context context() {
    return context;
  }

  /**
   * @return organizations
   */
  public OrganizationService organizations() {
    return organizations;
  }

  /**
   * @return the workforce
   */
  public WorkforceService workforce() {
    return workforce;
  }

  /**
   * @return policies
   */
  public PolicyService policies() {
    return policies;
  }

  /**
   * @return courses
   */
  public CourseService courses() {
    return courses;
  }

  /**
   * @return requirements
   */
  public RequirementService requirements() {
    return requirements;
  }

  /**
   * @return assignments
   */
  public AssignmentService assignments() {
    return assignments;
  }

  /**
   * @return completions
   */
  public CompletionService completions() {
    return completions;
  }

  /**
   * @return the renewal scheduler
   */
  public RenewalScheduler scheduler() {
    return scheduler;
  }

  /**
   * @return status
   */
  public StatusService status() {
    return status;
  }

  /**
   * @return attestations
   */
  public AttestationService attestations() {
    return attestations;
  }

  /**
   * @return the audit trail
   */
  public AuditService audit() {
    return audit;
  }

  /**
   * @return retention
   */
  public RetentionService retention() {
    return retention;
  }

  /**
   * @return documentation
   */
  public DocumentationService documentation() {
    return documentation;
  }

  /**
   * @return security reminders
   */
  public SecurityReminderService securityReminders() {
    return securityReminders;
  }

  /**
   * @return certificates
   */
  public CertificateService certificates() {
    return certificates;
  }

  /**
   * @return the wallet's side of certificate deliveries
   */
  public WalletExchangeService walletExchanges() {
    return walletExchanges;
  }

  /**
   * @return outside certifications
   */
  public CertificationService certifications() {
    return certifications;
  }

  /**
   * @return the assignment rule as a pure function
   */
  public AssignmentRules assignmentRules() {
    return assignmentRules;
  }

  /**
   * @return the outbox dispatcher, or null when no sink was configured
   */
  public @Nullable NotificationDispatcher notifications() {
    return notifications;
  }
}
