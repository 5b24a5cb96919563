package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.ValidationException;
import io.trainproof.core.access.Operation;
import io.trainproof.core.documentation.DocumentationService;
import io.trainproof.core.domain.AddressableDecision;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyReview;
import io.trainproof.core.domain.RegulatoryTopic;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Implements {@link DocumentationService}. Thread-safe. Not API. */
public final class DocumentationServiceImpl implements DocumentationService {
  private static final Set<RegulatoryTopic> ADDRESSABLE =
      EnumSet.of(
          RegulatoryTopic.SECURITY_REMINDERS,
          RegulatoryTopic.MALWARE_PROTECTION,
          RegulatoryTopic.LOG_IN_MONITORING,
          RegulatoryTopic.PASSWORD_MANAGEMENT);
  private final Context ctx;

  /**
   * Creates the service.
   *
   * @param ctx shared collaborators
   */
  public DocumentationServiceImpl(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public PolicyReview recordReview(
      Actor actor,
      Id<Policy> policyId,
      LocalDate reviewedOn,
      String outcome,
      boolean changesNeeded,
      @Nullable LocalDate nextReviewDueOn) {
    Check.notNull("reviewedOn", reviewedOn);
    String what = Check.notBlank("outcome", outcome);
    if (nextReviewDueOn != null && !nextReviewDueOn.isAfter(reviewedOn)) {
      throw new ValidationException(
          "nextReviewDueOn", nextReviewDueOn, "is not after the review date (" + reviewedOn + ")");
    }
    return ctx.run(
        actor,
        Operation.POLICY_WRITE,
        w -> {
          Policy policy = PolicyServiceImpl.policy(w, policyId);
          if (reviewedOn.isAfter(w.today())) {
            throw new ValidationException(
                "reviewedOn", reviewedOn, "is in the future (today is " + w.today() + ")");
          }
          PolicyReview review =
              new PolicyReview(
                  Id.random(),
                  w.org().id(),
                  policy.id(),
                  reviewedOn,
                  actor.id(),
                  what,
                  changesNeeded,
                  nextReviewDueOn,
                  w.now());
          w.tx().documentation().insertReview(review);
          w.tx().policies().update(policy.withReviewDueOn(nextReviewDueOn));
          w.organizationChanged();
          w.audit(
              "POLICY_REVIEWED",
              "Policy",
              policy.id(),
              Map.of(
                  "reviewedOn",
                  reviewedOn.toString(),
                  "changesNeeded",
                  String.valueOf(changesNeeded),
                  "nextReviewDueOn",
                  String.valueOf(nextReviewDueOn)));
          return review;
        });
  }

  @Override
  public List<PolicyReview> reviews(Actor actor, Id<Policy> policyId) {
    return ctx.run(
        actor,
        Operation.POLICY_READ,
        w ->
            w.tx()
                .documentation()
                .reviews(w.org().id(), PolicyServiceImpl.policy(w, policyId).id()));
  }

  @Override
  public AddressableDecision decide(
      Actor actor,
      RegulatoryTopic topic,
      boolean implementedAsTraining,
      String rationale,
      @Nullable String alternativeMeasure,
      LocalDate decidedOn) {
    Check.notNull("topic", topic);
    if (!ADDRESSABLE.contains(topic)) {
      throw new ValidationException("topic", topic, "is not an addressable 164.308(a)(5)(ii) item");
    }
    String why = Check.notBlank("rationale", rationale);
    String alternative =
        alternativeMeasure == null
            ? null
            : Check.notBlank("alternativeMeasure", alternativeMeasure);
    if (!implementedAsTraining && alternative == null) {
      throw new ValidationException(
          "alternativeMeasure", null, "is required when the item is not implemented as training");
    }
    Check.notNull("decidedOn", decidedOn);
    return ctx.run(
        actor,
        Operation.REQUIREMENT_WRITE,
        w -> {
          int number =
              (int)
                      w.tx().documentation().decisions(w.org().id()).stream()
                          .filter(d -> d.topic() == topic)
                          .count()
                  + 1;
          AddressableDecision decision =
              new AddressableDecision(
                  Id.random(),
                  w.org().id(),
                  topic,
                  number,
                  implementedAsTraining,
                  why,
                  alternative,
                  decidedOn,
                  actor.id(),
                  w.now());
          w.tx().documentation().insertDecision(decision);
          w.audit(
              "ADDRESSABLE_DECISION_RECORDED",
              "AddressableDecision",
              decision.id(),
              Map.of(
                  "topic",
                  topic.name(),
                  "number",
                  String.valueOf(number),
                  "implementedAsTraining",
                  String.valueOf(implementedAsTraining)));
          return decision;
        });
  }

  @Override
  public List<AddressableDecision> decisions(Actor actor) {
    return ctx.run(
        actor, Operation.REQUIREMENT_READ, w -> w.tx().documentation().decisions(w.org().id()));
  }
}
