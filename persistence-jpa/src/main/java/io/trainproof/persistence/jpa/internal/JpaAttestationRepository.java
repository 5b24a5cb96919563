package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.domain.Attestation;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.AttestationRepository;
import java.util.List;
import java.util.Optional;

/**
 * Policy attestations in the JPA store; one per member and policy version, its writers queued on
 * the member's row. Not thread-safe: bound to one transaction.
 */
final class JpaAttestationRepository implements AttestationRepository {
  private final JpaSession session;

  JpaAttestationRepository(JpaSession session) {
    this.session = session;
  }

  @Override
  public boolean insertIfAbsent(Attestation attestation) {
    return JpaSession.guard(
        "Attestation",
        "member=" + attestation.member() + ",version=" + attestation.policyVersion(),
        () -> {
          session.em().flush();
          RowClaims.lockRowInOrg(
              session,
              "tp_member",
              attestation.organization().value(),
              attestation.member().value());
          if (find(attestation.organization(), attestation.member(), attestation.policyVersion())
              .isPresent()) {
            return false;
          }
          AttestationEntity e = new AttestationEntity(attestation.id().value());
          TrainingMapper.apply(attestation, e);
          session.em().persist(e);
          session.em().flush();
          return true;
        });
  }

  @Override
  public Attestation update(Attestation attestation) {
    AttestationEntity e =
        session.current(
            AttestationEntity.class,
            attestation.id(),
            attestation.organization(),
            x -> x.orgId,
            x -> x.version,
            attestation.version(),
            "Attestation");
    TrainingMapper.apply(attestation, e);
    session.flush("Attestation", attestation.id());
    return TrainingMapper.attestation(e);
  }

  @Override
  public Optional<Attestation> find(Id<Organization> organization, Id<Attestation> id) {
    return session
        .findInOrg(AttestationEntity.class, id.value(), organization, e -> e.orgId)
        .map(TrainingMapper::attestation);
  }

  @Override
  public Optional<Attestation> find(
      Id<Organization> organization, Id<WorkforceMember> member, Id<PolicyVersion> version) {
    return session
        .em()
        .createQuery(
            "select a from TpAttestation a where a.orgId = :org and a.memberId = :member"
                + " and a.policyVersionId = :version",
            AttestationEntity.class)
        .setParameter("org", organization.value())
        .setParameter("member", member.value())
        .setParameter("version", version.value())
        .getResultStream()
        .findFirst()
        .map(TrainingMapper::attestation);
  }

  @Override
  public List<Attestation> forMember(Id<Organization> organization, Id<WorkforceMember> member) {
    return session
        .em()
        .createQuery(
            "select a from TpAttestation a where a.orgId = :org and a.memberId = :member"
                + " order by a.requestedOn, a.id",
            AttestationEntity.class)
        .setParameter("org", organization.value())
        .setParameter("member", member.value())
        .getResultList()
        .stream()
        .map(session.detached(TrainingMapper::attestation))
        .toList();
  }

  @Override
  public List<Attestation> forVersion(Id<Organization> organization, Id<PolicyVersion> version) {
    return session
        .em()
        .createQuery(
            "select a from TpAttestation a where a.orgId = :org"
                + " and a.policyVersionId = :version order by a.requestedOn, a.id",
            AttestationEntity.class)
        .setParameter("org", organization.value())
        .setParameter("version", version.value())
        .getResultList()
        .stream()
        .map(session.detached(TrainingMapper::attestation))
        .toList();
  }

  @Override
  public void delete(Id<Organization> organization, Id<Attestation> id) {
    session.delete(AttestationEntity.class, id, organization, e -> e.orgId, "Attestation");
  }
}
