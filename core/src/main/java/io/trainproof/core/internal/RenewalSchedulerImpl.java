package io.trainproof.core.internal;

import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.renewal.RenewalScheduler;
import java.util.List;

/**
 * Implements {@link RenewalScheduler}: one short transaction per member, so a sweep over a
 * large organization never holds a long transaction, and a failure for one member does not
 * undo the others. Thread-safe. Not API.
 */
public final class RenewalSchedulerImpl implements RenewalScheduler {
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
    List<Id<Organization>> orgs = ctx.store().inTransaction(tx -> tx.organizations().ids());
    int members = 0;
    int created = 0;
    for (Id<Organization> orgId : orgs) {
      List<Id<WorkforceMember>> ids = ctx.store().inTransaction(
          tx -> tx.members().list(orgId).stream().map(WorkforceMember::id).toList());
      for (Id<WorkforceMember> memberId : ids) {
        members++;
        created += ctx.store().inTransaction(tx -> {
          Organization org = tx.organizations().find(orgId).orElseThrow();
          return tx.members().find(orgId, memberId)
              .map(m -> engine.reconcileMember(tx, org, m, ctx.today(org), AssignmentEngine.SYSTEM))
              .orElse(0);
        });
      }
    }
    return new SweepResult(orgs.size(), members, created);
  }
}
