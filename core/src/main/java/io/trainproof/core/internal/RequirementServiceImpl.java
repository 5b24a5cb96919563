package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.requirement.RequirementService;
import io.trainproof.core.spi.Transaction;
import java.time.LocalDate;
import java.util.List;

/** Implements {@link RequirementService}. Thread-safe. Not API. */
public final class RequirementServiceImpl implements RequirementService {
  private final Context ctx;
  private final AssignmentEngine engine;

  /**
   * Creates the service.
   *
   * @param ctx shared collaborators
   * @param engine the assignment engine
   */
  public RequirementServiceImpl(Context ctx, AssignmentEngine engine) {
    this.ctx = ctx;
    this.engine = engine;
  }

  @Override
  public Requirement create(Actor actor, String name, String rationale, RequirementTerms terms) {
    String n = Check.notBlank("name", name);
    String r = Check.notBlank("rationale", rationale);
    return ctx.store().inTransaction(tx -> {
      Organization org = ctx.organization(tx, actor, "create requirement");
      Validate.terms(tx, org, terms);
      if (!terms.active()) {
        throw new ValidationException("terms.active", false, "a new requirement must be active");
      }
      Requirement requirement = tx.requirements().insert(
          new Requirement(Id.random(), org.id(), n, r, List.of(terms), ctx.clock().instant(), 0));
      reconcileAll(tx, org, requirement, terms.effectiveFrom(), actor);
      return requirement;
    });
  }

  @Override
  public Requirement change(Actor actor, Id<Requirement> requirementId, RequirementTerms terms) {
    return ctx.store().inTransaction(tx -> {
      Organization org = ctx.organization(tx, actor, "change requirement");
      Requirement requirement = requirement(tx, org, requirementId);
      Validate.terms(tx, org, terms);
      notBeforeLatest(requirement, terms.effectiveFrom());
      Requirement updated = tx.requirements().update(requirement.withTerms(terms));
      reconcileAll(tx, org, updated, terms.effectiveFrom(), actor);
      return updated;
    });
  }

  @Override
  public Requirement retire(Actor actor, Id<Requirement> requirementId, LocalDate on) {
    Check.notNull("on", on);
    return ctx.store().inTransaction(tx -> {
      Organization org = ctx.organization(tx, actor, "retire requirement");
      Requirement requirement = requirement(tx, org, requirementId);
      if (!requirement.latestTerms().active()) {
        throw new ValidationException("requirement", requirementId, "is already retired");
      }
      notBeforeLatest(requirement, on);
      Requirement updated = tx.requirements().update(requirement.withTerms(requirement.latestTerms().withActive(on, false)));
      reconcileAll(tx, org, updated, on, actor);
      return updated;
    });
  }

  @Override
  public List<Requirement> list(Actor actor) {
    return ctx.store().inTransaction(tx -> tx.requirements().list(ctx.organization(tx, actor, "list requirements").id()));
  }

  private void reconcileAll(Transaction tx, Organization org, Requirement requirement, LocalDate from, Actor actor) {
    LocalDate on = AssignmentEngine.max(ctx.today(org), from);
    for (WorkforceMember member : tx.members().list(org.id())) {
      engine.reconcile(tx, org, member, requirement, on, actor.id());
    }
  }

  private static Requirement requirement(Transaction tx, Organization org, Id<Requirement> id) {
    Check.notNull("requirement", id);
    return tx.requirements().find(org.id(), id).orElseThrow(() -> new NotFoundException("Requirement", id));
  }

  private static void notBeforeLatest(Requirement requirement, LocalDate on) {
    LocalDate latest = requirement.latestTerms().effectiveFrom();
    if (on.isBefore(latest)) {
      throw new ValidationException("terms.effectiveFrom", on,
          "is before the requirement's latest terms (" + latest + "); history is not rewritten");
    }
  }
}
