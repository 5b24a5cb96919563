package io.trainproof.core.internal;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Attestation;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Notification;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.RecordKind;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.retention.RetainedRecord;
import io.trainproof.core.retention.RetentionService.PurgeRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one place the six-year rule (45 CFR 164.316(b)(2)(i)) is applied to each kind of record: what
 * a purge may remove and what "kept until" answers come from here, so the two never disagree. The
 * date each kind counts from is documented on {@link RetainedRecord.Kind}. Stateless; thread-safe.
 */
final class RetentionRecords {
  private RetentionRecords() {}

  /**
   * One record a purge matched: the record with its retention, whose member it is (null for an
   * audit entry), the date a legal hold's period is matched against, and how to remove it.
   */
  record Candidate(
      RecordKind kind,
      RetainedRecord record,
      @Nullable Id<WorkforceMember> member,
      LocalDate recordDate,
      Runnable remove) {
    String id() {
      return record.id();
    }

    @Nullable LocalDate retentionUntil() {
      return record.keptUntil();
    }
  }

  /**
   * A record kept six years (or the organization's longer period) after the later of its creation
   * and the last day it was in effect; no date while it is in effect.
   */
  static RetainedRecord retained(
      Organization org,
      RetainedRecord.Kind kind,
      String id,
      String description,
      LocalDate createdOn,
      @Nullable LocalDate lastInEffectOn) {
    LocalDate keptUntil =
        lastInEffectOn == null ? null : org.keepUntil(Dates.max(createdOn, lastInEffectOn));
    return new RetainedRecord(kind, id, description, createdOn, lastInEffectOn, keptUntil);
  }

