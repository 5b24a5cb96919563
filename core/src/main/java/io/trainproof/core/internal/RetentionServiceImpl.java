package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.IntegrityException;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.ValidationException;
import io.trainproof.core.access.Operation;
import io.trainproof.core.domain.AddressableDecision;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.LegalHold;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyReview;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.RecordKind;
import io.trainproof.core.domain.SecurityReminder;
import io.trainproof.core.domain.Tombstone;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.internal.RetentionRecords.Candidate;
import io.trainproof.core.retention.RetainedRecord;
import io.trainproof.core.retention.RetentionService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Implements {@link RetentionService}. Thread-safe. Not API. */
public final class RetentionServiceImpl implements RetentionService {
  private final Context ctx;

  /**
   * Creates the service.
   *
   * @param ctx shared collaborators
   */
  public RetentionServiceImpl(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public LegalHold placeHold(
      Actor actor,
      String matter,
      @Nullable Id<WorkforceMember> member,
      @Nullable LocalDate from,
      @Nullable LocalDate to) {
    String m = Check.notBlank("matter", matter);
    if (from != null && to != null && to.isBefore(from)) {
      throw new ValidationException("to", to, "is before from (" + from + ")");
    }
    return ctx.run(
        actor,
        Operation.RETENTION_WRITE,
        w -> {
          if (member != null) {
            Validate.member(w, member);
          }
          LegalHold hold =
              new LegalHold(
                  Id.random(), w.org().id(), m, member, from, to, actor.id(), w.now(), null, null);
          w.tx().retention().saveHold(hold);
          Map<String, String> facts = new TreeMap<>(Map.of("matter", m));
          if (member != null) {
            facts.put("member", member.toString());
          }
          if (from != null) {
            facts.put("from", from.toString());
          }
          if (to != null) {
            facts.put("to", to.toString());
          }
          w.audit("LEGAL_HOLD_PLACED", "LegalHold", hold.id(), facts);
          return hold;
        });
  }

  @Override
  public LegalHold releaseHold(Actor actor, Id<LegalHold> holdId) {
    Check.notNull("hold", holdId);
    return ctx.run(
        actor,
        Operation.RETENTION_WRITE,
        w -> {
          LegalHold hold =
              w.tx().retention().holds(w.org().id()).stream()
                  .filter(h -> h.id().equals(holdId))
                  .findFirst()
                  .orElseThrow(() -> new NotFoundException("LegalHold", holdId));
          if (!hold.active()) {
            throw new ValidationException("hold", holdId, "is already released");
          }
          LegalHold released =
              new LegalHold(
                  hold.id(),
                  hold.organization(),
                  hold.matter(),
                  hold.member(),
                  hold.from(),
                  hold.to(),
                  hold.placedBy(),
                  hold.placedAt(),
                  actor.id(),
                  w.now());
          w.tx().retention().saveHold(released);
          w.audit("LEGAL_HOLD_RELEASED", "LegalHold", hold.id(), Map.of("matter", hold.matter()));
          return released;
        });
  }

  @Override
  public List<LegalHold> holds(Actor actor) {
    return ctx.run(actor, Operation.RETENTION_READ, w -> w.tx().retention().holds(w.org().id()));
  }

  @Override
  public List<Tombstone> tombstones(Actor actor) {
    return ctx.run(
        actor, Operation.RETENTION_READ, w -> w.tx().retention().tombstones(w.org().id()));
  }

  @Override
  public Map<RecordKind, Map<String, LocalDate>> retentionDates(
      Actor actor, Id<WorkforceMember> member) {
    Check.notNull("member", member);
    return ctx.run(
        actor,
        Operation.RETENTION_READ,
        w -> {
          Validate.member(w, member);
          Map<RecordKind, Map<String, LocalDate>> result = new EnumMap<>(RecordKind.class);
          for (Candidate c : RetentionRecords.candidates(w, everyMemberRecord(member))) {
            if (c.retentionUntil() != null) {
              result
                  .computeIfAbsent(c.kind(), k -> new TreeMap<>())
                  .put(c.id(), c.retentionUntil());
            }
          }
          return result;
        });
  }

  /** A request naming every record kind kept per member: what both per-member answers read. */
  private static PurgeRequest everyMemberRecord(Id<WorkforceMember> member) {
    return new PurgeRequest(
        EnumSet.of(
            RecordKind.COMPLETION,
            RecordKind.ASSIGNMENT,
            RecordKind.ATTESTATION,
            RecordKind.NOTIFICATION),
        member,
        null);
  }

  @Override
  public List<RetainedRecord> memberRecords(Actor actor, Id<WorkforceMember> member) {
    Check.notNull("member", member);
    return ctx.run(
        actor,
        Operation.RETENTION_READ,
        w -> {
          Validate.member(w, member);
          List<RetainedRecord> out = new ArrayList<>();
          for (Candidate c : RetentionRecords.candidates(w, everyMemberRecord(member))) {
            out.add(c.record());
          }
          for (Certificate c : w.tx().certificates().forMember(w.org().id(), member)) {
            out.add(RetentionRecords.certificate(w.org(), c, w.today()));
          }
          out.sort(
              Comparator.comparing(RetainedRecord::kind)
                  .thenComparing(RetainedRecord::createdOn)
                  .thenComparing(RetainedRecord::id));
          return List.copyOf(out);
        });
  }

  @Override
  public List<RetainedRecord> auditRecords(Actor actor, Instant from, Instant to) {
    Check.notNull("from", from);
    Check.notNull("to", to);
    if (to.isBefore(from)) {
      throw new ValidationException("to", to, "is before from (" + from + ")");
    }
    return ctx.run(
        actor,
        Operation.RETENTION_READ,
        w -> {
          List<RetainedRecord> out = new ArrayList<>();
          for (AuditEntry e : w.tx().audit().between(w.org().id(), from, to)) {
            if (!e.tombstone()) {
              out.add(RetentionRecords.audit(w.org(), e));
            }
          }
          return List.copyOf(out);
        });
  }

  @Override
  public List<RetainedRecord> organizationRecords(Actor actor) {
    return ctx.run(
        actor,
        Operation.RETENTION_READ,
        w -> {
          Id<Organization> org = w.org().id();
          Organization o = w.org();
          List<RetainedRecord> out = new ArrayList<>();
          for (Policy p : w.tx().policies().list(org)) {
            for (PolicyVersion v : w.tx().policies().versions(org, p.id())) {
              LocalDate created = o.dateOf(v.publishedAt());
              out.add(
                  RetentionRecords.retained(
                      o,
                      RetainedRecord.Kind.POLICY_VERSION,
                      v.id().toString(),
                      "policy " + p.code() + " version " + v.number(),
                      created,
                      v.lastInEffectOn()));
            }
            for (PolicyReview r : w.tx().documentation().reviews(org, p.id())) {
              out.add(
                  RetentionRecords.retained(
                      o,
                      RetainedRecord.Kind.POLICY_REVIEW,
                      r.id().toString(),
                      "review of policy " + p.code() + " on " + r.reviewedOn(),
                      r.reviewedOn(),
                      r.reviewedOn()));
            }
          }
          List<AddressableDecision> decisions = w.tx().documentation().decisions(org);
          for (AddressableDecision d : decisions) {
            // why: a decision is in effect until a later decision on the same topic is made
            LocalDate lastInEffect =
                decisions.stream()
                    .filter(n -> n.topic() == d.topic() && n.number() > d.number())
                    .map(AddressableDecision::decidedOn)
                    .min(Comparator.naturalOrder())
                    .map(next -> Dates.max(d.decidedOn(), next.minusDays(1)))
                    .orElse(null);
            out.add(
                RetentionRecords.retained(
                    o,
                    RetainedRecord.Kind.ADDRESSABLE_DECISION,
                    d.id().toString(),
                    "decision " + d.number() + " on " + "45 CFR " + d.topic().citation(),
                    d.decidedOn(),
                    lastInEffect));
          }
          for (SecurityReminder r : w.tx().documentation().reminders(org)) {
            out.add(
                RetentionRecords.retained(
                    o,
                    RetainedRecord.Kind.SECURITY_REMINDER,
                    r.id().toString(),
                    "security reminder sent on " + r.sentOn(),
                    r.sentOn(),
                    r.sentOn()));
          }
          for (WorkforceMember m : w.tx().members().list(org)) {
            MemberTerms last = m.latestTerms();
            LocalDate ended =
                last.status() == MemberStatus.TERMINATED ? last.effectiveFrom() : null;
            out.add(
                RetentionRecords.retained(
                    o,
                    RetainedRecord.Kind.WORKFORCE_MEMBER,
                    m.id().toString(),
                    "workforce member " + m.externalId(),
                    m.engagedOn(),
                    ended));
          }
          out.sort(
              Comparator.comparing(RetainedRecord::kind)
                  .thenComparing(RetainedRecord::createdOn)
                  .thenComparing(RetainedRecord::id));
          return List.copyOf(out);
        });
  }

  @Override
  public PurgeReport purge(Actor actor, PurgeRequest request) {
    Check.notNull("request", request);
    Check.notNull("kinds", request.kinds());
    if (request.kinds().isEmpty()
        || (request.member() == null && request.createdBefore() == null)) {
      throw new ValidationException(
          "request", request, "a purge needs record kinds and a member or a createdBefore date");
    }
    if (request.kinds().contains(RecordKind.AUDIT_ENTRY)
        && (request.member() != null || request.createdBefore() == null)) {
      throw new ValidationException(
          "request.member",
          request.member(),
          "audit entries are purged by date only (createdBefore), never by member, so the purged run is contiguous");
    }
    return ctx.run(
        actor,
        Operation.RETENTION_WRITE,
        w -> {
          if (request.member() != null) {
            Validate.member(w, request.member());
          }
          List<Candidate> candidates = RetentionRecords.candidates(w, request);
          LocalDate today = w.today();
          List<LegalHold> holds =
              w.tx().retention().holds(w.org().id()).stream().filter(LegalHold::active).toList();
          List<String> refusals = new ArrayList<>();
          for (Candidate c : candidates) {
            if (c.retentionUntil() == null) {
              refusals.add(c.kind() + " " + c.id() + " is still in effect");
            } else if (!today.isAfter(c.retentionUntil())) {
              refusals.add(c.kind() + " " + c.id() + " is kept until " + c.retentionUntil());
            } else {
              holds.stream()
                  .filter(h -> h.covers(c.member(), c.recordDate()))
                  .findFirst()
                  .ifPresent(
                      h ->
                          refusals.add(
                              c.kind()
                                  + " "
                                  + c.id()
                                  + " is under legal hold '"
                                  + h.matter()
                                  + "'"));
            }
          }
          if (!refusals.isEmpty()) {
            throw new IntegrityException(
                "purge refused, nothing removed: "
                    + refusals.size()
                    + " of "
                    + candidates.size()
                    + " matching records may not be purged; first: "
                    + refusals.get(0));
          }
          Map<RecordKind, Integer> counts = new EnumMap<>(RecordKind.class);
          List<Tombstone> tombstones = new ArrayList<>();
          long firstAudit = Long.MAX_VALUE;
          long lastAudit = 0;
          for (Candidate c : candidates) {
            c.remove().run();
            // why non-null: a candidate still in effect (no retention date) was refused above
            LocalDate keptUntil = Objects.requireNonNull(c.retentionUntil());
            Tombstone t =
                new Tombstone(
                    Id.random(), w.org().id(), c.kind(), c.id(), keptUntil, w.now(), actor.id());
            w.tx().retention().insertTombstone(t);
            tombstones.add(t);
            counts.merge(c.kind(), 1, Integer::sum);
            if (c.kind() == RecordKind.AUDIT_ENTRY) {
              long seq = Long.parseLong(c.id());
              firstAudit = Math.min(firstAudit, seq);
              lastAudit = Math.max(lastAudit, seq);
            }
          }
          if (lastAudit > 0) {
            w.audit(
                "AUDIT_PURGED",
                "AuditTrail",
                w.org().id(),
                Map.of(
                    "fromSequence",
                    String.valueOf(firstAudit),
                    "toSequence",
                    String.valueOf(lastAudit)));
          }
          Map<String, String> facts = new TreeMap<>();
          counts.forEach((k, v) -> facts.put(k.name(), String.valueOf(v)));
          w.audit("RECORDS_PURGED", "Organization", w.org().id(), facts);
          return new PurgeReport(counts, tombstones);
        });
  }
}
