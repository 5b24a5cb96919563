package io.trainproof.integrations.roster;

import io.trainproof.core.Actor;
import io.trainproof.core.ForbiddenException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.TrainproofException;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.workforce.WorkforceService;
import io.trainproof.integrations.RowError;
import io.trainproof.integrations.internal.Batch;
import io.trainproof.integrations.roster.RosterInput.Numbered;
import io.trainproof.integrations.roster.RosterPlanner.ChangeTerms;
import io.trainproof.integrations.roster.RosterPlanner.Hire;
import io.trainproof.integrations.roster.RosterPlanner.Return;
import io.trainproof.integrations.roster.RosterPlanner.RowPlan;
import io.trainproof.integrations.roster.RosterPlanner.StartLeave;
import io.trainproof.integrations.roster.RosterPlanner.Step;
import io.trainproof.integrations.roster.RosterPlanner.Terminate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Applies the rows in order through the workforce service, each row's steps as {@link
 * RosterPlanner} planned them. When each row gets its own unit of work, rows that only hire an
 * active member are queued and hired {@value #HIRES_PER_CALL} at a time with one {@link
 * WorkforceService#hireAll} call (one transaction and a few statements for the lot instead of a
 * transaction and some thirty statements per row); if core refuses such a call, its rows are
 * applied one by one, so one bad row never costs the others. Every other row, and every row in a
 * shared unit (all-or-nothing, dry run), is applied on its own. One per run; not thread-safe.
 */
final class RosterApplier {
  /** Hires queued for one {@link WorkforceService#hireAll} call. */
  static final int HIRES_PER_CALL = 500;

  private final Trainproof trainproof;
  private final Actor actor;
  private final RosterPlanner planner;
  private final Tally tally;
  private final Map<String, WorkforceMember> known;
  private final Batch batch;
  private final List<RowError> errors;
  private final List<Numbered> hires = new ArrayList<>();
  private final Set<String> queued = new HashSet<>();

  /**
   * An applier for one run.
   *
   * @param trainproof the instance
   * @param actor who runs the sync
   * @param planner the run's planner, reading {@code known}
   * @param tally where what the rows did is gathered
   * @param known the members by external id; each hire is added
   * @param batch the run's batch
   * @param errors where row errors go
   */
  RosterApplier(
      Trainproof trainproof,
      Actor actor,
      RosterPlanner planner,
      Tally tally,
      Map<String, WorkforceMember> known,
      Batch batch,
      List<RowError> errors) {
    this.trainproof = trainproof;
    this.actor = actor;
    this.planner = planner;
    this.tally = tally;
    this.known = known;
    this.batch = batch;
    this.errors = errors;
  }

  /**
   * Applies the next row, or queues it for a bulk hire.
   *
   * @param r the row
   */
  void next(Numbered r) {
    String managerExt = RosterPlanner.managerExt(r.row());
    if (queued.contains(managerExt)) {
      flushHires(); // why: the manager must be a member before their report is hired
    }
    if (batch.ownUnits() && planner.plainHire(r.row(), managerExt)) {
      hires.add(r);
      queued.add(r.row().externalId().strip());
      if (hires.size() == HIRES_PER_CALL) {
        flushHires();
      }
      return;
    }
    one(r);
  }

