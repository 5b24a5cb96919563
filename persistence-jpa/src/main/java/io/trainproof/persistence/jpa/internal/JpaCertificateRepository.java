package io.trainproof.persistence.jpa.internal;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.IssuedCredential;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.CertificateRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Issued certificates and the other credentials the SDK signed in the JPA store: two tables, one
 * status index space per organization. Each table has its own unique (organization, status index);
 * an index held in the other table is refused by the check every insert makes first, in the same
 * transaction. Not thread-safe: bound to one transaction.
 */
final class JpaCertificateRepository implements CertificateRepository {
  private final JpaSession session;

  JpaCertificateRepository(JpaSession session) {
    this.session = session;
  }

  @Override
  public void insert(Certificate certificate) {
    if (statusIndexTaken(certificate.organization(), certificate.statusIndex())) {
      throw new ConflictException(
          "Certificate", "statusIndex=" + certificate.statusIndex(), "status index already taken");
    }
    if (session.exists(CertificateEntity.class, certificate.organization(), certificate.id())) {
      throw new ConflictException("Certificate", certificate.id(), "id already exists");
    }
    CertificateEntity e = new CertificateEntity(certificate.id().value());
    TrainingMapper.apply(certificate, e);
    session.persistAndFlush(e, "Certificate", "statusIndex=" + certificate.statusIndex());
  }

  @Override
  public Certificate update(Certificate certificate) {
    CertificateEntity e =
        session.current(
            CertificateEntity.class,
            certificate.id(),
            certificate.organization(),
            x -> x.orgId,
            x -> x.version,
            certificate.version(),
            "Certificate");
    TrainingMapper.apply(certificate, e);
    session.flush("Certificate", certificate.id());
    return TrainingMapper.certificate(e);
  }

  @Override
  public Optional<Certificate> find(Id<Organization> organization, Id<Certificate> id) {
    return session
        .findInOrg(CertificateEntity.class, id.value(), organization, e -> e.orgId)
        .map(TrainingMapper::certificate);
  }

  @Override
  public Optional<Certificate> findByCode(Id<Organization> organization, String code) {
    return session
        .em()
        .createQuery(
            "select c from TpCertificate c where c.orgId = :org and c.verificationCode = :code",
            CertificateEntity.class)
        .setParameter("org", organization.value())
        .setParameter("code", code)
        .getResultStream()
        .findFirst()
        .map(TrainingMapper::certificate);
  }

  @Override
  public List<Certificate> forMember(Id<Organization> organization, Id<WorkforceMember> member) {
    return session
        .em()
        .createQuery(
            "select c from TpCertificate c where c.orgId = :org and c.memberId = :member"
                + " order by c.issuedAt, c.id",
            CertificateEntity.class)
        .setParameter("org", organization.value())
        .setParameter("member", member.value())
        .getResultList()
        .stream()
        .map(session.detached(TrainingMapper::certificate))
        .toList();
  }

  @Override
  public boolean statusIndexTaken(Id<Organization> organization, int index) {
    return indexHeldIn("TpCertificate", organization, index)
        || indexHeldIn("TpIssuedCredential", organization, index);
  }

  private boolean indexHeldIn(String entity, Id<Organization> organization, int index) {
    return JpaSession.any(
        session
            .em()
            .createQuery(
                "select c.id from " + entity + " c where c.orgId = :org and c.statusIndex = :index",
                UUID.class)
            .setParameter("org", organization.value())
            .setParameter("index", index));
  }

  @Override
  public List<Integer> statusIndexes(Id<Organization> organization, Certificate.Status status) {
    return session
        .em()
        .createQuery(
            "select c.statusIndex from TpCertificate c where c.orgId = :org"
                + " and c.status = :status order by c.statusIndex",
            Integer.class)
        .setParameter("org", organization.value())
        .setParameter("status", status.name())
        .getResultList();
  }

  @Override
  public void insertCredential(IssuedCredential credential) {
    if (statusIndexTaken(credential.organization(), credential.statusIndex())) {
      throw new ConflictException(
          "IssuedCredential",
          "statusIndex=" + credential.statusIndex(),
          "status index already taken");
    }
    if (findCredential(credential.organization(), credential.credentialId()).isPresent()) {
      throw new ConflictException(
          "IssuedCredential",
          "credentialId=" + credential.credentialId(),
          "credential id already issued");
    }
    if (session.exists(IssuedCredentialEntity.class, credential.organization(), credential.id())) {
      throw new ConflictException("IssuedCredential", credential.id(), "id already exists");
    }
    IssuedCredentialEntity e = new IssuedCredentialEntity(credential.id().value());
    TrainingMapper.apply(credential, e);
    session.persistAndFlush(e, "IssuedCredential", "statusIndex=" + credential.statusIndex());
  }

  @Override
  public IssuedCredential updateCredential(IssuedCredential credential) {
    IssuedCredentialEntity e =
        session.current(
            IssuedCredentialEntity.class,
            credential.id(),
            credential.organization(),
            x -> x.orgId,
            x -> x.version,
            credential.version(),
            "IssuedCredential");
    TrainingMapper.apply(credential, e);
    session.flush("IssuedCredential", credential.id());
    return TrainingMapper.issuedCredential(e);
  }

  @Override
  public Optional<IssuedCredential> findCredential(
      Id<Organization> organization, String credentialId) {
    return session
        .em()
        .createQuery(
            "select c from TpIssuedCredential c where c.orgId = :org"
                + " and c.credentialId = :credentialId",
            IssuedCredentialEntity.class)
        .setParameter("org", organization.value())
        .setParameter("credentialId", credentialId)
        .getResultStream()
        .findFirst()
        .map(TrainingMapper::issuedCredential);
  }

  @Override
  public List<Integer> credentialStatusIndexes(
      Id<Organization> organization, IssuedCredential.Status status) {
    return session
        .em()
        .createQuery(
            "select c.statusIndex from TpIssuedCredential c where c.orgId = :org"
                + " and c.status = :status order by c.statusIndex",
            Integer.class)
        .setParameter("org", organization.value())
        .setParameter("status", status.name())
        .getResultList();
  }
}
