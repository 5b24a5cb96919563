package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.ValidationException;
import io.trainproof.core.access.Operation;
import io.trainproof.core.domain.AttestationTrigger;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.internal.engine.AssignmentEngine;
import io.trainproof.core.policy.PolicyService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Implements {@link PolicyService}. Thread-safe. Not API. */
public final class PolicyServiceImpl implements PolicyService {
  private static final Logger LOG = LoggerFactory.getLogger(PolicyServiceImpl.class);
  private final Context ctx;
  private final AssignmentEngine engine;
  private final AttestationServiceImpl attestations;

  /**
   * Creates the service.
   *
   * @param ctx shared collaborators
   * @param engine the assignment engine
   * @param attestations requests attestations on publication
   */
  public PolicyServiceImpl(
      Context ctx, AssignmentEngine engine, AttestationServiceImpl attestations) {
    this.ctx = ctx;
    this.engine = engine;
    this.attestations = attestations;
  }

  @Override
  public Policy create(Actor actor, NewPolicy request) {
    Check.notNull("request", request);
    String code = Check.notBlank("code", request.code());
    String title = Check.notBlank("title", request.title());
    Check.notNull("audience", request.audience());
    Check.notNull("attestOn", request.attestOn());
    Check.inRange("attestWithinDays", request.attestWithinDays(), 0, 365);
    return ctx.run(
        actor,
        Operation.POLICY_WRITE,
        w -> {
          Policy policy =
              new Policy(
                  Id.random(),
                  w.org().id(),
                  code,
                  title,
                  request.audience(),
                  request.attestOn(),
                  request.attestWithinDays(),
                  request.reviewDueOn(),
                  w.now(),
                  0);
          w.tx().policies().insert(policy);
          w.organizationChanged();
          w.audit(
              "POLICY_CREATED",
              "Policy",
              policy.id(),
              Map.of("code", code, "attestOn", request.attestOn().name()));
          return policy;
        });
  }

  @Override
  public PolicyVersion publish(Actor actor, Id<Policy> policyId, NewVersion request) {
    return publishWithOutcome(actor, policyId, request).version();
  }

  @Override
  public Publication publishWithOutcome(Actor actor, Id<Policy> policyId, NewVersion request) {
    Check.notNull("request", request);
    LocalDate effectiveFrom = Check.notNull("effectiveFrom", request.effectiveFrom());
    String hash = Check.sha256Hex("textSha256", request.textSha256());
    String notes = Check.notBlank("changeNotes", request.changeNotes());
    Set<String> affected = Check.codes("affectedRoles", request.affectedRoles());
    return ctx.run(
        actor,
        Operation.POLICY_WRITE,
        w -> {
          Policy policy = policy(w, policyId);
          List<PolicyVersion> versions = w.tx().policies().versions(w.org().id(), policy.id());
          int number = 1;
          if (!versions.isEmpty()) {
            PolicyVersion previous = versions.get(versions.size() - 1);
            if (!effectiveFrom.isAfter(previous.effectiveFrom())) {
              throw new ValidationException(
                  "effectiveFrom",
                  effectiveFrom,
                  "is not after version "
                      + previous.number()
                      + "'s effective date ("
                      + previous.effectiveFrom()
                      + ")");
            }
            if (previous.textSha256().equals(hash)) {
              throw new ValidationException(
                  "textSha256", hash, "is the text of version " + previous.number());
            }
            LocalDate lastDay = effectiveFrom.minusDays(1);
            if (previous.lastInEffectOn() == null || previous.lastInEffectOn().isAfter(lastDay)) {
              w.tx().policies().updateVersion(previous.endedOn(lastDay));
            }
            number = previous.number() + 1;
          }
          PolicyVersion version =
              new PolicyVersion(
                  Id.random(),
                  policy.id(),
                  w.org().id(),
                  number,
                  effectiveFrom,
                  hash,
                  notes,
                  request.material(),
                  affected,
                  null,
                  w.now());
          w.tx().policies().insertVersion(version);
          w.organizationChanged();
          LocalDate on = Dates.max(w.today(), effectiveFrom);
          // why: one read of the roster answers both questions (who is active in each role, and
          // which roles nobody holds at all)
          List<WorkforceMember> roster = w.tx().members().list(w.org().id());
          SortedMap<String, Integer> holders = holders(roster, affected, on);
          SortedSet<String> unknown = new TreeSet<>(affected);
          roster.forEach(m -> unknown.removeAll(m.latestTerms().roles()));
          holders.forEach(
              (role, active) -> {
                if (active > 0) {
                  unknown.remove(role);
                }
              });
          if (!unknown.isEmpty()) {
            // why: a typo in a role name assigns nothing; role codes are not personal data
            LOG.warn(
                "policy {} version {} names roles no workforce member holds: {}",
                policy.code(),
                number,
                unknown);
          }
          w.audit(
              "POLICY_VERSION_PUBLISHED",
              "PolicyVersion",
              version.id(),
              Map.of(
                  "policy",
                  policy.code(),
                  "number",
                  String.valueOf(number),
                  "effectiveFrom",
                  effectiveFrom.toString(),
                  "textSha256",
                  hash,
                  "material",
                  String.valueOf(request.material()),
                  "affectedRoles",
                  String.join(",", new TreeSet<>(affected)),
                  "unknownRoles",
                  String.join(",", unknown)));
          int retraining = version.material() ? engine.retrain(w, version, on) : 0;
          boolean attest =
              policy.attestOn() == AttestationTrigger.EVERY_VERSION
                  || (policy.attestOn() == AttestationTrigger.MATERIAL_ONLY && version.material());
          if (attest) {
            attestations.requestForAudience(
                w, policy, version, on.plusDays(policy.attestWithinDays()));
          }
          return new Publication(version, retraining, holders, unknown);
        });
  }

