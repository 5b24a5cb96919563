package io.trainproof.core.requirement;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.RequirementTerms;
import java.time.LocalDate;
import java.util.List;

/**
 * Training rules. Creating or changing one re-evaluates every member in the same transaction.
 * Thread-safe.
 */
public interface RequirementService {

  /**
   * Creates a requirement; its first terms' effective date is when the rule starts.
   *
   * @param actor the caller
   * @param name a name for reports
   * @param rationale why this audience needs this content
   * @param terms what it asks
   * @return the requirement
   */
  Requirement create(Actor actor, String name, String rationale, RequirementTerms terms);

  /**
   * Changes a requirement's terms from their effective date on (earlier terms are kept).
   *
   * @param actor the caller
   * @param requirement the requirement
   * @param terms the new terms
   * @return the requirement
   */
  Requirement change(Actor actor, Id<Requirement> requirement, RequirementTerms terms);

  /**
   * Retires a requirement from a date: open assignments under it are cancelled.
   *
   * @param actor the caller
   * @param requirement the requirement
   * @param on the first day it no longer applies
   * @return the requirement
   */
  Requirement retire(Actor actor, Id<Requirement> requirement, LocalDate on);

  /**
   * Lists requirements.
   *
   * @param actor the caller
   * @return the requirements, oldest first
   */
  List<Requirement> list(Actor actor);
}
