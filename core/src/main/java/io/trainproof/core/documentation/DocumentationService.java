package io.trainproof.core.documentation;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.AddressableDecision;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyReview;
import io.trainproof.core.domain.RegulatoryTopic;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Policy documentation duties: the review log, and decisions on addressable items. Thread-safe. */
public interface DocumentationService {

  /**
   * Records a review of a policy and sets its next review date.
   *
   * @param actor the caller
   * @param policy the policy
   * @param reviewedOn when
   * @param outcome what the review found
   * @param changesNeeded whether a new version is needed
   * @param nextReviewDueOn the next review date, after {@code reviewedOn}
   * @return the review
   */
  PolicyReview recordReview(
      Actor actor,
      Id<Policy> policy,
      LocalDate reviewedOn,
      String outcome,
      boolean changesNeeded,
      @Nullable LocalDate nextReviewDueOn);

  /**
   * A policy's review log, oldest first.
   *
   * @param actor the caller
   * @param policy the policy
   * @return the reviews
   */
  List<PolicyReview> reviews(Actor actor, Id<Policy> policy);

  /**
   * Records a new version of the decision on an addressable item.
   *
   * @param actor the caller
   * @param topic one of the four 164.308(a)(5)(ii) items
   * @param implementedAsTraining whether training covers it
   * @param rationale why
   * @param alternativeMeasure the alternative, required when not implemented as training
   * @param decidedOn the decision date
   * @return the decision
   */
  AddressableDecision decide(
      Actor actor,
      RegulatoryTopic topic,
      boolean implementedAsTraining,
      String rationale,
      @Nullable String alternativeMeasure,
      LocalDate decidedOn);

  /**
   * Every version of every addressable decision, by topic then number.
   *
   * @param actor the caller
   * @return the decisions
   */
  List<AddressableDecision> decisions(Actor actor);
}
