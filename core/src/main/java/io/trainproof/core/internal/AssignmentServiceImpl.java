package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.ValidationException;
import io.trainproof.core.assignment.AssignmentService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Closure;
import io.trainproof.core.domain.DueDateChange;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.Transaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Implements {@link AssignmentService}. Thread-safe. Not API. */
public final class AssignmentServiceImpl implements AssignmentService {
  private final Context ctx;
  private final AssignmentEngine engine;

  /**
   * Creates the service.
   *
   * @param ctx shared collaborators
   * @param engine the assignment engine
   */
  public AssignmentServiceImpl(Context ctx, AssignmentEngine engine) {
    this.ctx = ctx;
    this.engine = engine;
  }

  @Override
  public Assignment assign(Actor actor, ManualAssignment request) {
    Check.notNull("request", request);
    LocalDate due = Check.notNull("dueOn", request.dueOn());
    Check.notBlank("note", request.note());
    return ctx.store().inTransaction(tx -> {
      Organization org = ctx.organization(tx, actor, "assign");
      WorkforceMember member = Validate.notTerminated(Validate.member(tx, org, request.member()));
      Validate.releasedCourse(tx, org, "course", request.course());
      LocalDate today = ctx.today(org);
      Check.notBefore("dueOn", due, today, "today");
      Instant now = ctx.clock().instant();
      Id<Assignment> id = Id.random();
      Assignment assignment = new Assignment(
          id, org.id(), member.id(), request.course(), null,
          request.remediation() ? AssignmentReason.REMEDIATION : AssignmentReason.MANUAL, null,
          "MANUAL:" + id, today, now, actor.id(), today, due, List.of(), null, null, 0);
      tx.assignments().insertIfAbsent(assignment);
      return assignment;
    });
  }

  @Override
  public Assignment waive(Actor actor, Id<Assignment> assignmentId, String reason) {
    String why = Check.notBlank("reason", reason);
    return ctx.store().inTransaction(tx -> {
      Organization org = ctx.organization(tx, actor, "waive");
      Assignment open = open(tx, org, assignmentId);
      LocalDate today = ctx.today(org);
      Assignment waived = tx.assignments().update(open.closed(new Closure(
          AssignmentState.WAIVED, AssignmentEngine.max(today, open.assignedOn()), ctx.clock().instant(), actor.id(), why, null)));
      WorkforceMember member = Validate.member(tx, org, open.member());
      engine.reconcileMember(tx, org, member, today, actor.id());
      return waived;
    });
  }

  @Override
  public Assignment extend(Actor actor, Id<Assignment> assignmentId, LocalDate newDueOn, String reason) {
    Check.notNull("newDueOn", newDueOn);
    String why = Check.notBlank("reason", reason);
    return ctx.store().inTransaction(tx -> {
      Organization org = ctx.organization(tx, actor, "extend");
      Assignment open = open(tx, org, assignmentId);
      if (!newDueOn.isAfter(open.currentDueOn())) {
        throw new ValidationException("newDueOn", newDueOn, "is not after the current due date (" + open.currentDueOn() + ")");
      }
      return tx.assignments().update(open.extended(new DueDateChange(ctx.today(org), newDueOn, actor.id(), why)));
    });
  }

  @Override
  public Assignment start(Actor actor, Id<Assignment> assignmentId) {
    return ctx.store().inTransaction(tx -> {
      Organization org = ctx.organization(tx, actor, "start");
      Assignment open = open(tx, org, assignmentId);
      return open.startedOn() != null ? open : tx.assignments().update(open.started(ctx.today(org)));
    });
  }

  @Override
  public Assignment get(Actor actor, Id<Assignment> assignmentId) {
    return ctx.store().inTransaction(tx -> find(tx, ctx.organization(tx, actor, "read assignment"), assignmentId));
  }

  @Override
  public List<Assignment> forMember(Actor actor, Id<WorkforceMember> memberId) {
    return ctx.store().inTransaction(tx -> {
      Organization org = ctx.organization(tx, actor, "read assignments");
      return tx.assignments().forMember(org.id(), Validate.member(tx, org, memberId).id());
    });
  }

  static Assignment find(Transaction tx, Organization org, Id<Assignment> id) {
    Check.notNull("assignment", id);
    return tx.assignments().find(org.id(), id).orElseThrow(() -> new NotFoundException("Assignment", id));
  }

  static Assignment open(Transaction tx, Organization org, Id<Assignment> id) {
    Assignment a = find(tx, org, id);
    if (!a.isOpen()) {
      throw new ValidationException("assignment", id, "is " + a.state() + "; only an open assignment can change");
    }
    return a;
  }
}
