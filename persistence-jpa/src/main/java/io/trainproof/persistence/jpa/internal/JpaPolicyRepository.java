package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.spi.PolicyRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Policies and their versions in the JPA store. Not thread-safe: bound to one transaction. */
final class JpaPolicyRepository implements PolicyRepository {
  private final JpaSession session;

  JpaPolicyRepository(JpaSession session) {
    this.session = session;
  }

  @Override
  public void insert(Policy policy) {
    if (JpaSession.any(
        session
            .em()
            .createQuery(
                "select p.id from TpPolicy p where p.orgId = :org and p.code = :code", UUID.class)
            .setParameter("org", policy.organization().value())
            .setParameter("code", policy.code()))) {
      throw new ConflictException("Policy", "code=" + policy.code(), "code already exists");
    }
    session.persistAndFlush(CatalogMapper.toEntity(policy), "Policy", "code=" + policy.code());
  }

  @Override
  public Policy update(Policy policy) {
    PolicyEntity e =
        session.current(
            PolicyEntity.class,
            policy.id(),
            policy.organization(),
            x -> x.orgId,
            x -> x.version,
            policy.version(),
            "Policy");
    CatalogMapper.apply(policy, e);
    session.flush("Policy", policy.id());
    return CatalogMapper.policy(e);
  }

  @Override
  public Optional<Policy> find(Id<Organization> organization, Id<Policy> id) {
    return session
        .findInOrg(PolicyEntity.class, id.value(), organization, e -> e.orgId)
        .map(CatalogMapper::policy);
  }

  @Override
  public List<Policy> list(Id<Organization> organization) {
    return session
        .em()
        .createQuery(
            "select p from TpPolicy p where p.orgId = :org order by p.code", PolicyEntity.class)
        .setParameter("org", organization.value())
        .getResultList()
        .stream()
        .map(session.detached(CatalogMapper::policy))
        .toList();
  }

  @Override
  public void insertVersion(PolicyVersion version) {
    String key = "policy=" + version.policy() + ",number=" + version.number();
    if (JpaSession.any(
        session
            .em()
            .createQuery(
                "select v.id from TpPolicyVersion v where v.orgId = :org and v.policyId = :policy"
                    + " and v.number = :number",
                UUID.class)
            .setParameter("org", version.organization().value())
            .setParameter("policy", version.policy().value())
            .setParameter("number", version.number()))) {
      throw new ConflictException("PolicyVersion", key, "version number already exists");
    }
    session.persistAndFlush(CatalogMapper.toEntity(version), "PolicyVersion", key);
  }

  @Override
  public void updateVersion(PolicyVersion version) {
    PolicyVersionEntity e =
        session.existing(
            PolicyVersionEntity.class,
            version.id(),
            version.organization(),
            x -> x.orgId,
            "PolicyVersion");
    CatalogMapper.apply(version, e);
    session.flush("PolicyVersion", version.id());
  }

  @Override
  public Optional<PolicyVersion> findVersion(Id<Organization> organization, Id<PolicyVersion> id) {
    return session
        .findInOrg(PolicyVersionEntity.class, id.value(), organization, e -> e.orgId)
        .map(CatalogMapper::policyVersion);
  }

  @Override
  public List<PolicyVersion> versions(Id<Organization> organization, Id<Policy> policy) {
    return session
        .em()
        .createQuery(
            "select v from TpPolicyVersion v where v.orgId = :org and v.policyId = :policy order by v.number",
            PolicyVersionEntity.class)
        .setParameter("org", organization.value())
        .setParameter("policy", policy.value())
        .getResultList()
        .stream()
        .map(session.detached(CatalogMapper::policyVersion))
        .toList();
  }
}
