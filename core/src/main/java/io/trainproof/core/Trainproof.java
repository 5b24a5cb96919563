package io.trainproof.core;

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
import io.trainproof.core.internal.Check;
import io.trainproof.core.internal.MicrosecondClock;
import io.trainproof.core.internal.Services;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The entry point: one instance per store, built once and shared. Exposes the services; every
 * service call names the {@link Actor} it runs for and runs in one transaction of the store.
 * Thread-safe.
 *
 * <pre>{@code
 * Trainproof trainproof = Trainproof.builder()
 *     .store(new InMemoryStore())
 *     .clock(Clock.systemUTC())
 *     .build();
 * }</pre>
 */
public final class Trainproof {
  private final Services services;
  private final Clock clock;

  private Trainproof(Builder b) {
    // why: instants are recorded (and hashed into the audit chain) as the store keeps them
    this.clock = MicrosecondClock.of(b.clock);
    this.services =
        new Services(
            clock,
            Check.notNull("store", b.store),
            b.listeners,
            b.issuer,
            b.dueSoonDays,
            b.sink,
            b.observer,
            b.retry);
  }

  /**
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return organizations (tenants)
   */
  public OrganizationService organizations() {
    return services.organizations();
  }

  /**
   * @return hires, changes, leave and terminations
   */
  public WorkforceService workforce() {
    return services.workforce();
  }

  /**
   * @return policies and their versions
   */
  public PolicyService policies() {
    return services.policies();
  }

  /**
   * @return courses and their versions
   */
  public CourseService courses() {
    return services.courses();
  }

  /**
   * @return training rules
   */
  public RequirementService requirements() {
    return services.requirements();
  }

  /**
   * The assignment rule as a pure function of dated facts: what a member owes under a requirement
   * on a date, exactly as the services and the sweep decide it. Reads and writes nothing.
   *
   * @return the rule
   */
  public AssignmentRules assignmentRules() {
    return services.assignmentRules();
  }

  /**
   * @return manual assignments, waivers and extensions
   */
  public AssignmentService assignments() {
    return services.assignments();
  }

  /**
   * @return completions
   */
  public CompletionService completions() {
    return services.completions();
  }

  /**
   * @return the renewal scheduler the host's scheduler calls
   */
  public RenewalScheduler scheduler() {
    return services.scheduler();
  }

  /**
   * @return compliance status as of any date
   */
  public StatusService status() {
    return services.status();
  }

  /**
   * @return policy attestations
   */
  public AttestationService attestations() {
    return services.attestations();
  }

  /**
   * @return the audit trail: read, verify, export
   */
  public AuditService audit() {
    return services.audit();
  }

  /**
   * @return retention, legal holds and purge
   */
  public RetentionService retention() {
    return services.retention();
  }

  /**
   * @return policy reviews and addressable-item decisions
   */
  public DocumentationService documentation() {
    return services.documentation();
  }

  /**
   * @return security reminders
   */
  public SecurityReminderService securityReminders() {
    return services.securityReminders();
  }

  /**
   * @return certificates
   */
  public CertificateService certificates() {
    return services.certificates();
  }

  /**
   * @return the wallet's side of certificate deliveries (VC API exchanges and OpenID4VCI), for the
   *     host's wallet endpoints
   */
  public WalletExchangeService walletExchanges() {
    return services.walletExchanges();
  }

  /**
   * @return certifications from outside providers that stand in for training
   */
  public CertificationService certifications() {
    return services.certifications();
  }

  /**
   * The outbox dispatcher the host's scheduler calls.
   *
   * @return the dispatcher
   * @throws ValidationException when no notification sink was configured
   */
  public NotificationDispatcher notifications() {
    NotificationDispatcher dispatcher = services.notifications();
    if (dispatcher == null) {
      throw new ValidationException("notificationSink", null, "is not configured on the builder");
    }
    return dispatcher;
  }

  /**
   * Runs several service calls in one transaction of the store: all of them commit, or none (a
   * roster file applied all-or-nothing, say). Events are published once, after the commit.
   *
   * @param work the calls
   * @param <T> the result type
   * @return what the work returned
   */
  public <T> T atomically(Supplier<T> work) {
    return services.context().atomically(Check.notNull("work", work));
  }

  /**
   * Runs several service calls and rolls them all back: the result tells what they would have done;
   * nothing is written, no event or notification goes out.
   *
   * @param work the calls
   * @param <T> the result type
   * @return what the work returned
   */
  public <T> T dryRun(Supplier<T> work) {
    return services.context().dryRun(Check.notNull("work", work));
  }

  /**
   * @return the clock this instance reads
   */
  public Clock clock() {
    return clock;
  }

  /** Builds a {@link Trainproof}. Not thread-safe; use from one thread, then discard. */
  public static final class Builder {
    private @Nullable Store store;
    private Clock clock = Clock.systemUTC();
    private int dueSoonDays = 30;
    private final List<TrainproofListener> listeners = new ArrayList<>();
    private @Nullable CredentialIssuer issuer;
    private @Nullable NotificationSink sink;
    private OperationObserver observer = OperationObserver.NONE;
    private RetryPolicy retry = RetryPolicy.DEFAULT;

    private Builder() {}

    /**
     * Called around every service operation, e.g. to time it or trace it (the Spring Boot starters
     * map it to Micrometer Observations). Default: none.
     *
     * @param operationObserver the observer
     * @return this builder
     */
    public Builder operationObserver(OperationObserver operationObserver) {
      this.observer = Check.notNull("operationObserver", operationObserver);
      return this;
    }

    /**
     * How a unit of work is run again when the database gave its transaction up to resolve
     * contention (a serialization failure or a deadlock). Default {@link RetryPolicy#DEFAULT};
     * {@link RetryPolicy#NONE} hands every such conflict to the caller.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retry = Check.notNull("retryPolicy", policy);
      return this;
    }

    /**
     * The credential issuer (the signing module) that issues certificates and seals attestations;
     * without one, attestations are still hash-chained in the audit trail and no certificates are
     * issued.
     *
     * @param credentialIssuer the issuer
     * @return this builder
     */
    public Builder credentialIssuer(CredentialIssuer credentialIssuer) {
      this.issuer = Check.notNull("credentialIssuer", credentialIssuer);
      return this;
    }

    /**
     * Where notifications are delivered.
     *
     * @param notificationSink the host's sink
     * @return this builder
     */
    public Builder notificationSink(NotificationSink notificationSink) {
      this.sink = Check.notNull("notificationSink", notificationSink);
      return this;
    }

    /**
     * Adds a listener for domain events, called after commit.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(TrainproofListener listener) {
      this.listeners.add(Check.notNull("listener", listener));
      return this;
    }

    /**
     * The store (required).
     *
     * @param store where records live
     * @return this builder
     */
    public Builder store(Store store) {
      this.store = Check.notNull("store", store);
      return this;
    }

    /**
     * The clock (default: system UTC). Tests pass a settable clock. The SDK reads it to the
     * microsecond, the precision SQL stores keep, so an instant read back from a store equals the
     * one the SDK recorded (and hashed into the audit chain).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Check.notNull("clock", clock);
      return this;
    }

    /**
     * How many days before a due date a status becomes due soon (default 30).
     *
     * @param days 0 to 365
     * @return this builder
     */
    public Builder dueSoonDays(int days) {
      this.dueSoonDays = Check.inRange("dueSoonDays", days, 0, 365);
      return this;
    }

    /**
     * Builds the instance.
     *
     * @return the instance
     * @throws ValidationException when no store was given
     */
    public Trainproof build() {
      Check.notNull("store", store);
      return new Trainproof(this);
    }
  }
}