  /**
   * For each affected role, how many members are active in it on the date; an empty set of roles
   * means everyone, counted under {@link Publication#ALL_ROLES}.
   */
  private static SortedMap<String, Integer> holders(
      List<WorkforceMember> roster, Set<String> roles, LocalDate on) {
    SortedMap<String, Integer> out = new TreeMap<>();
    if (roles.isEmpty()) {
      out.put(Publication.ALL_ROLES, 0);
    } else {
      roles.forEach(r -> out.put(r, 0));
    }
    for (WorkforceMember m : roster) {
      Optional<MemberTerms> terms = m.termsOn(on);
      if (terms.isEmpty() || terms.get().status() != MemberStatus.ACTIVE) {
        continue;
      }
      if (roles.isEmpty()) {
        out.merge(Publication.ALL_ROLES, 1, Integer::sum);
      } else {
        for (String role : terms.get().roles()) {
          out.computeIfPresent(role, (r, n) -> n + 1);
        }
      }
    }
    return out;
  }

  @Override
  public PolicyVersion retire(Actor actor, Id<Policy> policyId, LocalDate lastDay) {
    Check.notNull("lastDay", lastDay);
    return ctx.run(
        actor,
        Operation.POLICY_WRITE,
        w -> {
          Policy policy = policy(w, policyId);
          List<PolicyVersion> versions = w.tx().policies().versions(w.org().id(), policy.id());
          if (versions.isEmpty()) {
            throw new ValidationException("policy", policyId, "has no version to retire");
          }
          PolicyVersion current = versions.get(versions.size() - 1);
          if (current.lastInEffectOn() != null) {
            throw new ValidationException(
                "policy",
                policyId,
                "is already retired (last in effect " + current.lastInEffectOn() + ")");
          }
          if (lastDay.isBefore(current.effectiveFrom())) {
            throw new ValidationException(
                "lastDay",
                lastDay,
                "is before the current version took effect (" + current.effectiveFrom() + ")");
          }
          PolicyVersion retired = current.endedOn(lastDay);
          w.tx().policies().updateVersion(retired);
          w.organizationChanged();
          w.audit(
              "POLICY_RETIRED",
              "PolicyVersion",
              retired.id(),
              Map.of("lastInEffectOn", lastDay.toString()));
          return retired;
        });
  }

  @Override
  public List<PolicyVersion> versions(Actor actor, Id<Policy> policyId) {
    return ctx.run(
        actor,
        Operation.POLICY_READ,
        w -> w.tx().policies().versions(w.org().id(), policy(w, policyId).id()));
  }

  @Override
  public List<PolicyVersion> inForceOn(Actor actor, LocalDate date) {
    Check.notNull("date", date);
    return ctx.run(actor, Operation.POLICY_READ, w -> inForce(w, date));
  }

  static List<PolicyVersion> inForce(Work w, LocalDate date) {
    List<PolicyVersion> result = new ArrayList<>();
    for (Policy p : w.tx().policies().list(w.org().id())) {
      w.tx().policies().versions(w.org().id(), p.id()).stream()
          .filter(v -> v.inForceOn(date))
          .reduce((a, b) -> b)
          .ifPresent(result::add);
    }
    return result;
  }

  @Override
  public List<Policy> list(Actor actor) {
    return ctx.run(actor, Operation.POLICY_READ, w -> w.tx().policies().list(w.org().id()));
  }

  static Policy policy(Work w, Id<Policy> id) {
    Check.notNull("policy", id);
    return w.tx()
        .policies()
        .find(w.org().id(), id)
        .orElseThrow(() -> new NotFoundException("Policy", id));
  }
}
