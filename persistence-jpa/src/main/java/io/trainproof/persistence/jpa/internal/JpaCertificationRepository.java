package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Certification;
import io.trainproof.core.domain.CertificationKind;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.CertificationRepository;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Outside certifications and their kinds in the JPA store. Not thread-safe: bound to one
 * transaction.
 */
final class JpaCertificationRepository implements CertificationRepository {
  /** why: ties on the issue date break by id in Id.compareTo order, as in every store. */
  private static final Comparator<Certification> ORDER =
      Comparator.comparing(Certification::issuedOn).thenComparing(Certification::id);

  private final JpaSession session;

  JpaCertificationRepository(JpaSession session) {
    this.session = session;
  }

  @Override
  public void insertKind(CertificationKind kind) {
    String key = "code=" + kind.code();
    if (JpaSession.any(
        session
            .em()
            .createQuery(
                "select k.id from TpCertificationKind k where k.orgId = :org and k.code = :code",
                UUID.class)
            .setParameter("org", kind.organization().value())
            .setParameter("code", kind.code()))) {
      throw new ConflictException("CertificationKind", key, "code already exists");
    }
    session.persistAndFlush(RecordMapper.toEntity(kind), "CertificationKind", key);
  }

  @Override
  public List<CertificationKind> kinds(Id<Organization> organization) {
    return session
        .em()
        .createQuery(
            "select k from TpCertificationKind k where k.orgId = :org order by k.code",
            CertificationKindEntity.class)
        .setParameter("org", organization.value())
        .getResultList()
        .stream()
        .map(session.detached(RecordMapper::kind))
        .toList();
  }

  @Override
  public void insert(Certification certification) {
    String key = certification.issuer() + "/" + certification.credentialId();
    if (JpaSession.any(
        session
            .em()
            .createQuery(
                "select c.id from TpCertification c where c.orgId = :org"
                    + " and c.issuer = :issuer and c.credentialId = :credential",
                UUID.class)
            .setParameter("org", certification.organization().value())
            .setParameter("issuer", certification.issuer())
            .setParameter("credential", certification.credentialId()))) {
      throw new ConflictException("Certification", key, "already recorded");
    }
    session.persistAndFlush(RecordMapper.toEntity(certification), "Certification", key);
  }

  @Override
  public List<Certification> forMember(Id<Organization> organization, Id<WorkforceMember> member) {
    return sorted(
        session
            .em()
            .createQuery(
                "select c from TpCertification c where c.orgId = :org and c.memberId = :member",
                CertificationEntity.class)
            .setParameter("org", organization.value())
            .setParameter("member", member.value())
            .getResultList()
            .stream());
  }

  @Override
  public Map<Id<WorkforceMember>, List<Certification>> forMembers(
      Id<Organization> organization, Collection<Id<WorkforceMember>> members) {
    return JpaSession.byMember(
        members,
        ids ->
            sorted(
                session
                    .em()
                    .createQuery(
                        "select c from TpCertification c where c.orgId = :org and c.memberId in :members",
                        CertificationEntity.class)
                    .setParameter("org", organization.value())
                    .setParameter("members", ids)
                    .getResultList()
                    .stream()),
        Certification::member);
  }

  private List<Certification> sorted(Stream<CertificationEntity> entities) {
    return entities.map(session.detached(RecordMapper::certification)).sorted(ORDER).toList();
  }
}
