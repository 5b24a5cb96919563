package io.trainproof.core.internal.engine;

import io.trainproof.core.assignment.AssignmentRules;
import io.trainproof.core.assignment.Obligation;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Certification;
import io.trainproof.core.domain.CertificationKind;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.WorkforceMember;
import java.time.LocalDate;
import java.util.List;

/**
 * The assignment rule the API hands out: the engine's own pure decision. Stateless; thread-safe.
 * Not API.
 */
public final class Rules implements AssignmentRules {
  /** Creates the rule. */
  public Rules() {}

  @Override
  public Obligation decide(
      WorkforceMember member,
      Requirement requirement,
      List<Assignment> assignments,
      List<Completion> completions,
      List<Certification> certifications,
      List<CertificationKind> kinds,
      LocalDate on) {
    return Decision.decide(
        member, requirement, assignments, completions, certifications, kinds, on);
  }
}
