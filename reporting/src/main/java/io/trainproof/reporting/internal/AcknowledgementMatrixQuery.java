package io.trainproof.reporting.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.attestation.AttestationState;
import io.trainproof.core.attestation.AttestationStatus;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.reporting.report.AcknowledgementMatrix;
import io.trainproof.reporting.report.Labels;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The policy acknowledgement matrix: each active member against each policy version effective by
 * the as-of date. Stateless and thread-safe.
 */
final class AcknowledgementMatrixQuery {
  private final QueryContext context;

  AcknowledgementMatrixQuery(QueryContext context) {
    this.context = context;
  }

  AcknowledgementMatrix report(Actor actor, LocalDate asOf) {
    Scope s = context.open(actor, asOf, null);
    return in(s, context.lookups(s), m -> true);
  }

  /**
   * The matrix inside a run, over chosen members (the evidence pack's are the sampled ones).
   *
   * @param s the run
   * @param l its lookups
   * @param include which members get a row
   * @return the matrix
   */
  AcknowledgementMatrix in(Scope s, Lookups l, Predicate<WorkforceMember> include) {
    LocalDate asOf = s.asOf();
    List<PolicyVersion> versions =
        l.policyVersions().values().stream().filter(v -> !v.effectiveFrom().isAfter(asOf)).toList();
    // why: policyVersions() is read from policies(), so every version's policy is in that map
    List<AcknowledgementMatrix.Version> columns =
        versions.stream()
            .map(
                v ->
                    new AcknowledgementMatrix.Version(
                        v.id().toString(),
                        Objects.requireNonNull(l.policies().get(v.policy())).code(),
                        v.number(),
                        v.effectiveFrom(),
                        v.inForceOn(asOf)))
            .toList();
    List<AcknowledgementMatrix.MemberRow> rows = new ArrayList<>();
    for (WorkforceMember m : l.members().values()) {
      if (m.termsOn(asOf).isEmpty() || !include.test(m)) {
        continue;
      }
      Map<Id<PolicyVersion>, AttestationStatus> byVersion = new HashMap<>();
      for (AttestationStatus st :
          context.trainproof().attestations().forMember(s.actor(), m.id(), asOf)) {
        byVersion.put(st.attestation().policyVersion(), st);
      }
      List<AcknowledgementMatrix.Cell> cells = new ArrayList<>();
      for (PolicyVersion v : versions) {
        AttestationStatus st = byVersion.get(v.id());
        if (st == null) {
          cells.add(new AcknowledgementMatrix.Cell("NOT_REQUESTED", null));
        } else {
          // why: AttestationStatus.of derives ATTESTED only from evidence that is there
          LocalDate on =
              st.state() == AttestationState.ATTESTED
                  ? Objects.requireNonNull(st.attestation().evidence()).attestedOn()
                  : null;
          cells.add(new AcknowledgementMatrix.Cell(st.state().name(), on));
        }
      }
      rows.add(new AcknowledgementMatrix.MemberRow(m.externalId(), m.displayName(), cells));
    }
    return new AcknowledgementMatrix(
        s.header(
            Labels.english().title(AcknowledgementMatrix.class),
            "164.530(b)(1), 164.530(j)(1)",
            null),
        columns,
        rows);
  }
}
