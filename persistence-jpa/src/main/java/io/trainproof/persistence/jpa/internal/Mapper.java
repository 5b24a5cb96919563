package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.Closure;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.DueDateChange;
import io.trainproof.core.domain.EvidenceFile;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Provenance;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.RegulatoryTopic;
import io.trainproof.core.domain.ReminderSchedule;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import java.time.MonthDay;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Maps between core's domain records and the JPA entities, both ways. Collections are
 * synchronized in place (append, replace changed elements, trim) so an update writes only
 * the rows that changed. Stateless; thread-safe. Not API.
 */
final class Mapper {
  private Mapper() {}

  // --- ids ---------------------------------------------------------------------------

  static <T> @Nullable UUID uuid(@Nullable Id<T> id) {
    return id == null ? null : id.value();
  }

  static <T> @Nullable Id<T> id(@Nullable UUID value) {
    return value == null ? null : new Id<>(value);
  }

  static <T> Id<T> idOf(UUID value) {
    return new Id<>(value);
  }

  /**
   * A text key that sorts, byte by byte, the way {@code Id.compareTo} (that is, {@link
   * UUID#compareTo}, which compares both halves as signed longs) orders ids; databases order
   * UUIDs as unsigned bytes, so keyset pages in id order use this key instead.
   */
  static String idOrder(UUID id) {
    return String.format("%016x%016x", id.getMostSignificantBits() ^ Long.MIN_VALUE,
        id.getLeastSignificantBits() ^ Long.MIN_VALUE);
  }

  // --- organization ------------------------------------------------------------------

  static OrganizationEntity toEntity(Organization o) {
    OrganizationEntity e = new OrganizationEntity(o.id().value());
    e.name = o.name();
    e.zone = o.zone().getId();
    e.retention = o.retention().toString();
    e.createdAt = o.createdAt();
    return e;
  }

  static Organization organization(OrganizationEntity e) {
    return new Organization(idOf(e.id), e.name, ZoneId.of(e.zone), Period.parse(e.retention), e.createdAt);
  }

  // --- member ------------------------------------------------------------------------

  static MemberEntity toEntity(WorkforceMember m) {
    MemberEntity e = new MemberEntity(m.id().value());
    e.orgId = m.organization().value();
    e.idOrder = idOrder(m.id().value());
    apply(m, e);
    return e;
  }

  static void apply(WorkforceMember m, MemberEntity e) {
    e.externalId = m.externalId();
    e.displayName = m.displayName();
    e.engagedOn = m.engagedOn();
    sync(e.history, m.history().stream().map(Mapper::row).toList());
  }

  private static MemberEntity.Terms row(MemberTerms t) {
    return new MemberEntity.Terms(t.effectiveFrom(), t.type().name(), JsonText.strings(t.roles()), t.department(),
        uuid(t.manager()), t.status().name());
  }

  static WorkforceMember member(MemberEntity e) {
    List<MemberTerms> history = new ArrayList<>();
    for (MemberEntity.Terms t : e.history) {
      history.add(new MemberTerms(t.effectiveFrom(), WorkforceType.valueOf(t.type()),
          Set.copyOf(JsonText.parseStrings(t.roles())), t.department(), id(t.manager()),
          MemberStatus.valueOf(t.status())));
    }
    return new WorkforceMember(idOf(e.id), idOf(e.orgId), e.externalId, e.displayName, e.engagedOn, history, e.version);
  }

  // --- policies ----------------------------------------------------------------------

  static PolicyEntity toEntity(Policy p) {
    PolicyEntity e = new PolicyEntity(p.id().value());
    e.orgId = p.organization().value();
    e.createdAt = p.createdAt();
    apply(p, e);
    return e;
  }

