package io.trainproof.core.memory;

import static io.trainproof.core.memory.MemoryTables.key;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.spi.PolicyRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The in-memory store's policies and policy versions. Not thread-safe: used under the store's lock.
 */
final class MemoryPolicyRepository implements PolicyRepository {
  private static final Versioned<Policy> VERSIONED =
      new Versioned<>(
          "Policy",
          Policy::id,
          Policy::organization,
          Policy::version,
          (p, version) ->
              new Policy(
                  p.id(),
                  p.organization(),
                  p.code(),
                  p.title(),
                  p.audience(),
                  p.attestOn(),
                  p.attestWithinDays(),
                  p.reviewDueOn(),
                  p.createdAt(),
                  version));

  private final MemoryTables t;

  MemoryPolicyRepository(MemoryTables tables) {
    this.t = tables;
  }

  @Override
  public void insert(Policy policy) {
    t.insertUnique(
        t.policies,
        policy.id(),
        VERSIONED.initial(policy),
        t.policyByCode,
        key(policy.organization(), policy.code()),
        () -> new ConflictException("Policy", "code=" + policy.code(), "code already exists"));
  }

  @Override
  public Policy update(Policy policy) {
    return VERSIONED.update(t, t.policies, policy);
  }

  @Override
  public Optional<Policy> find(Id<Organization> organization, Id<Policy> id) {
    return MemoryTables.findInOrg(t.policies, id, organization, Policy::organization);
  }

  @Override
  public List<Policy> list(Id<Organization> organization) {
    return MemoryTables.listOf(
        t.policies.values(),
        Policy::organization,
        organization,
        Comparator.comparing(Policy::code));
  }

  @Override
  public void insertVersion(PolicyVersion version) {
    t.insertUnique(
        t.policyVersions,
        version.id(),
        version,
        t.policyVersionByNumber,
        key(version.policy(), version.number()),
        () ->
            new ConflictException(
                "PolicyVersion",
                "policy=" + version.policy() + ",number=" + version.number(),
                "version number already exists"));
  }

  @Override
  public void updateVersion(PolicyVersion version) {
    if (MemoryTables.inOrg(
            t.policyVersions.get(version.id()), version.organization(), PolicyVersion::organization)
        == null) {
      throw new ConflictException("PolicyVersion", version.id(), "does not exist");
    }
    t.put(t.policyVersions, version.id(), version);
  }

  @Override
  public Optional<PolicyVersion> findVersion(Id<Organization> organization, Id<PolicyVersion> id) {
    return MemoryTables.findInOrg(t.policyVersions, id, organization, PolicyVersion::organization);
  }

  @Override
  public List<PolicyVersion> versions(Id<Organization> organization, Id<Policy> policy) {
    return t.policyVersions.values().stream()
        .filter(v -> v.organization().equals(organization) && v.policy().equals(policy))
        .sorted(Comparator.comparingInt(PolicyVersion::number))
        .toList();
  }
}
