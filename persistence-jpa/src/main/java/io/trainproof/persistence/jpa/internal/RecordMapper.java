package io.trainproof.persistence.jpa.internal;

import static io.trainproof.persistence.jpa.internal.Mapper.id;
import static io.trainproof.persistence.jpa.internal.Mapper.idOf;
import static io.trainproof.persistence.jpa.internal.Mapper.mapSet;
import static io.trainproof.persistence.jpa.internal.Mapper.sync;
import static io.trainproof.persistence.jpa.internal.Mapper.uuid;

import io.trainproof.core.domain.AddressableDecision;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Certification;
import io.trainproof.core.domain.CertificationKind;
import io.trainproof.core.domain.CrossOrganizationGrant;
import io.trainproof.core.domain.LegalHold;
import io.trainproof.core.domain.Notification;
import io.trainproof.core.domain.NotificationKind;
import io.trainproof.core.domain.PolicyReview;
import io.trainproof.core.domain.RecordKind;
import io.trainproof.core.domain.RegulatoryTopic;
import io.trainproof.core.domain.SecurityReminder;
import io.trainproof.core.domain.Tombstone;
import io.trainproof.core.domain.WalletExchange;
import java.util.Objects;

/**
 * Maps the records kept around the training: the audit chain, the outbox, legal holds and
 * tombstones, documentation, cross-organization grants, outside certifications and wallet
 * exchanges. Stateless; thread-safe.
 */
final class RecordMapper {
  private RecordMapper() {}

  // --- audit ---------------------------------------------------------------------------

  static void apply(AuditEntry a, AuditEntryEntity e) {
    e.orgId = a.organization().value();
    e.sequence = a.sequence();
    e.at = a.at();
    e.actorId = a.actorId();
    e.actorRole = a.actorRole();
    e.action = a.action();
    e.subjectType = a.subjectType();
    e.subjectId = a.subjectId();
    e.details = JsonText.object(a.details());
    e.previousHash = a.previousHash();
    e.hash = a.hash();
    e.tombstone = a.tombstone();
  }

  static AuditEntry auditEntry(AuditEntryEntity e) {
    return new AuditEntry(
        idOf(e.orgId),
        e.sequence,
        e.at,
        e.actorId,
        e.actorRole,
        e.action,
        e.subjectType,
        e.subjectId,
        JsonText.parseObject(e.details),
        e.previousHash,
        e.hash,
        e.tombstone);
  }

  // --- outbox --------------------------------------------------------------------------

  static void apply(Notification n, NotificationEntity e) {
    e.orgId = n.organization().value();
    e.idempotencyKey = n.idempotencyKey();
    e.kind = n.kind().name();
    e.recipientId = uuid(n.recipient());
    e.channel = n.channel();
    e.payload = JsonText.object(n.payload());
    e.createdAt = n.createdAt();
    e.attempts = n.attempts();
    e.nextAttemptAt = n.nextAttemptAt();
    e.lastError = n.lastError();
    e.deliveredAt = n.deliveredAt();
  }

  static Notification notification(NotificationEntity e) {
    return new Notification(
        idOf(e.id),
        idOf(e.orgId),
        e.idempotencyKey,
        NotificationKind.valueOf(e.kind),
        id(e.recipientId),
        e.channel,
        JsonText.parseObject(e.payload),
        e.createdAt,
        e.attempts,
        e.nextAttemptAt,
        e.lastError,
        e.deliveredAt);
  }

  // --- retention, documentation, grants --------------------------------------------------

  static void apply(LegalHold h, LegalHoldEntity e) {
    e.orgId = h.organization().value();
    e.matter = h.matter();
    e.memberId = uuid(h.member());
    e.fromOn = h.from();
    e.toOn = h.to();
    e.placedBy = h.placedBy();
    e.placedAt = h.placedAt();
    e.releasedBy = h.releasedBy();
    e.releasedAt = h.releasedAt();
  }

