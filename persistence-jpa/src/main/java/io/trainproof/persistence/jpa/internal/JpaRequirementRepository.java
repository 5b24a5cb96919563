package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.spi.RequirementRepository;
import java.util.List;
import java.util.Optional;

/** Training requirements in the JPA store. Not thread-safe: bound to one transaction. */
final class JpaRequirementRepository implements RequirementRepository {
  private final JpaSession session;

  JpaRequirementRepository(JpaSession session) {
    this.session = session;
  }

  @Override
  public Requirement insert(Requirement requirement) {
    if (session.exists(RequirementEntity.class, requirement.organization(), requirement.id())) {
      throw new ConflictException("Requirement", requirement.id(), "id already exists");
    }
    RequirementEntity e = CatalogMapper.toEntity(requirement);
    // No flush: nothing but the id is unique, so the insert joins the batch at commit.
    JpaSession.guard(
        "Requirement",
        requirement.id(),
        () -> {
          session.em().persist(e);
          return null;
        });
    return CatalogMapper.requirement(e);
  }

  @Override
  public Requirement update(Requirement requirement) {
    RequirementEntity e =
        session.current(
            RequirementEntity.class,
            requirement.id(),
            requirement.organization(),
            x -> x.orgId,
            x -> x.version,
            requirement.version(),
            "Requirement");
    CatalogMapper.apply(requirement, e);
    session.flush("Requirement", requirement.id());
    return CatalogMapper.requirement(e);
  }

  @Override
  public Optional<Requirement> find(Id<Organization> organization, Id<Requirement> id) {
    return session
        .findInOrg(RequirementEntity.class, id.value(), organization, e -> e.orgId)
        .map(CatalogMapper::requirement);
  }

  @Override
  public List<Requirement> list(Id<Organization> organization) {
    return session
        .em()
        .createQuery(
            "select r from TpRequirement r where r.orgId = :org order by r.createdAt, r.id",
            RequirementEntity.class)
        .setParameter("org", organization.value())
        .getResultList()
        .stream()
        .map(session.detached(CatalogMapper::requirement))
        .toList();
  }
}
