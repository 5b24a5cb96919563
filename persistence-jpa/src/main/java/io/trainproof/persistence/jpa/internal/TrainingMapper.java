package io.trainproof.persistence.jpa.internal;

import static io.trainproof.persistence.jpa.internal.Mapper.id;
import static io.trainproof.persistence.jpa.internal.Mapper.idOf;
import static io.trainproof.persistence.jpa.internal.Mapper.idOrder;
import static io.trainproof.persistence.jpa.internal.Mapper.mapSet;
import static io.trainproof.persistence.jpa.internal.Mapper.sync;
import static io.trainproof.persistence.jpa.internal.Mapper.uuid;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Attestation;
import io.trainproof.core.domain.AttestationMethod;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Closure;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.core.domain.DueDateChange;
import io.trainproof.core.domain.EvidenceFile;
import io.trainproof.core.domain.IssuedCredential;
import io.trainproof.core.domain.Provenance;
import io.trainproof.core.domain.WorkforceType;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Maps the training record of a member: assignments, completions, attestations and certificates,
 * and the other credentials the SDK signed. Stateless; thread-safe.
 */
final class TrainingMapper {
  private TrainingMapper() {}

  // --- assignments -------------------------------------------------------------------

  static void apply(Assignment a, AssignmentEntity e) {
    e.courseId = a.course().value();
    e.requirementId = uuid(a.requirement());
    e.reason = a.reason().name();
    e.policyVersionId = uuid(a.policyVersion());
    e.dedupeKey = a.dedupeKey();
    e.assignedOn = a.assignedOn();
    e.assignedAt = a.assignedAt();
    e.assignedBy = a.assignedBy();
    e.anchorOn = a.anchorOn();
    e.dueOn = a.dueOn();
    sync(
        e.dueChanges,
        a.dueChanges().stream()
            .map(
                c ->
                    new AssignmentEntity.DueChange(
                        c.grantedOn(), c.newDueOn(), c.approvedBy(), c.reason()))
            .toList());
    e.startedOn = a.startedOn();
    Closure c = a.closure();
    e.closureState = c == null ? null : c.state().name();
    e.closureOn = c == null ? null : c.on();
    e.closureRecordedAt = c == null ? null : c.recordedAt();
    e.closureBy = c == null ? null : c.by();
    e.closureReason = c == null ? null : c.reason();
    e.closureCompletionId = c == null ? null : uuid(c.completion());
  }

  static Assignment assignment(AssignmentEntity e) {
    Closure closure =
        e.closureState == null
            ? null
            : new Closure(
                AssignmentState.valueOf(e.closureState),
                Objects.requireNonNull(e.closureOn),
                Objects.requireNonNull(e.closureRecordedAt),
                Objects.requireNonNull(e.closureBy),
                Objects.requireNonNull(e.closureReason),
                id(e.closureCompletionId));
    List<DueDateChange> changes =
        e.dueChanges.stream()
            .map(c -> new DueDateChange(c.grantedOn(), c.newDueOn(), c.approvedBy(), c.reason()))
            .toList();
    return new Assignment(
        idOf(e.id),
        idOf(e.orgId),
        idOf(e.memberId),
        idOf(e.courseId),
        id(e.requirementId),
        AssignmentReason.valueOf(e.reason),
        id(e.policyVersionId),
        e.dedupeKey,
        e.assignedOn,
        e.assignedAt,
        e.assignedBy,
        e.anchorOn,
        e.dueOn,
        changes,
        e.startedOn,
        closure,
        e.version);
  }

  // --- completions -------------------------------------------------------------------

  static CompletionEntity toEntity(Completion c) {
    CompletionEntity e = new CompletionEntity(c.id().value());
    e.orgId = c.organization().value();
    e.idOrder = idOrder(c.id().value());
    e.memberId = c.member().value();
    e.roles.addAll(c.roles());
    e.workforceType = c.workforceType().name();
    e.assignmentId = c.assignment().value();
    e.courseId = c.course().value();
    e.courseVersionId = c.courseVersion().value();
    e.contentSha256 = c.contentSha256();
    c.policyVersions().forEach(v -> e.policyVersions.add(v.value()));
    e.reason = c.reason().name();
    e.changeVersionId = uuid(c.changeVersion());
    e.changeEffectiveOn = c.changeEffectiveOn();
    e.assignedOn = c.assignedOn();
    e.dueOn = c.dueOn();
    e.completedOn = c.completedOn();
    e.recordedAt = c.recordedAt();
    e.score = c.score();
    e.passed = c.passed();
    Provenance p = c.provenance();
    e.method = p.method().name();
    e.recordedBy = p.recordedBy();
    e.source = p.source();
    e.sourceRef = p.sourceRef();
    e.justification = p.justification();
    c.evidence().forEach(f -> e.evidence.add(new CompletionEntity.Evidence(f.name(), f.sha256())));
    e.retentionUntil = c.retentionUntil();
    return e;
  }

