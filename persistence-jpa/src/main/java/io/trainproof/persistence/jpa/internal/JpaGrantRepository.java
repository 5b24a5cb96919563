package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.domain.CrossOrganizationGrant;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.spi.GrantRepository;
import java.util.List;

/** Cross-organization grants in the JPA store. Not thread-safe: bound to one transaction. */
final class JpaGrantRepository implements GrantRepository {
  private final JpaSession session;

  JpaGrantRepository(JpaSession session) {
    this.session = session;
  }

  @Override
  public void save(CrossOrganizationGrant grant) {
    session.save(
        GrantEntity.class,
        grant.id(),
        grant.organization(),
        GrantEntity::new,
        e -> e.orgId,
        e -> RecordMapper.apply(grant, e),
        "CrossOrganizationGrant");
  }

  @Override
  public List<CrossOrganizationGrant> forActor(Id<Organization> organization, String actorId) {
    return session
        .em()
        .createQuery(
            "select g from TpGrant g where g.orgId = :org and g.actorId = :actor"
                + " order by g.grantedAt, g.id",
            GrantEntity.class)
        .setParameter("org", organization.value())
        .setParameter("actor", actorId)
        .getResultList()
        .stream()
        .map(session.detached(RecordMapper::grant))
        .toList();
  }
}
