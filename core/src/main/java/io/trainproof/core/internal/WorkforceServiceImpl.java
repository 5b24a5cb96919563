package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.ConflictException;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.ValidationException;
import io.trainproof.core.access.Operation;
import io.trainproof.core.domain.Closure;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Page;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.internal.engine.AssignmentEngine;
import io.trainproof.core.workforce.WorkforceService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Implements {@link WorkforceService}. Thread-safe. Not API. */
public final class WorkforceServiceImpl implements WorkforceService {
  private final Context ctx;
  private final AssignmentEngine engine;
  private final AttestationServiceImpl attestations;

  /**
   * Creates the service.
   *
   * @param ctx shared collaborators
   * @param engine the assignment engine
   * @param attestations requests attestations of policies in force for new hires
   */
  public WorkforceServiceImpl(
      Context ctx, AssignmentEngine engine, AttestationServiceImpl attestations) {
    this.ctx = ctx;
    this.engine = engine;
    this.attestations = attestations;
  }

  @Override
  public WorkforceMember hire(Actor actor, NewMember request) {
    NewMember hire = validated(request, "");
    return ctx.run(
        actor,
        Operation.MEMBER_HIRE,
        w -> {
          if (hire.manager() != null) {
            Validate.member(w, hire.manager());
          }
          if (w.tx().members().findByExternalId(w.org().id(), hire.externalId()).isPresent()) {
            throw new ConflictException(
                "WorkforceMember", "externalId=" + hire.externalId(), "external id already exists");
          }
          WorkforceMember member = w.tx().members().insert(newMember(w, hire));
          w.memberChanged(member.id());
          w.audit("MEMBER_HIRED", "WorkforceMember", member.id(), termsFacts(member.latestTerms()));
          LocalDate on = Dates.max(w.today(), hire.engagedOn());
          engine.reconcileMember(w, member, on);
          engine.retrainJoiners(w, List.of(member), on);
          attestations.requestInForce(w, member, on);
          return member;
        });
  }

