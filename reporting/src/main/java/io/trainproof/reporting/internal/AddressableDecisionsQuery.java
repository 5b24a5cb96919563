package io.trainproof.reporting.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.AddressableDecision;
import io.trainproof.core.domain.RegulatoryTopic;
import io.trainproof.reporting.report.AddressableDecisions;
import io.trainproof.reporting.report.Labels;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The addressable implementation specifications: every decision recorded by the as-of date, with
 * which one is current per topic. Stateless and thread-safe.
 */
final class AddressableDecisionsQuery {
  private final QueryContext context;

  AddressableDecisionsQuery(QueryContext context) {
    this.context = context;
  }

  AddressableDecisions report(Actor actor, LocalDate asOf) {
    Scope s = context.open(actor, asOf, null);
    List<AddressableDecision> known =
        context.trainproof().documentation().decisions(actor).stream()
            .filter(d -> !d.decidedOn().isAfter(asOf) && s.knownBy(d.recordedAt()))
            .toList();
    Map<RegulatoryTopic, Integer> newest = new EnumMap<>(RegulatoryTopic.class);
    known.forEach(d -> newest.merge(d.topic(), d.number(), Math::max));
    // why: every known decision's topic is merged into newest above
    List<AddressableDecisions.Row> rows =
        known.stream()
            .sorted(
                Comparator.comparing(AddressableDecision::topic)
                    .thenComparing(AddressableDecision::number))
            .map(
                d ->
                    new AddressableDecisions.Row(
                        d.topic().name(),
                        d.topic().citation(),
                        d.number(),
                        Objects.requireNonNull(newest.get(d.topic())) == d.number(),
                        d.implementedAsTraining(),
                        d.rationale(),
                        d.alternativeMeasure(),
                        d.decidedOn(),
                        d.decidedBy()))
            .toList();
    return new AddressableDecisions(
        s.header(
            Labels.english().title(AddressableDecisions.class), "164.308(a)(5)(ii)(B)-(D)", null),
        rows);
  }
}
