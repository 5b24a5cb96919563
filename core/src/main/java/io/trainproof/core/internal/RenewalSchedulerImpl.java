package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.access.Operation;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.internal.engine.AssignmentEngine;
import io.trainproof.core.renewal.RenewalScheduler;
import java.time.LocalDate;
import java.util.List;

/**
 * Implements {@link RenewalScheduler}: members are claimed in batches of {@link #BATCH}, each batch
 * in one short transaction, so a sweep over a large organization never holds a long transaction,
 * several nodes sweeping at once divide the work (the store's claim skips rows another node holds),
 * and a member is visited once per day. The incremental sweep claims only members whose next change
 * date has come (or is unset), and stores each claimed member's next date in the same transaction.
 * Thread-safe. Not API.
 */
public final class RenewalSchedulerImpl implements RenewalScheduler {
  /** Members claimed per transaction. */
  static final int BATCH = 500;

  private final Context ctx;
  private final AssignmentEngine engine;

  /**
   * Creates the scheduler.
   *
   * @param ctx shared collaborators
   * @param engine the assignment engine
   */
  public RenewalSchedulerImpl(Context ctx, AssignmentEngine engine) {
    this.ctx = ctx;
    this.engine = engine;
  }

  @Override
  public SweepResult sweep() {
    return sweep(false);
  }

  @Override
  public SweepResult sweep(boolean fullScan) {
    List<Id<Organization>> orgs = ctx.store().inTransaction(tx -> tx.organizations().ids());
    int members = 0;
    int created = 0;
    for (Id<Organization> orgId : orgs) {
      while (true) {
        // One short transaction per batch: the claim, the marks and the assignments commit
        // together, so a crash leaves the batch unclaimed for the next sweep.
        int[] counts =
            ctx.run(
                Actor.system(orgId),
                Operation.SCHEDULER_RUN,
                w -> {
                  LocalDate today = w.today();
                  List<WorkforceMember> batch =
                      fullScan
                          ? w.tx().members().claimForSweep(orgId, today, BATCH)
                          : w.tx().members().claimDueForSweep(orgId, today, BATCH);
                  int made = 0;
                  if (!batch.isEmpty()) {
                    // why: one read of the rules per batch, not two per member
                    List<Requirement> requirements = w.tx().requirements().list(orgId);
                    AssignmentEngine.SweepBatch swept =
                        engine.sweepBatch(w, batch, requirements, today);
                    made = swept.created();
                    // why: in the batch's transaction, after its writes, so the dates describe
                    // what was committed
                    w.nextChanges(swept.nextChanges());
                  }
                  return new int[] {batch.size(), made};
                });
        members += counts[0];
        created += counts[1];
        if (counts[0] < BATCH) {
          break;
        }
      }
    }
    return new SweepResult(orgs.size(), members, created);
  }
}
