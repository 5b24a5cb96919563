package io.trainproof.core.internal.engine;

import io.trainproof.core.assignment.AssignmentRules;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.internal.Work;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns rules × people into assignments: the entry point services call. Every method is idempotent:
 * it looks at what exists and creates only what is missing, and every assignment it creates carries
 * a dedupe key that the store keeps unique, so two threads or nodes racing create it once.
 * Everything it does is audited and announced through the unit of work. The work itself is done by
 * package-private collaborators ({@link Decision}, {@link Reconciler}, {@link AssignmentWriter},
 * {@link Retraining}, {@link Leave}, {@link Reminders}). Stateless; thread-safe. Not API.
 */
public final class AssignmentEngine {
  private final AssignmentWriter writer = new AssignmentWriter();
  private final Reconciler reconciler = new Reconciler(writer);
  private final Retraining retraining = new Retraining(writer);
  private final Leave leave = new Leave();
  private final Reminders reminders = new Reminders();

  /** Creates the engine. */
  public AssignmentEngine() {}

  /**
   * Brings one member's assignments in line with every requirement of the organization, as of a
   * date. The member's assignments, completions and certifications are read once for all
   * requirements: a decision under one requirement depends only on that requirement's assignments,
   * so what is created or cancelled under one never changes another's decision.
   *
   * @param w the unit of work (transaction, organization, actor)
   * @param member the member
   * @param on the date to evaluate (today, or a later effective date)
   * @return the number of assignments created
   */
  public int reconcileMember(Work w, WorkforceMember member, LocalDate on) {
    return reconciler.member(w, member, w.tx().requirements().list(w.org().id()), on);
  }

  /**
   * Brings one member's assignments under one requirement in line, as of a date: cancels what is no
   * longer required, creates the initial or next-cycle assignment when missing. What to do is
   * {@link AssignmentRules#decide}'s decision over the member's stored facts.
   *
   * @param w the unit of work (transaction, organization, actor)
   * @param member the member
   * @param requirement the requirement
   * @param on the date to evaluate
   * @return 1 when an assignment was created, else 0
   */
  public int reconcile(Work w, WorkforceMember member, Requirement requirement, LocalDate on) {
    return reconciler.member(w, member, List.of(requirement), on);
  }

  /**
   * What reconciling a batch did.
   *
   * @param created how many assignments it created
   * @param assignments each member's assignments as they stand after it (every member a key)
   */
  public record BatchResult(int created, Map<Id<WorkforceMember>, List<Assignment>> assignments) {}

  /**
   * Brings many members' assignments in line with the given requirements, reading their
   * assignments, completions and certifications with one bulk read each (the sweep's batch), and
   * gives each member's assignments as they now stand (what was read, with what was cancelled and
   * created), so the sweep's reminders need no second read.
   *
   * @param w the unit of work (transaction, organization, actor)
   * @param members the members
   * @param requirements every requirement of the organization
   * @param on the date to evaluate
   * @return what it created, and the members' assignments now
   */
  public BatchResult reconcileBatch(
      Work w, List<WorkforceMember> members, List<Requirement> requirements, LocalDate on) {
    return reconciler.batch(w, members, requirements, on, Facts.loadAll(w, members));
  }

  /**
   * What the sweep did for a batch.
   *
   * @param created how many assignments it created
   * @param nextChanges each member's next change date: the earliest day after today on which the
   *     sweep could do anything for them while nothing of theirs or of the organization is written
   */
  public record SweepBatch(int created, Map<Id<WorkforceMember>, LocalDate> nextChanges) {}

  /**
   * The renewal sweep's work for a batch: {@link #reconcileBatch}, then {@link #remindAll} over
   * what it left, then each member's next change date (a safe lower bound, see {@link NextChange}),
   * for the caller to store.
   *
   * @param w the unit of work (transaction, organization, actor)
   * @param members the members
   * @param requirements every requirement of the organization
   * @param today the sweep's day
   * @return what it created, and the members' next change dates
   */
  public SweepBatch sweepBatch(
      Work w, List<WorkforceMember> members, List<Requirement> requirements, LocalDate today) {
    Map<Id<WorkforceMember>, Facts> facts = Facts.loadAll(w, members);
    BatchResult reconciled = reconciler.batch(w, members, requirements, today, facts);
    // why: reminders see what reconciling created or cancelled, as it hands them back (no second
    // read)
    reminders.remindAll(w, members, requirements, reconciled.assignments(), today);
    return new SweepBatch(
        reconciled.created(),
        NextChange.of(members, requirements, facts, reconciled.assignments(), today));
  }

