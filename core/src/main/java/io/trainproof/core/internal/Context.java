package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.ConflictException;
import io.trainproof.core.ForbiddenException;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.RetryPolicy;
import io.trainproof.core.TrainproofException;
import io.trainproof.core.ValidationException;
import io.trainproof.core.access.Operation;
import io.trainproof.core.access.Scope;
import io.trainproof.core.audit.AuditChain;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.CrossOrganizationGrant;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.event.TrainproofEvent;
import io.trainproof.core.event.TrainproofListener;
import io.trainproof.core.spi.CredentialIssuer;
import io.trainproof.core.spi.OperationObserver;
import io.trainproof.core.spi.Store;
import io.trainproof.core.spi.Transaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What every service shares, and the one way they touch the store: {@link #run} opens a
 * transaction, loads the actor's organization, checks the operation against the actor's role and
 * grants, runs the work, chains its audit entries in the same transaction, and publishes its events
 * after commit. A refused call writes nothing but an audit entry recording the attempt.
 * Thread-safe. Not API.
 *
 * @param clock the clock
 * @param store the store
 * @param listeners host listeners for domain events
 * @param issuer the credential issuer, when the signing module is configured
 * @param observer called around every operation
 * @param retry how a unit of work the database gave up is run again
 */
public record Context(
    Clock clock,
    Store store,
    List<TrainproofListener> listeners,
    @Nullable CredentialIssuer issuer,
    OperationObserver observer,
    RetryPolicy retry) {
  private static final Logger LOG = LoggerFactory.getLogger(Context.class);

  /**
   * Events of the outermost unit of work on this thread, while one is open: a call nested in {@link
   * #atomically} joins the outer transaction, so its events wait for the outer commit.
   */
  private static final ThreadLocal<List<TrainproofEvent>> PENDING = new ThreadLocal<>();

  /** A refusal inside {@link #atomically}, audited once the outer transaction has rolled back. */
  private static final ThreadLocal<Runnable> PENDING_REFUSAL = new ThreadLocal<>();

  /** Makes the listener list immutable. */
  public Context {
    listeners = List.copyOf(listeners);
  }

  /**
   * Runs one operation for an actor in one transaction.
   *
   * @param actor the caller
   * @param operation what it does
   * @param body the work
   * @param <T> the result type
   * @return what the work returned
   */
  public <T> T run(Actor actor, Operation operation, Function<Work, T> body) {
    Check.notNull("actor", actor);
    Id<Organization> orgId = actor.organization();
    if (orgId == null) {
      // why: the platform belongs to no organization, so there is no trail to write the refusal in
      LOG.warn("refused {} for the platform actor: it acts in no organization", operation);
      throw new ForbiddenException(
          actor.id(), operation.name(), "the platform acts in no organization");
    }
    // why: a nested call (inside atomically) restores the outer call's value, not nothing
    String outerOrg = MDC.get(OperationObserver.MDC_ORGANIZATION);
    MDC.put(OperationObserver.MDC_ORGANIZATION, orgId.value().toString());
    try {
      return observer.observe(
          operation,
          orgId,
          () ->
              retrying(
                  operation.name(),
                  PENDING.get() == null,
                  () -> runIn(orgId, actor, operation, body)));
    } finally {
      if (outerOrg == null) {
        MDC.remove(OperationObserver.MDC_ORGANIZATION);
      } else {
        MDC.put(OperationObserver.MDC_ORGANIZATION, outerOrg);
      }
    }
  }

  private <T> T runIn(
      Id<Organization> orgId, Actor actor, Operation operation, Function<Work, T> body) {
    Object[] outcome = new Object[2];
    boolean outermost = PENDING.get() == null;
    try {
      T result =
          store.inTransaction(
              tx -> {
                Organization org =
                    tx.organizations()
                        .find(orgId)
                        .orElseThrow(() -> new NotFoundException("Organization", orgId));
                Instant now = clock.instant();
                Scope scope = authorize(tx, actor, operation, org, now);
                Work work = new Work(tx, org, actor, operation, scope, now);
                T r = body.apply(work);
                if (operation.isRead()
                    && (actor.role() == ActorRole.AUDITOR
                        || actor.role() == ActorRole.VENDOR_SUPPORT)) {
                  work.audit("READ", "Operation", operation.name(), Map.of());
                }
                // why: in the write's own transaction, so no sweep can see the write without it
                work.resetChanged();
                chain(tx, org, actor, work);
                outcome[0] = work.events();
                return r;
              });
      @SuppressWarnings("unchecked")
      List<TrainproofEvent> events = (List<TrainproofEvent>) outcome[0];
      if (outermost) {
        publish(events);
      } else {
        PENDING.get().addAll(events);
      }
      return result;
    } catch (ForbiddenException e) {
      if (outermost) {
        recordRefusal(actor, orgId, operation.name(), e);
      } else if (PENDING_REFUSAL.get() == null) {
        PENDING_REFUSAL.set(() -> recordRefusal(actor, orgId, operation.name(), e));
      }
      throw e;
    }
  }

  /**
   * Runs several service calls in one transaction: all of them commit, or none. Events are
   * published once, after the commit.
   *
   * @param work the calls
   * @param <T> the result type
   * @return what the work returned
   */
  public <T> T atomically(Supplier<T> work) {
    if (PENDING.get() != null) {
      return work.get();
    }
    List<TrainproofEvent> events = new ArrayList<>();
    PENDING.set(events);
    T result;
    try {
      result =
          retrying(
              "unit of work",
              true,
              () -> {
                // why: a failed attempt's events never happened
                events.clear();
                PENDING_REFUSAL.remove();
                return store.inTransaction(tx -> work.get());
              });
    } finally {
      PENDING.remove();
      Runnable refusal = PENDING_REFUSAL.get();
      PENDING_REFUSAL.remove();
      if (refusal != null) {
        refusal.run();
      }
    }
    publish(events);
    return result;
  }

  /**
   * Runs an outermost unit of work again, by the retry policy, when the database gave its
   * transaction up to resolve contention. A unit nested in {@link #atomically} is not retried on
   * its own: the outer unit is.
   */
  private <T> T retrying(String what, boolean outermost, Supplier<T> attempt) {
    if (!outermost) {
      return attempt.get();
    }
    for (int n = 1; ; n++) {
      try {
        return attempt.get();
      } catch (ConflictException e) {
        if (!e.transientFailure() || n >= retry.maxAttempts()) {
          throw e;
        }
        Duration wait = retry.backoffBefore(n + 1);
        LOG.info(
            "{}: the database gave the transaction up ({}); attempt {} of {} in {} ms",
            what,
            e.getMessage(),
            n + 1,
            retry.maxAttempts(),
            wait.toMillis());
        pause(wait, e);
      }
    }
  }

  private static void pause(Duration wait, ConflictException cause) {
    if (wait.isZero()) {
      return;
    }
    try {
      Thread.sleep(wait.toMillis(), (int) (wait.toNanos() % 1_000_000));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw cause;
    }
  }

  /**
   * Runs several service calls in one transaction and rolls it back: nothing is written and no
   * event is published, but the calls see each other's effects, so the result tells what they would
   * have done.
   *
   * @param work the calls
   * @param <T> the result type
   * @return what the work returned
   */
  public <T> T dryRun(Supplier<T> work) {
    if (PENDING.get() != null) {
      throw new ValidationException("dryRun", "nested", "cannot run inside another unit of work");
    }
    PENDING.set(new ArrayList<>());
    try {
      store.inTransaction(
          tx -> {
            throw new RolledBack(work.get());
          });
      throw new IllegalStateException("unreachable: the dry run always rolls back");
    } catch (RolledBack rolledBack) {
      @SuppressWarnings("unchecked")
      T result = (T) rolledBack.result;
      return result;
    } finally {
      PENDING.remove();
      PENDING_REFUSAL.remove();
    }
  }

  /** Carries a dry run's result out of the transaction it rolls back. */
  private static final class RolledBack extends TrainproofException {
    private static final long serialVersionUID = 1L;
    private final transient Object result;

    RolledBack(Object result) {
      super("dry run rolled back");
      this.result = result;
    }
  }

  private Scope authorize(
      Transaction tx, Actor actor, Operation operation, Organization org, Instant now) {
    Scope scope = operation.scopeFor(actor.role());
    if (scope == Scope.NONE) {
      throw new ForbiddenException(
          actor.id(), operation.name(), "role " + actor.role() + " holds no grant for it");
    }
    if (actor.role() == ActorRole.VENDOR_SUPPORT) {
      boolean granted =
          tx.grants().forActor(org.id(), actor.id()).stream().anyMatch(g -> g.activeAt(now));
      if (!granted) {
        throw new ForbiddenException(
            actor.id(),
            operation.name(),
            "no active cross-organization grant for this organization");
      }
    }
    if ((scope == Scope.SELF || scope == Scope.TEAM) && actor.member() == null) {
      throw new ForbiddenException(
          actor.id(),
          operation.name(),
          "role " + actor.role() + " needs the actor's own member id");
    }
    return scope;
  }

  /** Appends a unit of work's audit entries to the organization's chain. */
  static void chain(Transaction tx, Organization org, Actor actor, Work work) {
    if (work.audits().isEmpty()) {
      return;
    }
    AuditEntry head = tx.audit().lockHead(org.id()).orElse(null);
    long sequence = head == null ? 0 : head.sequence();
    String previous = head == null ? AuditChain.GENESIS : head.hash();
    List<AuditEntry> entries = new ArrayList<>(work.audits().size());
    for (Work.PendingAudit p : work.audits()) {
      sequence++;
      AuditEntry draft =
          new AuditEntry(
              org.id(),
              sequence,
              p.at(),
              actor.id(),
              actor.role().name(),
              p.action(),
              p.subjectType(),
              p.subjectId(),
              p.details(),
              previous,
              "",
              false);
      String hash = AuditChain.hashOf(draft);
      entries.add(
          new AuditEntry(
              org.id(),
              sequence,
              p.at(),
              actor.id(),
              actor.role().name(),
              p.action(),
              p.subjectType(),
              p.subjectId(),
              p.details(),
              previous,
              hash,
              false));
      previous = hash;
    }
    // why: one store call for the whole chain segment (a sweep batch writes hundreds)
    tx.audit().appendAll(entries);
  }

  /**
   * Refuses a call made outside {@link #run} (creating organizations, granting vendor support,
   * reading an organization by id): records the attempt in the trail of the actor's organization
   * and of the organization it targeted (each that exists), then returns the exception to throw.
   *
   * @param actor the caller
   * @param target the organization the call named, or null
   * @param operation what was attempted, in words
   * @param reason why it is refused
   * @return the exception to throw
   */
  public ForbiddenException refuse(
      Actor actor, @Nullable Id<Organization> target, String operation, String reason) {
    ForbiddenException e = new ForbiddenException(actor.id(), operation, reason);
    Id<Organization> own = actor.organization();
    if (own != null) {
      recordRefusal(actor, own, operation, e);
    }
    if (target != null && !target.equals(own)) {
      recordRefusal(actor, target, operation, e);
    }
    if (own == null && target == null) {
      LOG.warn("refused {} for a platform actor: no organization to record it in", operation);
    }
    return e;
  }

  private void recordRefusal(
      Actor actor, Id<Organization> orgId, String operation, ForbiddenException e) {
    try {
      store.inTransaction(
          tx -> {
            Organization org = tx.organizations().find(orgId).orElse(null);
            if (org == null) {
              return null;
            }
            Work w =
                new Work(tx, org, actor, Operation.ORGANIZATION_READ, Scope.NONE, clock.instant());
            w.audit("FORBIDDEN", "Operation", operation, Map.of("reason", e.getMessage()));
            chain(tx, org, actor, w);
            return null;
          });
    } catch (RuntimeException failure) {
      LOG.warn("could not audit a refused {} call", operation, failure);
    }
  }

  private void publish(List<TrainproofEvent> events) {
    for (TrainproofEvent event : events) {
      for (TrainproofListener listener : listeners) {
        try {
          listener.onEvent(event);
        } catch (RuntimeException e) {
          LOG.warn("listener failed on {} (the change is committed)", event.type(), e);
        }
      }
    }
  }

  /**
   * Today's date in an organization's zone.
   *
   * @param organization the organization
   * @return today there
   */
  public LocalDate today(Organization organization) {
    return organization.dateOf(clock.instant());
  }

  /**
   * Grants vendor support access to an organization (platform only).
   *
   * @param grant the grant
   */
  public void saveGrant(CrossOrganizationGrant grant) {
    store.inTransaction(
        tx -> {
          Organization org =
              tx.organizations()
                  .find(grant.organization())
                  .orElseThrow(() -> new NotFoundException("Organization", grant.organization()));
          tx.grants().save(grant);
          Actor platform = Actor.platform(grant.grantedBy());
          Work w =
              new Work(
                  tx,
                  org,
                  platform,
                  Operation.ORGANIZATION_READ,
                  Scope.ORGANIZATION,
                  clock.instant());
          w.audit(
              "GRANT_CROSS_ORGANIZATION",
              "CrossOrganizationGrant",
              grant.id(),
              Map.of(
                  "actor",
                  grant.actorId(),
                  "expiresAt",
                  grant.expiresAt().toString(),
                  "reason",
                  grant.reason()));
          chain(tx, org, platform, w);
          return null;
        });
  }
}
