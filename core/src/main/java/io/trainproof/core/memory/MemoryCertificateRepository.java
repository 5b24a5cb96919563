package io.trainproof.core.memory;

import static io.trainproof.core.memory.MemoryTables.key;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.IssuedCredential;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.CertificateRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The in-memory store's issued certificates and other issued credentials, with the status-list
 * index each one holds (one index space for both). Not thread-safe: used under the store's lock.
 */
final class MemoryCertificateRepository implements CertificateRepository {
  private static final Versioned<Certificate> VERSIONED =
      new Versioned<>(
          "Certificate",
          Certificate::id,
          Certificate::organization,
          Certificate::version,
          (c, version) ->
              new Certificate(
                  c.id(),
                  c.organization(),
                  c.member(),
                  c.completion(),
                  c.course(),
                  c.courseVersion(),
                  c.credentialId(),
                  c.verificationCode(),
                  c.credentialJson(),
                  c.statusIndex(),
                  c.issuedAt(),
                  c.validFrom(),
                  c.validUntil(),
                  c.status(),
                  c.statusReason(),
                  c.statusChangedAt(),
                  version));

  private static final Versioned<IssuedCredential> VERSIONED_CREDENTIAL =
      new Versioned<>(
          "IssuedCredential",
          IssuedCredential::id,
          IssuedCredential::organization,
          IssuedCredential::version,
          (c, version) ->
              new IssuedCredential(
                  c.id(),
                  c.organization(),
                  c.kind(),
                  c.credentialId(),
                  c.credentialSha256(),
                  c.statusIndex(),
                  c.issuedAt(),
                  c.status(),
                  c.statusReason(),
                  c.statusChangedAt(),
                  version));

  private final MemoryTables t;

  MemoryCertificateRepository(MemoryTables tables) {
    this.t = tables;
  }

  @Override
  public void insert(Certificate c) {
    String index = key(c.organization(), c.statusIndex());
    if (t.certificates.containsKey(c.id()) || statusIndexTaken(c.organization(), c.statusIndex())) {
      throw new ConflictException(
          "Certificate", "statusIndex=" + c.statusIndex(), "id or status index already taken");
    }
    t.put(t.certificates, c.id(), VERSIONED.initial(c));
    t.put(t.certificateByIndex, index, c.id());
  }

  @Override
  public Certificate update(Certificate c) {
    return VERSIONED.update(t, t.certificates, c);
  }

  @Override
  public Optional<Certificate> find(Id<Organization> organization, Id<Certificate> id) {
    return MemoryTables.findInOrg(t.certificates, id, organization, Certificate::organization);
  }

  @Override
  public Optional<Certificate> findByCode(Id<Organization> organization, String code) {
    return t.certificates.values().stream()
        .filter(c -> c.organization().equals(organization) && c.verificationCode().equals(code))
        .findFirst();
  }

  @Override
  public List<Certificate> forMember(Id<Organization> organization, Id<WorkforceMember> member) {
    return t.certificates.values().stream()
        .filter(c -> c.organization().equals(organization) && c.member().equals(member))
        .sorted(Comparator.comparing(Certificate::issuedAt).thenComparing(Certificate::id))
        .toList();
  }

  @Override
  public boolean statusIndexTaken(Id<Organization> organization, int index) {
    String key = key(organization, index);
    return t.certificateByIndex.containsKey(key) || t.issuedCredentialByIndex.containsKey(key);
  }

  @Override
  public List<Integer> statusIndexes(Id<Organization> organization, Certificate.Status status) {
    return t.certificates.values().stream()
        .filter(c -> c.organization().equals(organization) && c.status() == status)
        .map(Certificate::statusIndex)
        .sorted()
        .toList();
  }

  @Override
  public void insertCredential(IssuedCredential c) {
    if (t.issuedCredentials.containsKey(c.id())) {
      throw new ConflictException("IssuedCredential", c.id(), "id already taken");
    }
    if (statusIndexTaken(c.organization(), c.statusIndex())) {
      throw new ConflictException(
          "IssuedCredential", "statusIndex=" + c.statusIndex(), "status index already taken");
    }
    String credentialKey = key(c.organization(), c.credentialId());
    if (t.issuedCredentialByCredentialId.containsKey(credentialKey)) {
      throw new ConflictException(
          "IssuedCredential", "credentialId=" + c.credentialId(), "credential id already issued");
    }
    t.put(t.issuedCredentials, c.id(), VERSIONED_CREDENTIAL.initial(c));
    t.put(t.issuedCredentialByIndex, key(c.organization(), c.statusIndex()), c.id());
    t.put(t.issuedCredentialByCredentialId, credentialKey, c.id());
  }

  @Override
  public IssuedCredential updateCredential(IssuedCredential c) {
    return VERSIONED_CREDENTIAL.update(t, t.issuedCredentials, c);
  }

  @Override
  public Optional<IssuedCredential> findCredential(
      Id<Organization> organization, String credentialId) {
    Id<IssuedCredential> id = t.issuedCredentialByCredentialId.get(key(organization, credentialId));
    return id == null
        ? Optional.empty()
        : MemoryTables.findInOrg(
            t.issuedCredentials, id, organization, IssuedCredential::organization);
  }

  @Override
  public List<Integer> credentialStatusIndexes(
      Id<Organization> organization, IssuedCredential.Status status) {
    return t.issuedCredentials.values().stream()
        .filter(c -> c.organization().equals(organization) && c.status() == status)
        .map(IssuedCredential::statusIndex)
        .sorted()
        .toList();
  }
}
