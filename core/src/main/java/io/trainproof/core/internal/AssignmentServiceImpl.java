package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.ValidationException;
import io.trainproof.core.access.Operation;
import io.trainproof.core.assignment.AssignmentService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.Closure;
import io.trainproof.core.domain.DueDateChange;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Page;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.internal.engine.AssignmentEngine;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
    String note = Check.notBlank("note", request.note());
    return ctx.run(
        actor,
        Operation.ASSIGNMENT_WRITE,
        w -> {
          WorkforceMember member = Validate.notTerminated(Validate.member(w, request.member()));
          Validate.releasedCourse(w.tx(), w.org(), "course", request.course());
          LocalDate today = w.today();
          Check.notBefore("dueOn", due, today, "today");
          Id<Assignment> id = Id.random();
          AssignmentReason reason =
              request.remediation() ? AssignmentReason.REMEDIATION : AssignmentReason.MANUAL;
          Assignment assignment =
              engine
                  .draft(w)
                  .id(id)
                  .member(member.id())
                  .course(request.course())
                  .reason(reason)
                  .dedupeKey("MANUAL:" + id)
                  .anchorOn(today)
                  .dueOn(due)
                  .build();
          // why: the key holds a fresh id, so it is never taken and the assignment is always
          // written
          return engine.assign(w, assignment, note).orElse(assignment);
        });
  }

  @Override
  public Assignment waive(Actor actor, Id<Assignment> assignmentId, String reason) {
    String why = Check.notBlank("reason", reason);
    return ctx.run(
        actor,
        Operation.ASSIGNMENT_WAIVE,
        w -> {
          Assignment open = open(w, assignmentId);
          LocalDate on = Dates.max(w.today(), open.assignedOn());
          w.memberChanged(open.member());
          Assignment waived =
              w.tx()
                  .assignments()
                  .update(
                      open.closed(
                          new Closure(AssignmentState.WAIVED, on, w.now(), actor.id(), why, null)));
          w.audit(
              "ASSIGNMENT_WAIVED",
              "Assignment",
              open.id(),
              Map.of("approver", actor.id(), "reason", why, "on", on.toString()));
          engine.reconcileMember(w, Validate.member(w.tx(), w.org(), open.member()), w.today());
          return waived;
        });
  }

  @Override
  public Assignment extend(
      Actor actor, Id<Assignment> assignmentId, LocalDate newDueOn, String reason) {
    Check.notNull("newDueOn", newDueOn);
    String why = Check.notBlank("reason", reason);
    return ctx.run(
        actor,
        Operation.ASSIGNMENT_WRITE,
        w -> {
          Assignment open = open(w, assignmentId);
          if (!newDueOn.isAfter(open.currentDueOn())) {
            throw new ValidationException(
                "newDueOn",
                newDueOn,
                "is not after the current due date (" + open.currentDueOn() + ")");
          }
          w.memberChanged(open.member());
          Assignment extended =
              w.tx()
                  .assignments()
                  .update(open.extended(new DueDateChange(w.today(), newDueOn, actor.id(), why)));
          w.audit(
              "ASSIGNMENT_EXTENDED",
              "Assignment",
              open.id(),
              Map.of(
                  "approver",
                  actor.id(),
                  "reason",
                  why,
                  "newDueOn",
                  newDueOn.toString(),
                  "previousDueOn",
                  open.currentDueOn().toString()));
          return extended;
        });
  }

  @Override
  public Assignment start(Actor actor, Id<Assignment> assignmentId) {
    return ctx.run(
        actor,
        Operation.ASSIGNMENT_START,
        w -> {
          Assignment open = open(w, assignmentId);
          if (open.startedOn() != null) {
            return open;
          }
          w.memberChanged(open.member());
          Assignment started = w.tx().assignments().update(open.started(w.today()));
          w.audit(
              "ASSIGNMENT_STARTED", "Assignment", open.id(), Map.of("on", w.today().toString()));
          return started;
        });
  }

  @Override
  public Assignment get(Actor actor, Id<Assignment> assignmentId) {
    return ctx.run(actor, Operation.ASSIGNMENT_READ, w -> find(w, assignmentId));
  }

  @Override
  public List<Assignment> forMember(Actor actor, Id<WorkforceMember> memberId) {
    return ctx.run(
        actor,
        Operation.ASSIGNMENT_READ,
        w -> w.tx().assignments().forMember(w.org().id(), Validate.member(w, memberId).id()));
  }

  @Override
  public Page<Assignment> page(
      Actor actor, @org.jspecify.annotations.Nullable String after, int limit) {
    return ctx.run(
        actor,
        Operation.ASSIGNMENT_READ,
        w ->
            w.page(
                after,
                limit,
                (cursor, n) -> w.tx().assignments().page(w.org().id(), cursor, n),
                Assignment::id,
                Assignment::member));
  }

  /** Loads an assignment of a member the actor may act on. */
  static Assignment find(Work w, Id<Assignment> id) {
    Check.notNull("assignment", id);
    Assignment a =
        w.tx()
            .assignments()
            .find(w.org().id(), id)
            .orElseThrow(() -> new NotFoundException("Assignment", id));
    Validate.member(w, a.member());
    return a;
  }

  static Assignment open(Work w, Id<Assignment> id) {
    Assignment a = find(w, id);
    if (!a.isOpen()) {
      throw new ValidationException(
          "assignment", id, "is " + a.state() + "; only an open assignment can change");
    }
    return a;
  }
}