  /**
   * Assigns what the requirements ask of members inserted in this unit of work (a bulk hire): as
   * {@link #reconcileBatch}, without reading their assignments, completions and certifications,
   * since nothing can refer to a member that did not exist before this unit.
   *
   * @param w the unit of work (transaction, organization, actor)
   * @param members members inserted in this unit of work
   * @param requirements every requirement of the organization
   * @param on the date to evaluate
   * @return the number of assignments created
   */
  public int reconcileNewMembers(
      Work w, List<WorkforceMember> members, List<Requirement> requirements, LocalDate on) {
    return reconciler.batch(w, members, requirements, on, Facts.none(members)).created();
  }

  /**
   * Assigns retraining after a material policy version to every member, active or on leave, in the
   * audience of each requirement whose course covers the policy and who is affected by the change,
   * unless already trained on that version. A member on leave holds their roles: the assignment's
   * due date is moved on return by {@link #extendForLeave}, as for every assignment open during a
   * leave.
   *
   * @param w the unit of work (transaction, organization, actor)
   * @param version the material version
   * @param on the date to evaluate (the later of today and the effective date)
   * @return the number of assignments created
   */
  public int retrain(Work w, PolicyVersion version, LocalDate on) {
    return retraining.retrain(w, version, on);
  }

  /**
   * Retraining for members who entered an affected role after a material version was published (a
   * hire or a role change), and for no one who left it before it took effect. For each material
   * version published by the date whose retraining is not yet due (its effective date plus the
   * requirement's retraining period), under each requirement whose course teaches the policy: a
   * member active or on leave on the date, in the requirement's audience and in an affected role,
   * and not already trained on that version or a later one, gets the retraining, due on the same
   * date as everyone else's but never before the requirement's initial due date counted from that
   * day. A member's open retraining for a version not yet in effect (or taking effect on the date)
   * is cancelled when they no longer hold an affected role on its effective date. Idempotent (the
   * same dedupe key as publication).
   *
   * @param w the unit of work (transaction, organization, actor)
   * @param members the members hired or changed
   * @param on the date they entered their current terms (never before today)
   * @return the number of assignments created
   */
  public int retrainJoiners(Work w, List<WorkforceMember> members, LocalDate on) {
    return retraining.joiners(w, members, on);
  }

  /**
   * Cancels every open assignment of a member (termination).
   *
   * @param w the unit of work (transaction, organization, actor)
   * @param member the member
   * @param on the date it takes effect
   * @param why the reason recorded on each assignment
   * @return how many were cancelled
   */
  public int cancelAll(Work w, WorkforceMember member, LocalDate on, String why) {
    return writer
        .cancelOpen(w, w.tx().assignments().forMember(w.org().id(), member.id()), on, why)
        .size();
  }

  /**
   * Extends the open assignments of a member returning from leave by the length of the leave (the
   * documented leave rule: time on leave does not count against a due date).
   *
   * @param w the unit of work (transaction, organization, actor)
   * @param member the member
   * @param leaveStart the first day of leave
   * @param returnOn the first day back
   * @return how many were extended
   */
  public int extendForLeave(
      Work w, WorkforceMember member, LocalDate leaveStart, LocalDate returnOn) {
    return leave.extend(w, member, leaveStart, returnOn);
  }

  /**
   * A builder for an assignment the engine did not decide (made by hand, or for an imported
   * completion), with what the unit of work knows filled in: a fresh id, the organization, today as
   * its date, now as its instant and the actor as its creator. The caller sets the member, course,
   * reason, dedupe key, anchor and due date, and may change the others.
   *
   * @param w the unit of work
   * @return the builder
   */
  public Assignment.Builder draft(Work w) {
    return writer.draft(w);
  }

  /**
   * Writes an assignment the engine did not decide exactly as the engine writes its own: the same
   * {@code ASSIGNMENT_CREATED} audit entry and the same "assigned" notice.
   *
   * @param w the unit of work
   * @param assignment the new assignment, version 0 (from {@link #draft})
   * @param note the person's note recorded in the audit entry, or null
   * @return the assignment as stored; empty when its dedupe key was already taken
   */
  public Optional<Assignment> assign(Work w, Assignment assignment, @Nullable String note) {
    return writer.create(w, List.of(assignment), note).stream().findFirst();
  }

  /**
   * Writes the reminders, due notices, overdue notices and manager escalations that fall due today
   * for a sweep batch's open assignments, per each requirement's schedule (the standard schedule
   * for manual ones), with one outbox call. Each has an idempotency key naming the assignment, the
   * threshold and the due date, so a second sweep writes nothing and an extension starts a new
   * series. Thresholds up to a week old are caught up; older ones are not sent late.
   *
   * @param w the unit of work
   * @param members the members
   * @param requirements every requirement of the organization
   * @param assignments each member's assignments as they stand now
   * @param today today in the organization's zone
   * @return how many messages were written
   */
  public int remindAll(
      Work w,
      List<WorkforceMember> members,
      List<Requirement> requirements,
      Map<Id<WorkforceMember>, List<Assignment>> assignments,
      LocalDate today) {
    return reminders.remindAll(w, members, requirements, assignments, today);
  }
}