  static void apply(Policy p, PolicyEntity e) {
    e.code = p.code();
    e.title = p.title();
    e.audienceRoles = JsonText.strings(p.audience().roles());
    e.audienceDepartments = JsonText.strings(p.audience().departments());
    e.audienceTypes = JsonText.strings(p.audience().types().stream().map(Enum::name).toList());
    e.attestOn = p.attestOn().name();
    e.attestWithinDays = p.attestWithinDays();
    e.reviewDueOn = p.reviewDueOn();
  }

  static Policy policy(PolicyEntity e) {
    Audience audience = new Audience(Set.copyOf(JsonText.parseStrings(e.audienceRoles)),
        Set.copyOf(JsonText.parseStrings(e.audienceDepartments)),
        mapSet(JsonText.parseStrings(e.audienceTypes), WorkforceType::valueOf));
    return new Policy(idOf(e.id), idOf(e.orgId), e.code, e.title, audience,
        io.trainproof.core.domain.AttestationTrigger.valueOf(e.attestOn), e.attestWithinDays, e.reviewDueOn,
        e.createdAt, e.version);
  }

  static PolicyVersionEntity toEntity(PolicyVersion v) {
    PolicyVersionEntity e = new PolicyVersionEntity(v.id().value());
    e.policyId = v.policy().value();
    e.orgId = v.organization().value();
    apply(v, e);
    return e;
  }

  static void apply(PolicyVersion v, PolicyVersionEntity e) {
    e.number = v.number();
    e.effectiveFrom = v.effectiveFrom();
    e.textSha256 = v.textSha256();
    e.changeNotes = v.changeNotes();
    e.material = v.material();
    syncSet(e.affectedRoles, v.affectedRoles());
    e.lastInEffectOn = v.lastInEffectOn();
    e.publishedAt = v.publishedAt();
  }

  static PolicyVersion policyVersion(PolicyVersionEntity e) {
    return new PolicyVersion(idOf(e.id), idOf(e.policyId), idOf(e.orgId), e.number, e.effectiveFrom, e.textSha256,
        e.changeNotes, e.material, Set.copyOf(e.affectedRoles), e.lastInEffectOn, e.publishedAt);
  }

  // --- courses -----------------------------------------------------------------------

  static CourseEntity toEntity(Course c) {
    CourseEntity e = new CourseEntity(c.id().value());
    e.orgId = c.organization().value();
    e.code = c.code();
    e.title = c.title();
    e.createdAt = c.createdAt();
    return e;
  }

  static Course course(CourseEntity e) {
    return new Course(idOf(e.id), idOf(e.orgId), e.code, e.title, e.createdAt);
  }

  static CourseVersionEntity toEntity(CourseVersion v) {
    CourseVersionEntity e = new CourseVersionEntity(v.id().value());
    e.courseId = v.course().value();
    e.orgId = v.organization().value();
    e.label = v.label();
    v.policies().forEach(p -> e.policies.add(p.value()));
    v.topics().forEach(t -> e.topics.add(t.name()));
    e.passMark = v.passMark();
    e.issuesCertificate = v.issuesCertificate();
    e.contentSha256 = v.contentSha256();
    e.releasedAt = v.releasedAt();
    return e;
  }

  static CourseVersion courseVersion(CourseVersionEntity e) {
    return new CourseVersion(idOf(e.id), idOf(e.courseId), idOf(e.orgId), e.label,
        mapSet(e.policies, Mapper::idOf), mapSet(e.topics, RegulatoryTopic::valueOf), e.passMark,
        e.issuesCertificate, e.contentSha256, e.releasedAt);
  }

  // --- requirements ------------------------------------------------------------------

  static RequirementEntity toEntity(Requirement r) {
    RequirementEntity e = new RequirementEntity(r.id().value());
    e.orgId = r.organization().value();
    e.createdAt = r.createdAt();
    apply(r, e);
    return e;
  }

  static void apply(Requirement r, RequirementEntity e) {
    e.name = r.name();
    e.rationale = r.rationale();
    sync(e.history, r.history().stream().map(Mapper::row).toList());
  }

