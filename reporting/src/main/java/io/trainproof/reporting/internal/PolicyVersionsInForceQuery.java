package io.trainproof.reporting.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyReview;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.reporting.report.Labels;
import io.trainproof.reporting.report.PolicyVersionsInForce;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The policy versions in force on the as-of date, each with its last review. Stateless and
 * thread-safe.
 */
final class PolicyVersionsInForceQuery {
  private final QueryContext context;

  PolicyVersionsInForceQuery(QueryContext context) {
    this.context = context;
  }

  PolicyVersionsInForce report(Actor actor, LocalDate asOf) {
    Scope s = context.open(actor, asOf, null);
    Lookups l = context.lookups(s);
    Trainproof tp = context.trainproof();
    List<PolicyVersionsInForce.Row> rows = new ArrayList<>();
    for (PolicyVersion v : tp.policies().inForceOn(actor, asOf)) {
      if (!s.knownBy(v.publishedAt())) {
        continue;
      }
      // why: inForceOn walks the same organization policy list that lookups' policies() holds
      Policy p = Objects.requireNonNull(l.policies().get(v.policy()));
      PolicyReview last = null;
      for (PolicyReview r : tp.documentation().reviews(actor, v.policy())) {
        if (!r.reviewedOn().isAfter(asOf)
            && (last == null || !r.reviewedOn().isBefore(last.reviewedOn()))) {
          last = r;
        }
      }
      // why: a later version's publication sets this one's last-in-effect date; not yet known on
      // asOf
      LocalDate lastInEffect =
          v.lastInEffectOn() != null && !v.lastInEffectOn().isAfter(asOf)
              ? v.lastInEffectOn()
              : null;
      rows.add(
          new PolicyVersionsInForce.Row(
              p.code(),
              p.title(),
              v.id().toString(),
              v.number(),
              v.effectiveFrom(),
              lastInEffect,
              v.textSha256(),
              v.material(),
              v.affectedRoles(),
              v.changeNotes(),
              last == null ? null : last.reviewedOn(),
              last == null ? null : last.nextReviewDueOn()));
    }
    rows.sort(Comparator.comparing(PolicyVersionsInForce.Row::policy));
    return new PolicyVersionsInForce(
        s.header(
            Labels.english().title(PolicyVersionsInForce.class),
            "164.316(b)(2)(i), 164.316(b)(2)(iii)",
            null),
        rows);
  }
}
