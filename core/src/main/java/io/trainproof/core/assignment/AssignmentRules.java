package io.trainproof.core.assignment;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Certification;
import io.trainproof.core.domain.CertificationKind;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.WorkforceMember;
import java.time.LocalDate;
import java.util.List;

/**
 * The assignment rule as a pure function: what a member owes under one requirement on a date, from
 * dated facts the caller supplies. It reads and writes nothing, so it needs no actor; the services
 * and the daily sweep carry out exactly this decision. Useful for a preview ("what would this
 * member owe if ...") and for property tests of the rule. Obtained from {@code
 * Trainproof.assignmentRules()}. Implementations are stateless and thread-safe.
 */
public interface AssignmentRules {
  /**
   * What a member owes under one requirement as of a date.
   *
   * @param member the member
   * @param requirement the requirement
   * @param assignments the member's assignments, any requirement
   * @param completions the member's completions, any course, ordered by completion date
   * @param certifications the member's outside certifications
   * @param kinds the organization's certification kinds (may be empty when the member holds none)
   * @param on the date to evaluate
   * @return the decision; {@link Obligation#NOTHING} when nothing is owed beyond what exists
   */
  Obligation decide(
      WorkforceMember member,
      Requirement requirement,
      List<Assignment> assignments,
      List<Completion> completions,
      List<Certification> certifications,
      List<CertificationKind> kinds,
      LocalDate on);
}