  private static RequirementEntity.Terms row(RequirementTerms t) {
    String kind;
    String period = null;
    String countFrom = null;
    String monthDay = null;
    Recurrence rec = t.recurrence();
    if (rec instanceof Recurrence.Every every) {
      kind = "EVERY";
      period = every.period().toString();
      countFrom = every.from().name();
    } else if (rec instanceof Recurrence.FixedDate fixed) {
      kind = "FIXED_DATE";
      monthDay = fixed.date().toString();
    } else {
      kind = "NONE";
    }
    Audience a = t.audience();
    ReminderSchedule rs = t.reminders();
    return new RequirementEntity.Terms(t.effectiveFrom(), JsonText.strings(a.roles()),
        JsonText.strings(a.departments()), JsonText.strings(a.types().stream().map(Enum::name).toList()),
        t.course().value(), t.initialDueDays(), kind, period, countFrom, monthDay, t.renewalWindow().toString(),
        t.minimumActive().toString(), t.graceDays(), t.retrainWithinDays(), JsonText.ints(rs.daysBeforeDue()),
        rs.onDueDate(), JsonText.ints(rs.daysOverdue()), rs.escalateAfterDaysOverdue(), t.active());
  }

  static Requirement requirement(RequirementEntity e) {
    List<RequirementTerms> history = new ArrayList<>();
    for (RequirementEntity.Terms t : e.history) {
      Recurrence rec = switch (t.recurrenceKind()) {
        case "EVERY" -> Recurrence.every(Period.parse(Objects.requireNonNull(t.recurrencePeriod())),
            Recurrence.CountFrom.valueOf(Objects.requireNonNull(t.recurrenceCountFrom())));
        case "FIXED_DATE" -> Recurrence.fixedDate(MonthDay.parse(Objects.requireNonNull(t.recurrenceMonthDay())));
        default -> Recurrence.none();
      };
      Audience audience = new Audience(Set.copyOf(JsonText.parseStrings(t.audienceRoles())),
          Set.copyOf(JsonText.parseStrings(t.audienceDepartments())),
          mapSet(JsonText.parseStrings(t.audienceTypes()), WorkforceType::valueOf));
      ReminderSchedule reminders = new ReminderSchedule(JsonText.parseInts(t.reminderDaysBefore()), t.reminderOnDue(),
          JsonText.parseInts(t.reminderDaysOverdue()), t.reminderEscalateAfter());
      history.add(new RequirementTerms(t.effectiveFrom(), audience, idOf(t.course()), t.initialDueDays(), rec,
          Period.parse(t.renewalWindow()), Period.parse(t.minimumActive()), t.graceDays(), t.retrainWithinDays(),
          reminders, t.active()));
    }
    return new Requirement(idOf(e.id), idOf(e.orgId), e.name, e.rationale, history, e.createdAt, e.version);
  }

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
    sync(e.dueChanges, a.dueChanges().stream()
        .map(c -> new AssignmentEntity.DueChange(c.grantedOn(), c.newDueOn(), c.approvedBy(), c.reason()))
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
    Closure closure = e.closureState == null ? null : new Closure(AssignmentState.valueOf(e.closureState),
        Objects.requireNonNull(e.closureOn), Objects.requireNonNull(e.closureRecordedAt),
        Objects.requireNonNull(e.closureBy), Objects.requireNonNull(e.closureReason), id(e.closureCompletionId));
    List<DueDateChange> changes = e.dueChanges.stream()
        .map(c -> new DueDateChange(c.grantedOn(), c.newDueOn(), c.approvedBy(), c.reason()))
        .toList();
    return new Assignment(idOf(e.id), idOf(e.orgId), idOf(e.memberId), idOf(e.courseId), id(e.requirementId),
        AssignmentReason.valueOf(e.reason), id(e.policyVersionId), e.dedupeKey, e.assignedOn, e.assignedAt,
        e.assignedBy, e.anchorOn, e.dueOn, changes, e.startedOn, closure, e.version);
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
    return new Completion(idOf(e.id), idOf(e.orgId), idOf(e.memberId), Set.copyOf(e.roles),
        WorkforceType.valueOf(e.workforceType), idOf(e.assignmentId), idOf(e.courseId), idOf(e.courseVersionId),
        e.contentSha256, mapSet(e.policyVersions, Mapper::idOf), AssignmentReason.valueOf(e.reason),
        id(e.changeVersionId), e.changeEffectiveOn, e.assignedOn, e.dueOn, e.completedOn, e.recordedAt, e.score,
        e.passed, new Provenance(CompletionMethod.valueOf(e.method), e.recordedBy, e.source, e.sourceRef,
            e.justification),
        e.evidence.stream().map(f -> new EvidenceFile(f.name(), f.sha256())).toList(), e.retentionUntil);
  }