  @Override
  public List<WorkforceMember> hireAll(Actor actor, List<NewMember> requests) {
    Check.notNull("requests", requests);
    Check.inRange("requests.size", requests.size(), 0, MAX_HIRES_PER_CALL);
    List<NewMember> hires = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      hires.add(validated(requests.get(i), "requests[" + i + "]."));
    }
    if (hires.isEmpty()) {
      return List.of();
    }
    return ctx.run(
        actor,
        Operation.MEMBER_HIRE,
        w -> {
          Set<Id<WorkforceMember>> managers = new LinkedHashSet<>();
          List<WorkforceMember> fresh = new ArrayList<>(hires.size());
          for (NewMember hire : hires) {
            if (hire.manager() != null && managers.add(hire.manager())) {
              Validate.member(w, hire.manager());
            }
            fresh.add(newMember(w, hire));
          }
          Set<String> given = new HashSet<>();
          for (NewMember hire : hires) {
            if (!given.add(hire.externalId())) {
              throw new ConflictException(
                  "WorkforceMember", "externalId=" + hire.externalId(), "given twice");
            }
          }
          List<WorkforceMember> members = w.tx().members().insertAll(fresh);
          w.membersChanged(members.stream().map(WorkforceMember::id).toList());
          Map<LocalDate, List<WorkforceMember>> byDate = new TreeMap<>();
          for (WorkforceMember member : members) {
            w.audit(
                "MEMBER_HIRED", "WorkforceMember", member.id(), termsFacts(member.latestTerms()));
            byDate
                .computeIfAbsent(Dates.max(w.today(), member.engagedOn()), d -> new ArrayList<>())
                .add(member);
          }
          List<Requirement> requirements = w.tx().requirements().list(w.org().id());
          for (Map.Entry<LocalDate, List<WorkforceMember>> group : byDate.entrySet()) {
            engine.reconcileNewMembers(w, group.getValue(), requirements, group.getKey());
            engine.retrainJoiners(w, group.getValue(), group.getKey());
            attestations.requestInForce(w, group.getValue(), group.getKey());
          }
          return members;
        });
  }

  /**
   * A hire request checked field by field, the field names prefixed (e.g. {@code requests[3].}).
   */
  private static NewMember validated(NewMember request, String prefix) {
    Check.notNull(prefix.isEmpty() ? "request" : prefix.substring(0, prefix.length() - 1), request);
    String externalId = Check.notBlank(prefix + "externalId", request.externalId());
    String displayName = Check.notBlank(prefix + "displayName", request.displayName());
    Check.notNull(prefix + "type", request.type());
    Set<String> roles = Check.codes(prefix + "roles", request.roles());
    String department = Check.notBlank(prefix + "department", request.department());
    LocalDate engagedOn = Check.notNull(prefix + "engagedOn", request.engagedOn());
    return new NewMember(
        externalId, displayName, request.type(), roles, department, request.manager(), engagedOn);
  }

  private static WorkforceMember newMember(Work w, NewMember hire) {
    MemberTerms terms =
        new MemberTerms(
            hire.engagedOn(),
            hire.type(),
            hire.roles(),
            hire.department(),
            hire.manager(),
            MemberStatus.ACTIVE);
    return new WorkforceMember(
        Id.random(),
        w.org().id(),
        hire.externalId(),
        hire.displayName(),
        hire.engagedOn(),
        List.of(terms),
        0);
  }

  @Override
  public WorkforceMember change(Actor actor, Id<WorkforceMember> memberId, MemberChange change) {
    Check.notNull("change", change);
    LocalDate on = Check.notNull("effectiveOn", change.effectiveOn());
    Set<String> roles = change.roles() == null ? null : Check.codes("roles", change.roles());
    String department =
        change.department() == null ? null : Check.notBlank("department", change.department());
    return ctx.run(
        actor,
        Operation.MEMBER_CHANGE,
        w -> {
          WorkforceMember member = Validate.notTerminated(Validate.member(w, memberId));
          MemberTerms latest = member.latestTerms();
          notBeforeLatest(member, on);
          if (change.manager() != null) {
            if (change.manager().equals(memberId)) {
              throw new ValidationException(
                  "manager", change.manager(), "a member cannot manage themself");
            }
            Validate.member(w, change.manager());
          }
          MemberTerms next =
              new MemberTerms(
                  on,
                  change.type() == null ? latest.type() : change.type(),
                  roles == null ? latest.roles() : roles,
                  department == null ? latest.department() : department,
                  change.manager() == null ? latest.manager() : change.manager(),
                  latest.status());
          WorkforceMember updated =
              apply(w, member.withTerms(next), on, "MEMBER_CHANGED", termsFacts(next));
          engine.retrainJoiners(w, List.of(updated), Dates.max(w.today(), on));
          return updated;
        });
  }

  @Override
  public WorkforceMember startLeave(Actor actor, Id<WorkforceMember> memberId, LocalDate from) {
    Check.notNull("from", from);
    return ctx.run(
        actor,
        Operation.MEMBER_LEAVE,
        w -> {
          WorkforceMember member = Validate.member(w, memberId);
          requireStatus(member, MemberStatus.ACTIVE);
          notBeforeLatest(member, from);
          return apply(
              w,
              member.withTerms(member.latestTerms().withStatus(from, MemberStatus.ON_LEAVE)),
              from,
              "MEMBER_LEAVE_STARTED",
              Map.of("from", from.toString()));
        });
  }

  @Override
  public WorkforceMember returnFromLeave(Actor actor, Id<WorkforceMember> memberId, LocalDate on) {
    Check.notNull("on", on);
    return ctx.run(
        actor,
        Operation.MEMBER_LEAVE,
        w -> {
          WorkforceMember member = Validate.member(w, memberId);
          requireStatus(member, MemberStatus.ON_LEAVE);
          LocalDate leaveStart = leaveStart(member);
          LocalDate latest = member.latestTerms().effectiveFrom();
          if (!on.isAfter(latest)) {
            throw new ValidationException(
                "on",
                on,
                latest.equals(leaveStart)
                    ? "is not after the leave began (" + leaveStart + ")"
                    : "is not after the member's latest recorded change (" + latest + ")");
          }
          w.memberChanged(member.id());
          WorkforceMember updated =
              w.tx()
                  .members()
                  .update(
                      member.withTerms(member.latestTerms().withStatus(on, MemberStatus.ACTIVE)));
          w.audit(
              "MEMBER_RETURNED",
              "WorkforceMember",
              member.id(),
              Map.of("on", on.toString(), "leaveStart", leaveStart.toString()));
          engine.extendForLeave(w, updated, leaveStart, on);
          engine.reconcileMember(w, updated, Dates.max(w.today(), on));
          return updated;
        });
  }

  @Override
  public WorkforceMember terminate(Actor actor, Id<WorkforceMember> memberId, LocalDate on) {
    Check.notNull("on", on);
    return ctx.run(
        actor,
        Operation.MEMBER_TERMINATE,
        w -> {
          WorkforceMember member = Validate.notTerminated(Validate.member(w, memberId));
          notBeforeLatest(member, on);
          w.memberChanged(member.id());
          WorkforceMember updated =
              w.tx()
                  .members()
                  .update(
                      member.withTerms(
                          member.latestTerms().withStatus(on, MemberStatus.TERMINATED)));
          w.audit("MEMBER_TERMINATED", "WorkforceMember", member.id(), Map.of("on", on.toString()));
          engine.cancelAll(w, updated, on, Closure.TERMINATED);
          return updated;
        });
  }

  @Override
  public WorkforceMember get(Actor actor, Id<WorkforceMember> memberId) {
    return ctx.run(actor, Operation.MEMBER_READ, w -> Validate.member(w, memberId));
  }

  @Override
  public WorkforceMember getByExternalId(Actor actor, String externalId) {
    String ext = Check.notBlank("externalId", externalId);
    return ctx.run(
        actor,
        Operation.MEMBER_READ,
        w ->
            w.requireVisible(
                w.tx()
                    .members()
                    .findByExternalId(w.org().id(), ext)
                    .orElseThrow(
                        () -> new NotFoundException("WorkforceMember", "externalId=" + ext))));
  }

  @Override
  public Optional<WorkforceMember> findByExternalId(Actor actor, String externalId) {
    String ext = Check.notBlank("externalId", externalId);
    return ctx.run(
        actor,
        Operation.MEMBER_READ,
        w -> w.tx().members().findByExternalId(w.org().id(), ext).map(w::requireVisible));
  }

  @Override
  public List<WorkforceMember> list(Actor actor) {
    return ctx.run(
        actor, Operation.MEMBER_READ, w -> w.visible(w.tx().members().list(w.org().id())));
  }

  @Override
  public Page<WorkforceMember> page(
      Actor actor, @org.jspecify.annotations.Nullable String after, int limit) {
    return ctx.run(
        actor,
        Operation.MEMBER_READ,
        w ->
            w.page(
                after,
                limit,
                (cursor, n) -> w.tx().members().page(w.org().id(), cursor, n),
                WorkforceMember::id,
                WorkforceMember::id));
  }

  private WorkforceMember apply(
      Work w, WorkforceMember changed, LocalDate on, String action, Map<String, String> facts) {
    WorkforceMember updated = w.tx().members().update(changed);
    w.memberChanged(updated.id());
    w.audit(action, "WorkforceMember", updated.id(), facts);
    engine.reconcileMember(w, updated, Dates.max(w.today(), on));
    return updated;
  }

  private static Map<String, String> termsFacts(MemberTerms t) {
    Map<String, String> facts = new TreeMap<>();
    facts.put("effectiveFrom", t.effectiveFrom().toString());
    facts.put("type", t.type().name());
    facts.put("roles", String.join(",", new TreeSet<>(t.roles())));
    facts.put("department", t.department());
    facts.put("status", t.status().name());
    if (t.manager() != null) {
      facts.put("manager", t.manager().toString());
    }
    return facts;
  }

  /**
   * The first day of the member's current leave: a change recorded during it (a new role, say) adds
   * terms that are still on leave, and must not shorten the leave the due dates are extended by.
   */
  private static LocalDate leaveStart(WorkforceMember member) {
    List<MemberTerms> history = member.history();
    LocalDate start = member.latestTerms().effectiveFrom();
    for (int i = history.size() - 1;
        i >= 0 && history.get(i).status() == MemberStatus.ON_LEAVE;
        i--) {
      start = history.get(i).effectiveFrom();
    }
    return start;
  }

  private static void requireStatus(WorkforceMember member, MemberStatus status) {
    MemberStatus current = member.latestTerms().status();
    if (current != status) {
      throw new ValidationException("member", member.id(), "is " + current + ", not " + status);
    }
  }

  private static void notBeforeLatest(WorkforceMember member, LocalDate on) {
    LocalDate latest = member.latestTerms().effectiveFrom();
    if (on.isBefore(latest)) {
      throw new ValidationException(
          "effectiveOn",
          on,
          "is before the member's latest recorded change ("
              + latest
              + "); history is not rewritten");
    }
  }
}