  static LegalHold hold(LegalHoldEntity e) {
    return new LegalHold(
        idOf(e.id),
        idOf(e.orgId),
        e.matter,
        id(e.memberId),
        e.fromOn,
        e.toOn,
        e.placedBy,
        e.placedAt,
        e.releasedBy,
        e.releasedAt);
  }

  static void apply(Tombstone t, TombstoneEntity e) {
    e.orgId = t.organization().value();
    e.kind = t.kind().name();
    e.subjectId = t.subjectId();
    e.retentionUntil = t.retentionUntil();
    e.purgedAt = t.purgedAt();
    e.purgedBy = t.purgedBy();
  }

  static Tombstone tombstone(TombstoneEntity e) {
    return new Tombstone(
        idOf(e.id),
        idOf(e.orgId),
        RecordKind.valueOf(e.kind),
        e.subjectId,
        e.retentionUntil,
        e.purgedAt,
        e.purgedBy);
  }

  static void apply(PolicyReview r, PolicyReviewEntity e) {
    e.orgId = r.organization().value();
    e.policyId = r.policy().value();
    e.reviewedOn = r.reviewedOn();
    e.reviewer = r.reviewer();
    e.outcome = r.outcome();
    e.changesNeeded = r.changesNeeded();
    e.nextReviewDueOn = r.nextReviewDueOn();
    e.recordedAt = r.recordedAt();
  }

  static PolicyReview review(PolicyReviewEntity e) {
    return new PolicyReview(
        idOf(e.id),
        idOf(e.orgId),
        idOf(e.policyId),
        e.reviewedOn,
        e.reviewer,
        e.outcome,
        e.changesNeeded,
        e.nextReviewDueOn,
        e.recordedAt);
  }

  static void apply(AddressableDecision d, DecisionEntity e) {
    e.orgId = d.organization().value();
    e.topic = d.topic().name();
    e.number = d.number();
    e.implementedAsTraining = d.implementedAsTraining();
    e.rationale = d.rationale();
    e.alternativeMeasure = d.alternativeMeasure();
    e.decidedOn = d.decidedOn();
    e.decidedBy = d.decidedBy();
    e.recordedAt = d.recordedAt();
  }

  static AddressableDecision decision(DecisionEntity e) {
    return new AddressableDecision(
        idOf(e.id),
        idOf(e.orgId),
        RegulatoryTopic.valueOf(e.topic),
        e.number,
        e.implementedAsTraining,
        e.rationale,
        e.alternativeMeasure,
        e.decidedOn,
        e.decidedBy,
        e.recordedAt);
  }

  static void apply(SecurityReminder r, ReminderEntity e) {
    e.orgId = r.organization().value();
    e.title = r.title();
    e.content = r.content();
    e.contentSha256 = r.contentSha256();
    e.channel = r.channel();
    e.sentOn = r.sentOn();
    e.sentAt = r.sentAt();
    e.sentBy = r.sentBy();
    e.acknowledgementRequired = r.acknowledgementRequired();
    sync(
        e.recipients,
        r.recipients().stream()
            .map(x -> new ReminderEntity.Recipient(x.member().value(), x.acknowledgedAt()))
            .toList());
  }

  static SecurityReminder reminder(ReminderEntity e) {
    return new SecurityReminder(
        idOf(e.id),
        idOf(e.orgId),
        e.title,
        e.content,
        e.contentSha256,
        e.channel,
        e.sentOn,
        e.sentAt,
        e.sentBy,
        e.acknowledgementRequired,
        e.recipients.stream()
            .map(x -> new SecurityReminder.Recipient(idOf(x.member()), x.acknowledgedAt()))
            .toList());
  }

  static void apply(CrossOrganizationGrant g, GrantEntity e) {
    e.orgId = g.organization().value();
    e.actorId = g.actorId();
    e.grantedBy = g.grantedBy();
    e.reason = g.reason();
    e.grantedAt = g.grantedAt();
    e.expiresAt = g.expiresAt();
    e.revokedAt = g.revokedAt();
  }