  // --- audit ---------------------------------------------------------------------------

  static void apply(io.trainproof.core.audit.AuditEntry a, AuditEntryEntity e) {
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

  static io.trainproof.core.audit.AuditEntry auditEntry(AuditEntryEntity e) {
    return new io.trainproof.core.audit.AuditEntry(idOf(e.orgId), e.sequence, e.at, e.actorId, e.actorRole, e.action,
        e.subjectType, e.subjectId, JsonText.parseObject(e.details), e.previousHash, e.hash, e.tombstone);
  }

  // --- attestations --------------------------------------------------------------------

  static void apply(io.trainproof.core.attestation.Attestation a, AttestationEntity e) {
    e.orgId = a.organization().value();
    e.memberId = a.member().value();
    e.policyId = a.policy().value();
    e.policyVersionId = a.policyVersion().value();
    e.requestedOn = a.requestedOn();
    e.dueOn = a.dueOn();
    e.requestedBy = a.requestedBy();
    e.automatic = a.automatic();
    io.trainproof.core.attestation.Attestation.Evidence v = a.evidence();
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

  static io.trainproof.core.attestation.Attestation attestation(AttestationEntity e) {
    io.trainproof.core.attestation.Attestation.Evidence evidence = e.attestedAt == null ? null
        : new io.trainproof.core.attestation.Attestation.Evidence(Objects.requireNonNull(e.statementText),
            Objects.requireNonNull(e.statementSha256), Objects.requireNonNull(e.policyTextSha256), e.attestedAt,
            Objects.requireNonNull(e.attestedOn),
            io.trainproof.core.attestation.AttestationMethod.valueOf(Objects.requireNonNull(e.method)),
            Objects.requireNonNull(e.actorId), e.typedName, e.justification, Objects.requireNonNull(e.recordHash),
            e.credentialId, e.credentialJson);
    return new io.trainproof.core.attestation.Attestation(idOf(e.id), idOf(e.orgId), idOf(e.memberId),
        idOf(e.policyId), idOf(e.policyVersionId), e.requestedOn, e.dueOn, e.requestedBy, e.automatic, evidence,
        e.version);
  }

  // --- certificates --------------------------------------------------------------------

  static void apply(io.trainproof.core.domain.Certificate c, CertificateEntity e) {
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

  static io.trainproof.core.domain.Certificate certificate(CertificateEntity e) {
    return new io.trainproof.core.domain.Certificate(idOf(e.id), idOf(e.orgId), idOf(e.memberId), idOf(e.completionId),
        idOf(e.courseId), idOf(e.courseVersionId), e.credentialId, e.verificationCode, e.credentialJson,
        e.statusIndex, e.issuedAt, e.validFrom, e.validUntil,
        io.trainproof.core.domain.Certificate.Status.valueOf(e.status), e.statusReason, e.statusChangedAt, e.version);
  }

  // --- outbox --------------------------------------------------------------------------

  static void apply(io.trainproof.core.notification.Notification n, NotificationEntity e) {
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

  static io.trainproof.core.notification.Notification notification(NotificationEntity e) {
    return new io.trainproof.core.notification.Notification(idOf(e.id), idOf(e.orgId), e.idempotencyKey,
        io.trainproof.core.notification.NotificationKind.valueOf(e.kind), id(e.recipientId), e.channel,
        JsonText.parseObject(e.payload), e.createdAt, e.attempts, e.nextAttemptAt, e.lastError, e.deliveredAt);
  }

  // --- retention, documentation, grants --------------------------------------------------

  static void apply(io.trainproof.core.retention.LegalHold h, LegalHoldEntity e) {
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

  static io.trainproof.core.retention.LegalHold hold(LegalHoldEntity e) {
    return new io.trainproof.core.retention.LegalHold(idOf(e.id), idOf(e.orgId), e.matter, id(e.memberId), e.fromOn,
        e.toOn, e.placedBy, e.placedAt, e.releasedBy, e.releasedAt);
  }

  static void apply(io.trainproof.core.retention.Tombstone t, TombstoneEntity e) {
    e.orgId = t.organization().value();
    e.kind = t.kind().name();
    e.subjectId = t.subjectId();
    e.retentionUntil = t.retentionUntil();
    e.purgedAt = t.purgedAt();
    e.purgedBy = t.purgedBy();
  }

  static io.trainproof.core.retention.Tombstone tombstone(TombstoneEntity e) {
    return new io.trainproof.core.retention.Tombstone(idOf(e.id), idOf(e.orgId),
        io.trainproof.core.retention.RecordKind.valueOf(e.kind), e.subjectId, e.retentionUntil, e.purgedAt, e.purgedBy);
  }

  static void apply(io.trainproof.core.documentation.PolicyReview r, PolicyReviewEntity e) {
    e.orgId = r.organization().value();
    e.policyId = r.policy().value();
    e.reviewedOn = r.reviewedOn();
    e.reviewer = r.reviewer();
    e.outcome = r.outcome();
    e.changesNeeded = r.changesNeeded();
    e.nextReviewDueOn = r.nextReviewDueOn();
    e.recordedAt = r.recordedAt();
  }

  static io.trainproof.core.documentation.PolicyReview review(PolicyReviewEntity e) {
    return new io.trainproof.core.documentation.PolicyReview(idOf(e.id), idOf(e.orgId), idOf(e.policyId),
        e.reviewedOn, e.reviewer, e.outcome, e.changesNeeded, e.nextReviewDueOn, e.recordedAt);
  }

  static void apply(io.trainproof.core.documentation.AddressableDecision d, DecisionEntity e) {
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

  static io.trainproof.core.documentation.AddressableDecision decision(DecisionEntity e) {
    return new io.trainproof.core.documentation.AddressableDecision(idOf(e.id), idOf(e.orgId),
        RegulatoryTopic.valueOf(e.topic), e.number, e.implementedAsTraining, e.rationale, e.alternativeMeasure,
        e.decidedOn, e.decidedBy, e.recordedAt);
  }

  static void apply(io.trainproof.core.notification.SecurityReminder r, ReminderEntity e) {
    e.orgId = r.organization().value();
    e.title = r.title();
    e.content = r.content();
    e.contentSha256 = r.contentSha256();
    e.channel = r.channel();
    e.sentOn = r.sentOn();
    e.sentAt = r.sentAt();
    e.sentBy = r.sentBy();
    e.acknowledgementRequired = r.acknowledgementRequired();
    sync(e.recipients, r.recipients().stream()
        .map(x -> new ReminderEntity.Recipient(x.member().value(), x.acknowledgedAt())).toList());
  }

  static io.trainproof.core.notification.SecurityReminder reminder(ReminderEntity e) {
    return new io.trainproof.core.notification.SecurityReminder(idOf(e.id), idOf(e.orgId), e.title, e.content,
        e.contentSha256, e.channel, e.sentOn, e.sentAt, e.sentBy, e.acknowledgementRequired,
        e.recipients.stream().map(x -> new io.trainproof.core.notification.SecurityReminder.Recipient(
            idOf(x.member()), x.acknowledgedAt())).toList());
  }

  static void apply(io.trainproof.core.access.CrossOrganizationGrant g, GrantEntity e) {
    e.orgId = g.organization().value();
    e.actorId = g.actorId();
    e.grantedBy = g.grantedBy();
    e.reason = g.reason();
    e.grantedAt = g.grantedAt();
    e.expiresAt = g.expiresAt();
    e.revokedAt = g.revokedAt();
  }

  static io.trainproof.core.access.CrossOrganizationGrant grant(GrantEntity e) {
    return new io.trainproof.core.access.CrossOrganizationGrant(idOf(e.id), idOf(e.orgId), e.actorId, e.grantedBy,
        e.reason, e.grantedAt, e.expiresAt, e.revokedAt);
  }

  // --- outside certifications -------------------------------------------------------------

  static CertificationKindEntity toEntity(io.trainproof.core.certification.CertificationKind k) {
    CertificationKindEntity e = new CertificationKindEntity(k.id().value());
    e.orgId = k.organization().value();
    e.code = k.code();
    e.name = k.name();
    k.satisfies().forEach(c -> e.satisfies.add(c.value()));
    e.createdAt = k.createdAt();
    return e;
  }

  static io.trainproof.core.certification.CertificationKind kind(CertificationKindEntity e) {
    return new io.trainproof.core.certification.CertificationKind(idOf(e.id), idOf(e.orgId), e.code, e.name,
        mapSet(e.satisfies, Mapper::idOf), e.createdAt);
  }

  static CertificationEntity toEntity(io.trainproof.core.certification.Certification c) {
    CertificationEntity e = new CertificationEntity(c.id().value());
    e.orgId = c.organization().value();
    e.memberId = c.member().value();
    e.kindId = c.kind().value();
    e.issuer = c.issuer();
    e.credentialId = c.credentialId();
    e.issuedOn = c.issuedOn();
    e.expiresOn = c.expiresOn();
    e.evidenceSha256 = c.evidenceSha256();
    io.trainproof.core.certification.Certification.Verification v = c.verification();
    e.verified = v == null ? null : v.verified();
    e.verificationSummary = v == null ? null : v.summary();
    e.verifiedAt = v == null ? null : v.verifiedAt();
    e.recordedAt = c.recordedAt();
    e.recordedBy = c.recordedBy();
    return e;
  }

  static io.trainproof.core.certification.Certification certification(CertificationEntity e) {
    io.trainproof.core.certification.Certification.Verification v = e.verified == null ? null
        : new io.trainproof.core.certification.Certification.Verification(e.verified,
            Objects.requireNonNull(e.verificationSummary), Objects.requireNonNull(e.verifiedAt));
    return new io.trainproof.core.certification.Certification(idOf(e.id), idOf(e.orgId), idOf(e.memberId),
        idOf(e.kindId), e.issuer, e.credentialId, e.issuedOn, e.expiresOn, e.evidenceSha256, v, e.recordedAt,
        e.recordedBy);
  }

  // --- collections -------------------------------------------------------------------

  /** Makes {@code target} equal to {@code source}, touching only the positions that differ. */
  static <T> void sync(List<T> target, List<T> source) {
    int common = Math.min(target.size(), source.size());
    for (int i = 0; i < common; i++) {
      if (!target.get(i).equals(source.get(i))) {
        target.set(i, source.get(i));
      }
    }
    while (target.size() > source.size()) {
      target.remove(target.size() - 1);
    }
    for (int i = common; i < source.size(); i++) {
      target.add(source.get(i));
    }
  }

  private static <T> void syncSet(Set<T> target, Set<T> source) {
    target.retainAll(source);
    target.addAll(source);
  }

  private static <A, B> Set<B> mapSet(Collection<A> values, Function<A, B> f) {
    Set<B> out = new HashSet<>();
    for (A a : values) {
      out.add(f.apply(a));
    }
    return out;
  }
}