  static Completion completion(CompletionEntity e) {
    return new Completion(
        idOf(e.id),
        idOf(e.orgId),
        idOf(e.memberId),
        Set.copyOf(e.roles),
        WorkforceType.valueOf(e.workforceType),
        idOf(e.assignmentId),
        idOf(e.courseId),
        idOf(e.courseVersionId),
        e.contentSha256,
        mapSet(e.policyVersions, Mapper::idOf),
        AssignmentReason.valueOf(e.reason),
        id(e.changeVersionId),
        e.changeEffectiveOn,
        e.assignedOn,
        e.dueOn,
        e.completedOn,
        e.recordedAt,
        e.score,
        e.passed,
        new Provenance(
            CompletionMethod.valueOf(e.method),
            e.recordedBy,
            e.source,
            e.sourceRef,
            e.justification),
        e.evidence.stream().map(f -> new EvidenceFile(f.name(), f.sha256())).toList(),
        e.retentionUntil);
  }

  // --- attestations --------------------------------------------------------------------

  static void apply(Attestation a, AttestationEntity e) {
    e.orgId = a.organization().value();
    e.memberId = a.member().value();
    e.policyId = a.policy().value();
    e.policyVersionId = a.policyVersion().value();
    e.requestedOn = a.requestedOn();
    e.dueOn = a.dueOn();
    e.requestedBy = a.requestedBy();
    e.automatic = a.automatic();
    Attestation.Evidence v = a.evidence();
    e.statementText = v == null ? null : v.statementText();
    e.statementSha256 = v == null ? null : v.statementSha256();
    e.policyTextSha256 = v == null ? null : v.policyTextSha256();
    e.attestedAt = v == null ? null : v.attestedAt();
    e.attestedOn = v == null ? null : v.attestedOn();
    e.method = v == null ? null : v.method().name();
    e.actorId = v == null ? null : v.actorId();
    e.typedName = v == null ? null : v.typedName();
    e.justification = v == null ? null : v.justification();
    e.recordHash = v == null ? null : v.recordHash();
    e.credentialId = v == null ? null : v.credentialId();
    e.credentialJson = v == null ? null : v.credentialJson();
  }

  static Attestation attestation(AttestationEntity e) {
    Attestation.Evidence evidence =
        e.attestedAt == null
            ? null
            : new Attestation.Evidence(
                Objects.requireNonNull(e.statementText),
                Objects.requireNonNull(e.statementSha256),
                Objects.requireNonNull(e.policyTextSha256),
                e.attestedAt,
                Objects.requireNonNull(e.attestedOn),
                AttestationMethod.valueOf(Objects.requireNonNull(e.method)),
                Objects.requireNonNull(e.actorId),
                e.typedName,
                e.justification,
                Objects.requireNonNull(e.recordHash),
                e.credentialId,
                e.credentialJson);
    return new Attestation(
        idOf(e.id),
        idOf(e.orgId),
        idOf(e.memberId),
        idOf(e.policyId),
        idOf(e.policyVersionId),
        e.requestedOn,
        e.dueOn,
        e.requestedBy,
        e.automatic,
        evidence,
        e.version);
  }

  // --- certificates --------------------------------------------------------------------

  static void apply(Certificate c, CertificateEntity e) {
    e.orgId = c.organization().value();
    e.memberId = c.member().value();
    e.completionId = c.completion().value();
    e.courseId = c.course().value();
    e.courseVersionId = c.courseVersion().value();
    e.credentialId = c.credentialId();
    e.verificationCode = c.verificationCode();
    e.credentialJson = c.credentialJson();
    e.statusIndex = c.statusIndex();
    e.issuedAt = c.issuedAt();
    e.validFrom = c.validFrom();
    e.validUntil = c.validUntil();
    e.status = c.status().name();
    e.statusReason = c.statusReason();
    e.statusChangedAt = c.statusChangedAt();
  }

  static Certificate certificate(CertificateEntity e) {
    return new Certificate(
        idOf(e.id),
        idOf(e.orgId),
        idOf(e.memberId),
        idOf(e.completionId),
        idOf(e.courseId),
        idOf(e.courseVersionId),
        e.credentialId,
        e.verificationCode,
        e.credentialJson,
        e.statusIndex,
        e.issuedAt,
        e.validFrom,
        e.validUntil,
        Certificate.Status.valueOf(e.status),
        e.statusReason,
        e.statusChangedAt,
        e.version);
  }

  // --- other issued credentials ------------------------------------------------------

  static void apply(IssuedCredential c, IssuedCredentialEntity e) {
    e.orgId = c.organization().value();
    e.kind = c.kind().name();
    e.credentialId = c.credentialId();
    e.credentialSha256 = c.credentialSha256();
    e.statusIndex = c.statusIndex();
    e.issuedAt = c.issuedAt();
    e.status = c.status().name();
    e.statusReason = c.statusReason();
    e.statusChangedAt = c.statusChangedAt();
  }

  static IssuedCredential issuedCredential(IssuedCredentialEntity e) {
    return new IssuedCredential(
        idOf(e.id),
        idOf(e.orgId),
        IssuedCredential.Kind.valueOf(e.kind),
        e.credentialId,
        e.credentialSha256,
        e.statusIndex,
        e.issuedAt,
        IssuedCredential.Status.valueOf(e.status),
        e.statusReason,
        e.statusChangedAt,
        e.version);
  }
}