  /** The records a purge request matches, each with its retention. */
  static List<Candidate> candidates(Work w, PurgeRequest request) {
    Organization o = w.org();
    Id<Organization> org = o.id();
    List<WorkforceMember> members =
        request.member() == null
            ? w.tx().members().list(org)
            : List.of(Validate.member(w.tx(), o, request.member()));
    LocalDate before = request.createdBefore();
    List<Candidate> result = new ArrayList<>();
    for (WorkforceMember m : members) {
      if (request.kinds().contains(RecordKind.COMPLETION)) {
        for (Completion c : w.tx().completions().forMember(org, m.id())) {
          LocalDate created = o.dateOf(c.recordedAt());
          if (before == null || created.isBefore(before)) {
            // why: the date stored when it was recorded stands even if the period later shrank
            LocalDate until = Dates.max(c.retentionUntil(), o.keepUntil(created));
            RetainedRecord r =
                new RetainedRecord(
                    RetainedRecord.Kind.COMPLETION,
                    c.id().toString(),
                    "completion of " + c.completedOn(),
                    created,
                    created,
                    until);
            result.add(
                new Candidate(
                    RecordKind.COMPLETION,
                    r,
                    m.id(),
                    c.completedOn(),
                    () -> {
                      w.memberChanged(c.member());
                      w.tx().completions().delete(org, c.id());
                    }));
          }
        }
      }
      if (request.kinds().contains(RecordKind.ASSIGNMENT)) {
        for (Assignment a : w.tx().assignments().forMember(org, m.id())) {
          if (before == null || a.assignedOn().isBefore(before)) {
            RetainedRecord r =
                retained(
                    o,
                    RetainedRecord.Kind.ASSIGNMENT,
                    a.id().toString(),
                    "assignment (" + a.reason().description() + ") due " + a.dueOn(),
                    a.assignedOn(),
                    a.closure() == null ? null : a.closure().on());
            result.add(
                new Candidate(
                    RecordKind.ASSIGNMENT,
                    r,
                    m.id(),
                    a.assignedOn(),
                    () -> {
                      w.memberChanged(a.member());
                      w.tx().assignments().delete(org, a.id());
                    }));
          }
        }
      }
      if (request.kinds().contains(RecordKind.ATTESTATION)) {
        for (Attestation a : w.tx().attestations().forMember(org, m.id())) {
          if (before == null || a.requestedOn().isBefore(before)) {
            PolicyVersion v = w.tx().policies().findVersion(org, a.policyVersion()).orElse(null);
            LocalDate created = a.evidence() == null ? a.requestedOn() : a.evidence().attestedOn();
            RetainedRecord r =
                retained(
                    o,
                    RetainedRecord.Kind.ATTESTATION,
                    a.id().toString(),
                    v == null
                        ? "attestation requested on " + a.requestedOn()
                        : "attestation of policy version "
                            + v.number()
                            + ", requested on "
                            + a.requestedOn(),
                    created,
                    v == null ? null : v.lastInEffectOn());
            result.add(
                new Candidate(
                    RecordKind.ATTESTATION,
                    r,
                    m.id(),
                    created,
                    () -> {
                      w.memberChanged(a.member());
                      w.tx().attestations().delete(org, a.id());
                    }));
          }
        }
      }
    }
    if (request.kinds().contains(RecordKind.NOTIFICATION)) {
      // why: the range's end is exclusive, and a notice written in this very instant (the
      // "assigned" notice of a call just made) is the member's record too
      Instant end =
          before == null ? w.now().plusSeconds(1) : before.atStartOfDay(o.zone()).toInstant();
      for (Notification n : w.tx().outbox().between(org, Instant.EPOCH, end)) {
        if (request.member() == null || request.member().equals(n.recipient())) {
          LocalDate created = o.dateOf(n.createdAt());
          RetainedRecord r =
              retained(
                  o,
                  RetainedRecord.Kind.NOTIFICATION,
                  n.id().toString(),
                  "notification written on " + created,
                  created,
                  n.deliveredAt() == null ? null : created);
          result.add(
              new Candidate(
                  RecordKind.NOTIFICATION,
                  r,
                  n.recipient(),
                  created,
                  () -> w.tx().outbox().delete(org, n.id())));
        }
      }
    }
    if (request.kinds().contains(RecordKind.AUDIT_ENTRY) && before != null) {
      Instant end = before.atStartOfDay(o.zone()).toInstant();
      for (AuditEntry e : w.tx().audit().between(org, Instant.EPOCH, end)) {
        if (!e.tombstone()) {
          RetainedRecord r = audit(o, e);
          result.add(
              new Candidate(
                  RecordKind.AUDIT_ENTRY,
                  r,
                  null,
                  r.createdOn(),
                  () -> w.tx().audit().replaceWithTombstone(e.toTombstone())));
        }
      }
    }
    return result;
  }

  /** An audit entry: an act recorded once, kept from the day it was written. */
  static RetainedRecord audit(Organization org, AuditEntry e) {
    LocalDate written = org.dateOf(e.at());
    return retained(
        org,
        RetainedRecord.Kind.AUDIT_ENTRY,
        String.valueOf(e.sequence()),
        "audit entry " + e.sequence() + " written on " + written,
        written,
        written);
  }

  /**
   * A certificate: in effect until it expires (its last valid date), is revoked or is superseded
   * (the day its status changed); kept from the later of that day and the day it was issued.
   */
  static RetainedRecord certificate(Organization org, Certificate c, LocalDate today) {
    LocalDate issued = org.dateOf(c.issuedAt());
    LocalDate ended;
    if (c.status() != Certificate.Status.VALID) {
      ended = c.statusChangedAt() == null ? issued : org.dateOf(c.statusChangedAt());
    } else if (c.validUntil() != null && c.validUntil().isBefore(today)) {
      ended = c.validUntil();
    } else {
      ended = null;
    }
    return retained(
        org,
        RetainedRecord.Kind.CERTIFICATE,
        c.id().toString(),
        "certificate " + c.verificationCode() + " issued on " + issued,
        issued,
        ended);
  }
}
