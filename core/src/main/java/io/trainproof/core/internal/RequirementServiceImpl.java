package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.ValidationException;
import io.trainproof.core.access.Operation;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.internal.engine.AssignmentEngine;
import io.trainproof.core.requirement.RequirementService;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
    return ctx.run(
        actor,
        Operation.REQUIREMENT_WRITE,
        w -> {
          Validate.terms(w.tx(), w.org(), terms);
          if (!terms.active()) {
            throw new ValidationException(
                "terms.active", false, "a new requirement must be active");
          }
          Requirement requirement =
              w.tx()
                  .requirements()
                  .insert(
                      new Requirement(Id.random(), w.org().id(), n, r, List.of(terms), w.now(), 0));
          w.organizationChanged();
          w.audit("REQUIREMENT_CREATED", "Requirement", requirement.id(), facts(terms));
          reconcileAll(w, requirement, terms.effectiveFrom());
          return requirement;
        });
  }

  @Override
  public Requirement change(Actor actor, Id<Requirement> requirementId, RequirementTerms terms) {
    return ctx.run(
        actor,
        Operation.REQUIREMENT_WRITE,
        w -> {
          Requirement requirement = requirement(w, requirementId);
          Validate.terms(w.tx(), w.org(), terms);
          notBeforeLatest(requirement, terms.effectiveFrom());
          Requirement updated = w.tx().requirements().update(requirement.withTerms(terms));
          w.organizationChanged();
          w.audit("REQUIREMENT_CHANGED", "Requirement", requirement.id(), facts(terms));
          reconcileAll(w, updated, terms.effectiveFrom());
          return updated;
        });
  }

  @Override
  public Requirement retire(Actor actor, Id<Requirement> requirementId, LocalDate on) {
    Check.notNull("on", on);
    return ctx.run(
        actor,
        Operation.REQUIREMENT_WRITE,
        w -> {
          Requirement requirement = requirement(w, requirementId);
          if (!requirement.latestTerms().active()) {
            throw new ValidationException("requirement", requirementId, "is already retired");
          }
          notBeforeLatest(requirement, on);
          Requirement updated =
              w.tx()
                  .requirements()
                  .update(requirement.withTerms(requirement.latestTerms().withActive(on, false)));
          w.organizationChanged();
          w.audit(
              "REQUIREMENT_RETIRED", "Requirement", requirement.id(), Map.of("on", on.toString()));
          reconcileAll(w, updated, on);
          return updated;
        });
  }

  @Override
  public List<Requirement> list(Actor actor) {
    return ctx.run(
        actor, Operation.REQUIREMENT_READ, w -> w.tx().requirements().list(w.org().id()));
  }

  private void reconcileAll(Work w, Requirement requirement, LocalDate from) {
    LocalDate on = Dates.max(w.today(), from);
    for (WorkforceMember member : w.tx().members().list(w.org().id())) {
      engine.reconcile(w, member, requirement, on);
    }
  }

  private static Map<String, String> facts(RequirementTerms t) {
    return Map.of(
        "effectiveFrom",
        t.effectiveFrom().toString(),
        "course",
        t.course().toString(),
        "recurrence",
        t.recurrence().toString(),
        "initialDueDays",
        String.valueOf(t.initialDueDays()),
        "active",
        String.valueOf(t.active()));
  }

  private static Requirement requirement(Work w, Id<Requirement> id) {
    Check.notNull("requirement", id);
    return w.tx()
        .requirements()
        .find(w.org().id(), id)
        .orElseThrow(() -> new NotFoundException("Requirement", id));
  }

  private static void notBeforeLatest(Requirement requirement, LocalDate on) {
    LocalDate latest = requirement.latestTerms().effectiveFrom();
    if (on.isBefore(latest)) {
      throw new ValidationException(
          "terms.effectiveFrom",
          on,
          "is before the requirement's latest terms (" + latest + "); history is not rewritten");
    }
  }
}