  static CrossOrganizationGrant grant(GrantEntity e) {
    return new CrossOrganizationGrant(
        idOf(e.id),
        idOf(e.orgId),
        e.actorId,
        e.grantedBy,
        e.reason,
        e.grantedAt,
        e.expiresAt,
        e.revokedAt);
  }

  // --- outside certifications -------------------------------------------------------------

  static CertificationKindEntity toEntity(CertificationKind k) {
    CertificationKindEntity e = new CertificationKindEntity(k.id().value());
    e.orgId = k.organization().value();
    e.code = k.code();
    e.name = k.name();
    k.satisfies().forEach(c -> e.satisfies.add(c.value()));
    e.createdAt = k.createdAt();
    return e;
  }

  static CertificationKind kind(CertificationKindEntity e) {
    return new CertificationKind(
        idOf(e.id), idOf(e.orgId), e.code, e.name, mapSet(e.satisfies, Mapper::idOf), e.createdAt);
  }

  static CertificationEntity toEntity(Certification c) {
    CertificationEntity e = new CertificationEntity(c.id().value());
    e.orgId = c.organization().value();
    e.memberId = c.member().value();
    e.kindId = c.kind().value();
    e.issuer = c.issuer();
    e.credentialId = c.credentialId();
    e.issuedOn = c.issuedOn();
    e.expiresOn = c.expiresOn();
    e.evidenceSha256 = c.evidenceSha256();
    Certification.Verification v = c.verification();
    e.verified = v == null ? null : v.verified();
    e.verificationSummary = v == null ? null : v.summary();
    e.verifiedAt = v == null ? null : v.verifiedAt();
    e.recordedAt = c.recordedAt();
    e.recordedBy = c.recordedBy();
    return e;
  }

  static Certification certification(CertificationEntity e) {
    Certification.Verification v =
        e.verified == null
            ? null
            : new Certification.Verification(
                e.verified,
                Objects.requireNonNull(e.verificationSummary),
                Objects.requireNonNull(e.verifiedAt));
    return new Certification(
        idOf(e.id),
        idOf(e.orgId),
        idOf(e.memberId),
        idOf(e.kindId),
        e.issuer,
        e.credentialId,
        e.issuedOn,
        e.expiresOn,
        e.evidenceSha256,
        v,
        e.recordedAt,
        e.recordedBy);
  }

  // --- wallet exchanges ------------------------------------------------------------------

  static WalletExchangeEntity toEntity(WalletExchange x) {
    WalletExchangeEntity e = new WalletExchangeEntity(x.id().value());
    e.orgId = x.organization().value();
    e.certificateId = x.certificate().value();
    e.memberId = x.member().value();
    e.secretSha256 = x.secretSha256();
    e.challenge = x.challenge();
    e.createdAt = x.createdAt();
    e.expiresAt = x.expiresAt();
    e.createdBy = x.createdBy();
    e.state = x.state().name();
    e.failures = x.failures();
    e.accessTokenSha256 = x.accessTokenSha256();
    e.accessTokenExpiresAt = x.accessTokenExpiresAt();
    e.holder = x.holder();
    e.protocol = x.protocol();
    e.issuedCertificateId = uuid(x.issuedCertificate());
    e.completedAt = x.completedAt();
    return e;
  }

  static WalletExchange walletExchange(WalletExchangeEntity e) {
    return new WalletExchange(
        idOf(e.id),
        idOf(e.orgId),
        idOf(e.certificateId),
        idOf(e.memberId),
        e.secretSha256,
        e.challenge,
        e.createdAt,
        e.expiresAt,
        e.createdBy,
        WalletExchange.State.valueOf(e.state),
        e.failures,
        e.accessTokenSha256,
        e.accessTokenExpiresAt,
        e.holder,
        e.protocol,
        id(e.issuedCertificateId),
        e.completedAt,
        e.version);
  }
}
