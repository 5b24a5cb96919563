package io.trainproof.reporting.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.attestation.AttestationState;
import io.trainproof.core.attestation.AttestationStatus;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.reporting.report.Labels;
import io.trainproof.reporting.report.MemberTranscript;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A member's transcript: their assignments, completions, attestations and certificates as known on
 * the as-of date. Stateless and thread-safe.
 */
final class MemberTranscriptQuery {
  private final QueryContext context;

  MemberTranscriptQuery(QueryContext context) {
    this.context = context;
  }

  MemberTranscript report(Actor actor, Id<WorkforceMember> memberId, LocalDate asOf) {
    // why: its dozen or so service calls (the member, each kind of record, the catalog look-ups)
    // join one transaction of the store: one connection and one round of begin and commit for the
    // transcript instead of one per call, and the organization is read once
    return context
        .trainproof()
        .atomically(
            () -> {
              Scope s = context.open(actor, asOf, null);
              return in(s, context.lookups(s), memberId);
            });
  }

  /**
   * A member's transcript inside a run (the evidence pack shares the run's lookups).
   *
   * @param s the run
   * @param l its lookups
   * @param memberId the member
   * @return the transcript
   */
  MemberTranscript in(Scope s, Lookups l, Id<WorkforceMember> memberId) {
    Trainproof tp = context.trainproof();
    WorkforceMember m = tp.workforce().get(s.actor(), memberId);
    LocalDate asOf = s.asOf();
    MemberTerms t = m.termsOn(asOf).orElse(m.history().get(0));
    String status = m.termsOn(asOf).map(x -> x.status().name()).orElse("NOT_YET_ENGAGED");

    List<MemberTranscript.AssignmentEntry> assignments = new ArrayList<>();
    for (Assignment a : tp.assignments().forMember(s.actor(), memberId)) {
      if (!a.existsOn(asOf)) {
        continue;
      }
      boolean closed = a.closure() != null && !a.closure().on().isAfter(asOf);
      List<MemberTranscript.Extension> ext =
          a.dueChanges().stream()
              .filter(c -> !c.grantedOn().isAfter(asOf))
              .map(
                  c ->
                      new MemberTranscript.Extension(
                          c.grantedOn(), c.newDueOn(), c.approvedBy(), c.reason()))
              .toList();
      assignments.add(
          new MemberTranscript.AssignmentEntry(
              a.id().toString(),
              l.courseCode(a.course()),
              l.requirementName(a.requirement()),
              a.reason(),
              a.policyVersion() == null ? null : l.policyVersionLabel(a.policyVersion()),
              a.assignedOn(),
              a.assignedBy(),
              a.dueOn(),
              a.dueOn(asOf),
              a.stateOn(asOf),
              ext,
              closed ? a.closed().on() : null,
              closed ? a.closed().by() : null,
              closed ? a.closed().reason() : null));
    }

    List<MemberTranscript.CompletionEntry> completions = new ArrayList<>();
    for (Completion c : tp.completions().forMember(s.actor(), memberId)) {
      if (c.completedOn().isAfter(asOf) || !s.knownBy(c.recordedAt())) {
        continue;
      }
      CourseVersion cv = l.courseVersions().get(c.courseVersion());
      completions.add(
          new MemberTranscript.CompletionEntry(
              c.id().toString(),
              l.courseCode(c.course()),
              cv == null ? c.courseVersion().toString() : cv.label(),
              c.contentSha256(),
              c.policyVersions().stream().map(l::policyVersionLabel).sorted().toList(),
              c.reason(),
              c.changeVersion() == null ? null : l.policyVersionLabel(c.changeVersion()),
              c.changeEffectiveOn(),
              c.roles(),
              c.assignedOn(),
              c.dueOn(),
              c.completedOn(),
              c.score(),
              c.passed(),
              c.provenance().method(),
              c.provenance().recordedBy(),
              c.provenance().source(),
              c.provenance().sourceRef(),
              c.provenance().justification(),
              c.evidence().stream().map(e -> e.name() + " " + e.sha256()).toList(),
              c.retentionUntil()));
    }

    List<MemberTranscript.AttestationEntry> attestations = new ArrayList<>();
    for (AttestationStatus st : tp.attestations().forMember(s.actor(), memberId, asOf)) {
      var a = st.attestation();
      var e = st.state() == AttestationState.ATTESTED ? a.evidence() : null;
      attestations.add(
          new MemberTranscript.AttestationEntry(
              a.id().toString(),
              l.policyVersionLabel(a.policyVersion()),
              a.requestedOn(),
              a.dueOn(),
              st.state(),
              e == null ? null : e.attestedOn(),
              e == null ? null : e.method().name(),
              e == null ? null : e.actorId(),
              e == null ? null : e.statementSha256(),
              e == null ? null : e.policyTextSha256(),
              e == null ? null : e.credentialId()));
    }

    List<MemberTranscript.CertificateEntry> certificates = new ArrayList<>();
    for (Certificate c : tp.certificates().forMember(s.actor(), memberId)) {
      if (!s.knownBy(c.issuedAt())) {
        continue;
      }
      boolean changed =
          c.status() != Certificate.Status.VALID
              && c.statusChangedAt() != null
              && s.knownBy(c.statusChangedAt());
      certificates.add(
          new MemberTranscript.CertificateEntry(
              c.id().toString(),
              l.courseCode(c.course()),
              c.verificationCode(),
              c.credentialId(),
              c.validFrom(),
              c.validUntil(),
              Statuses.certificate(c, s),
              changed ? c.statusReason() : null));
    }
    return new MemberTranscript(
        s.header(
            Labels.english().title(MemberTranscript.class, m.externalId()),
            "164.530(b)(2)(ii), 164.530(j)(1)",
            null),
        m.id().toString(),
        m.externalId(),
        m.displayName(),
        m.engagedOn(),
        t.type(),
        t.roles(),
        t.department(),
        status,
        assignments,
        completions,
        attestations,
        certificates);
  }
}
