package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.spi.OrganizationRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Organizations in the JPA store; creating one also creates its audit chain's lock row. Not
 * thread-safe: bound to one transaction.
 */
final class JpaOrganizationRepository implements OrganizationRepository {
  private final JpaSession session;

  JpaOrganizationRepository(JpaSession session) {
    this.session = session;
  }

  @Override
  public void insert(Organization organization) {
    if (session.findEntity(OrganizationEntity.class, organization.id().value()) != null) {
      throw new ConflictException("Organization", organization.id(), "id already exists");
    }
    session.persistAndFlush(MemberMapper.toEntity(organization), "Organization", organization.id());
    JpaSession.guard(
        "Organization",
        organization.id(),
        () ->
            session
                .em()
                .createNativeQuery("INSERT INTO tp_audit_head (org_id) VALUES (?1)")
                .setParameter(1, session.bind(organization.id().value()))
                .executeUpdate());
  }

  @Override
  public Optional<Organization> find(Id<Organization> id) {
    return Optional.ofNullable(session.findEntity(OrganizationEntity.class, id.value()))
        .map(MemberMapper::organization);
  }

  @Override
  public List<Id<Organization>> ids() {
    return session
        .em()
        .createQuery("select o.id from TpOrganization o order by o.id", UUID.class)
        .getResultList()
        .stream()
        .map(Mapper::<Organization>idOf)
        .toList();
  }
}
