package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.policy.PolicyService;
import io.trainproof.core.spi.Transaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Implements {@link PolicyService}. Thread-safe. Not API. */
public final class PolicyServiceImpl implements PolicyService {
  private final Context ctx;
  private final AssignmentEngine engine;

  /**
   * Creates the service.
   *
   * @param ctx shared collaborators
   * @param engine the assignment engine
   */
  public PolicyServiceImpl(Context ctx, AssignmentEngine engine) {
    this.ctx = ctx;
    this.engine = engine;
  }

  @Override
  public Policy create(Actor actor, NewPolicy request) {
    Check.notNull("request", request);
    String code = Check.notBlank("code", request.code());
    String title = Check.notBlank("title", request.title());
    return ctx.store().inTransaction(tx -> {
      Organization org = ctx.organization(tx, actor, "create policy");
      Policy policy = new Policy(Id.random(), org.id(), code, title, ctx.clock().instant());
      tx.policies().insert(policy);
      return policy;
    });
  }

  @Override
  public PolicyVersion publish(Actor actor, Id<Policy> policyId, NewVersion request) {
    Check.notNull("request", request);
    LocalDate effectiveFrom = Check.notNull("effectiveFrom", request.effectiveFrom());
    String hash = Check.sha256Hex("textSha256", request.textSha256());
    String notes = Check.notBlank("changeNotes", request.changeNotes());
    Set<String> affected = Check.codes("affectedRoles", request.affectedRoles());
    return ctx.store().inTransaction(tx -> {
      Organization org = ctx.organization(tx, actor, "publish policy version");
      Policy policy = policy(tx, org, policyId);
      List<PolicyVersion> versions = tx.policies().versions(org.id(), policy.id());
      int number = 1;
      if (!versions.isEmpty()) {
        PolicyVersion previous = versions.get(versions.size() - 1);
        if (!effectiveFrom.isAfter(previous.effectiveFrom())) {
          throw new ValidationException("effectiveFrom", effectiveFrom,
              "is not after version " + previous.number() + "'s effective date (" + previous.effectiveFrom() + ")");
        }
        if (previous.textSha256().equals(hash)) {
          throw new ValidationException("textSha256", hash, "is the text of version " + previous.number());
        }
        LocalDate lastDay = effectiveFrom.minusDays(1);
        if (previous.lastInEffectOn() == null || previous.lastInEffectOn().isAfter(lastDay)) {
          tx.policies().updateVersion(previous.endedOn(lastDay));
        }
        number = previous.number() + 1;
      }
      Instant now = ctx.clock().instant();
      PolicyVersion version = new PolicyVersion(
          Id.random(), policy.id(), org.id(), number, effectiveFrom, hash, notes, request.material(), affected, null, now);
      tx.policies().insertVersion(version);
      if (version.material()) {
        engine.retrain(tx, org, version, AssignmentEngine.max(ctx.today(org), effectiveFrom), actor.id());
      }
      return version;
    });
  }

  @Override
  public PolicyVersion retire(Actor actor, Id<Policy> policyId, LocalDate lastDay) {
    Check.notNull("lastDay", lastDay);
    return ctx.store().inTransaction(tx -> {
      Organization org = ctx.organization(tx, actor, "retire policy");
      Policy policy = policy(tx, org, policyId);
      List<PolicyVersion> versions = tx.policies().versions(org.id(), policy.id());
      if (versions.isEmpty()) {
        throw new ValidationException("policy", policyId, "has no version to retire");
      }
      PolicyVersion current = versions.get(versions.size() - 1);
      if (current.lastInEffectOn() != null) {
        throw new ValidationException("policy", policyId, "is already retired (last in effect " + current.lastInEffectOn() + ")");
      }
      if (lastDay.isBefore(current.effectiveFrom())) {
        throw new ValidationException("lastDay", lastDay, "is before the current version took effect (" + current.effectiveFrom() + ")");
      }
      PolicyVersion retired = current.endedOn(lastDay);
      tx.policies().updateVersion(retired);
      return retired;
    });
  }

  @Override
  public List<PolicyVersion> versions(Actor actor, Id<Policy> policyId) {
    return ctx.store().inTransaction(tx -> {
      Organization org = ctx.organization(tx, actor, "read policy");
      return tx.policies().versions(org.id(), policy(tx, org, policyId).id());
    });
  }

  @Override
  public List<PolicyVersion> inForceOn(Actor actor, LocalDate date) {
    Check.notNull("date", date);
    return ctx.store().inTransaction(tx -> {
      Organization org = ctx.organization(tx, actor, "read policies");
      List<PolicyVersion> result = new ArrayList<>();
      for (Policy p : tx.policies().list(org.id())) {
        tx.policies().versions(org.id(), p.id()).stream().filter(v -> v.inForceOn(date)).reduce((a, b) -> b)
            .ifPresent(result::add);
      }
      return result;
    });
  }

  @Override
  public List<Policy> list(Actor actor) {
    return ctx.store().inTransaction(tx -> tx.policies().list(ctx.organization(tx, actor, "list policies").id()));
  }

  private static Policy policy(Transaction tx, Organization org, Id<Policy> id) {
    Check.notNull("policy", id);
    return tx.policies().find(org.id(), id).orElseThrow(() -> new NotFoundException("Policy", id));
  }
}