  /** Hires the queued rows with one call; call once more after the last row. */
  void flushHires() {
    if (hires.isEmpty()) {
      return;
    }
    List<Numbered> rows = List.copyOf(hires);
    hires.clear();
    queued.clear();
    List<WorkforceService.NewMember> requests = new ArrayList<>(rows.size());
    for (Numbered r : rows) {
      String managerExt = RosterPlanner.managerExt(r.row());
      // why: a row is queued only when plainHire found its manager in known, and known only grows
      requests.add(
          RosterPlanner.newMember(
              r.row(),
              managerExt.isEmpty() ? null : Objects.requireNonNull(known.get(managerExt)).id()));
    }
    List<WorkforceMember> hired;
    try {
      hired = trainproof.workforce().hireAll(actor, requests);
    } catch (ForbiddenException e) {
      throw e;
    } catch (TrainproofException e) {
      // why: the call wrote nothing; each row alone gets its own outcome and error
      for (Numbered r : rows) {
        one(r);
      }
      return;
    }
    for (int i = 0; i < rows.size(); i++) {
      Numbered r = rows.get(i);
      WorkforceMember member = hired.get(i);
      known.put(member.externalId(), member);
      commit(
          List.of(
              new RosterChange(
                  r.line(),
                  member.externalId(),
                  member.id(),
                  RosterChange.Kind.HIRED,
                  r.row().engagedOn(),
                  "")),
          List.of());
    }
  }

  private void one(Numbered r) {
    Map<String, WorkforceMember> hired = new HashMap<>();
    Boolean applied =
        batch.row(
            r.line(),
            r.row().externalId(),
            () -> {
              hired.clear();
              applyRow(r, hired);
              return Boolean.TRUE;
            },
            errors::add);
    if (applied != null || !batch.ownUnits()) {
      known.putAll(hired);
    }
  }

  private void applyRow(Numbered numbered, Map<String, WorkforceMember> hiredByRow) {
    RowPlan plan = planner.plan(numbered);
    int line = numbered.line();
    String ext = numbered.row().externalId().strip();
    WorkforceService workforce = trainproof.workforce();
    WorkforceMember current = plan.member();
    List<RosterChange> changes = new ArrayList<>();
    for (Step step : plan.steps()) {
      RosterChange.Kind kind;
      LocalDate on;
      String detail = "";
      if (step instanceof Hire hire) {
        current = workforce.hire(actor, hire.request());
        hiredByRow.put(ext, current);
        kind = RosterChange.Kind.HIRED;
        on = hire.request().engagedOn();
      } else if (step instanceof StartLeave leave) {
        current = workforce.startLeave(actor, onRecord(current).id(), leave.on());
        kind = RosterChange.Kind.LEAVE_STARTED;
        on = leave.on();
      } else if (step instanceof Return back) {
        current = workforce.returnFromLeave(actor, onRecord(current).id(), back.on());
        kind = RosterChange.Kind.RETURNED;
        on = back.on();
      } else if (step instanceof Terminate end) {
        current = workforce.terminate(actor, onRecord(current).id(), end.on());
        kind = RosterChange.Kind.TERMINATED;
        on = end.on();
      } else {
        ChangeTerms change = (ChangeTerms) step;
        WorkforceMember was = onRecord(current);
        on = RosterPlanner.max(change.notBefore(), was.latestTerms().effectiveFrom());
        current =
            workforce.change(
                actor,
                was.id(),
                new WorkforceService.MemberChange(
                    on, change.roles(), change.department(), change.manager(), change.type()));
        kind = RosterChange.Kind.TERMS_CHANGED;
        detail = change.changed();
      }
      changes.add(new RosterChange(line, ext, current.id(), kind, on, detail));
    }
    commit(changes, plan.notices());
  }

  /** The member a step other than a hire acts on. */
  private static WorkforceMember onRecord(@Nullable WorkforceMember current) {
    // why: a plan is for a member on record, or starts with the Hire that sets current
    // (RosterPlanner.plan)
    return Objects.requireNonNull(current);
  }

  private void commit(List<RosterChange> changes, List<RosterNotice> notices) {
    // why: only once the whole row went through, so a failed row leaves nothing in the result
    if (changes.isEmpty()) {
      tally.unchanged++;
    }
    tally.changes.addAll(changes);
    tally.notices.addAll(notices);
  }

  /** What the rows did, gathered as they run. Not thread-safe: one per run. */
  static final class Tally {
    final List<RosterChange> changes = new ArrayList<>();
    final List<RosterNotice> notices = new ArrayList<>();
    final List<MissingMember> missing = new ArrayList<>();
    int unchanged;
  }
}
