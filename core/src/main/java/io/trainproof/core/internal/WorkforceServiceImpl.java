package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.ConflictException;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.Transaction;
import io.trainproof.core.workforce.WorkforceService;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Implements {@link WorkforceService}. Thread-safe. Not API. */
public final class WorkforceServiceImpl implements WorkforceService {
  private final Context ctx;
  private final AssignmentEngine engine;

  /**
   * Creates the service.
   *
   * @param ctx shared collaborators
   * @param engine the assignment engine
   */
  public WorkforceServiceImpl(Context ctx, AssignmentEngine engine) {
    this.ctx = ctx;
    this.engine = engine;
  }

  @Override
  public WorkforceMember hire(Actor actor, NewMember request) {
    Check.notNull("request", request);
    String externalId = Check.notBlank("externalId", request.externalId());
    String displayName = Check.notBlank("displayName", request.displayName());
    Check.notNull("type", request.type());
    Set<String> roles = Check.codes("roles", request.roles());
    String department = Check.notBlank("department", request.department());
    LocalDate engagedOn = Check.notNull("engagedOn", request.engagedOn());
    return ctx.store().inTransaction(tx -> {
      Organization org = ctx.organization(tx, actor, "hire");
      if (request.manager() != null) {
        Validate.member(tx, org, request.manager());
      }
      if (tx.members().findByExternalId(org.id(), externalId).isPresent()) {
        throw new ConflictException("WorkforceMember", "externalId=" + externalId, "external id already exists");
      }
      MemberTerms terms = new MemberTerms(engagedOn, request.type(), roles, department, request.manager(), MemberStatus.ACTIVE);
      WorkforceMember member = tx.members().insert(
          new WorkforceMember(Id.random(), org.id(), externalId, displayName, engagedOn, List.of(terms), 0));
      engine.reconcileMember(tx, org, member, AssignmentEngine.max(ctx.today(org), engagedOn), actor.id());
      return member;
    });
  }

  @Override
  public WorkforceMember change(Actor actor, Id<WorkforceMember> memberId, MemberChange change) {
    Check.notNull("change", change);
    LocalDate on = Check.notNull("effectiveOn", change.effectiveOn());
    Set<String> roles = change.roles() == null ? null : Check.codes("roles", change.roles());
    String department = change.department() == null ? null : Check.notBlank("department", change.department());
    return ctx.store().inTransaction(tx -> {
      Organization org = ctx.organization(tx, actor, "change member");
      WorkforceMember member = Validate.notTerminated(Validate.member(tx, org, memberId));
      MemberTerms latest = member.latestTerms();
      notBeforeLatest(member, on);
      if (change.manager() != null) {
        if (change.manager().equals(memberId)) {
          throw new ValidationException("manager", change.manager(), "a member cannot manage themself");
        }
        Validate.member(tx, org, change.manager());
      }
      MemberTerms next = new MemberTerms(
          on,
          change.type() == null ? latest.type() : change.type(),
          roles == null ? latest.roles() : roles,
          department == null ? latest.department() : department,
          change.manager() == null ? latest.manager() : change.manager(),
          latest.status());
      return apply(tx, org, member.withTerms(next), on, actor);
    });
  }

  @Override
  public WorkforceMember startLeave(Actor actor, Id<WorkforceMember> memberId, LocalDate from) {
    Check.notNull("from", from);
    return ctx.store().inTransaction(tx -> {
      Organization org = ctx.organization(tx, actor, "start leave");
      WorkforceMember member = Validate.member(tx, org, memberId);
      requireStatus(member, MemberStatus.ACTIVE);
      notBeforeLatest(member, from);
      return apply(tx, org, member.withTerms(member.latestTerms().withStatus(from, MemberStatus.ON_LEAVE)), from, actor);
    });
  }

  @Override
  public WorkforceMember returnFromLeave(Actor actor, Id<WorkforceMember> memberId, LocalDate on) {
    Check.notNull("on", on);
    return ctx.store().inTransaction(tx -> {
      Organization org = ctx.organization(tx, actor, "return from leave");
      WorkforceMember member = Validate.member(tx, org, memberId);
      requireStatus(member, MemberStatus.ON_LEAVE);
      LocalDate leaveStart = member.latestTerms().effectiveFrom();
      if (!on.isAfter(leaveStart)) {
        throw new ValidationException("on", on, "is not after the leave began (" + leaveStart + ")");
      }
      WorkforceMember updated = tx.members().update(member.withTerms(member.latestTerms().withStatus(on, MemberStatus.ACTIVE)));
      engine.extendForLeave(tx, org, updated, leaveStart, on);
      engine.reconcileMember(tx, org, updated, AssignmentEngine.max(ctx.today(org), on), actor.id());
      return updated;
    });
  }

  @Override
  public WorkforceMember terminate(Actor actor, Id<WorkforceMember> memberId, LocalDate on) {
    Check.notNull("on", on);
    return ctx.store().inTransaction(tx -> {
      Organization org = ctx.organization(tx, actor, "terminate");
      WorkforceMember member = Validate.notTerminated(Validate.member(tx, org, memberId));
      notBeforeLatest(member, on);
      WorkforceMember updated = tx.members().update(member.withTerms(member.latestTerms().withStatus(on, MemberStatus.TERMINATED)));
      engine.cancelAll(tx, org, updated, on, actor.id(), "terminated");
      return updated;
    });
  }

  @Override
  public WorkforceMember get(Actor actor, Id<WorkforceMember> memberId) {
    return ctx.store().inTransaction(tx -> Validate.member(tx, ctx.organization(tx, actor, "read member"), memberId));
  }

  @Override
  public WorkforceMember getByExternalId(Actor actor, String externalId) {
    String ext = Check.notBlank("externalId", externalId);
    return ctx.store().inTransaction(tx -> {
      Organization org = ctx.organization(tx, actor, "read member");
      return tx.members().findByExternalId(org.id(), ext)
          .orElseThrow(() -> new NotFoundException("WorkforceMember", "externalId=" + ext));
    });
  }

  @Override
  public List<WorkforceMember> list(Actor actor) {
    return ctx.store().inTransaction(tx -> tx.members().list(ctx.organization(tx, actor, "list members").id()));
  }

  private WorkforceMember apply(Transaction tx, Organization org, WorkforceMember changed, LocalDate on, Actor actor) {
    WorkforceMember updated = tx.members().update(changed);
    engine.reconcileMember(tx, org, updated, AssignmentEngine.max(ctx.today(org), on), actor.id());
    return updated;
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
          "effectiveOn", on, "is before the member's latest recorded change (" + latest + "); history is not rewritten");
    }
  }
}
