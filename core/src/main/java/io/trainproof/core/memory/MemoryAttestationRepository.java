package io.trainproof.core.memory;

import static io.trainproof.core.memory.MemoryTables.key;

import io.trainproof.core.domain.Attestation;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.AttestationRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The in-memory store's attestations, one per member and policy version. Not thread-safe: used
 * under the store's lock.
 */
final class MemoryAttestationRepository implements AttestationRepository {
  private static final Versioned<Attestation> VERSIONED =
      new Versioned<>(
          "Attestation",
          Attestation::id,
          Attestation::organization,
          Attestation::version,
          (a, version) ->
              new Attestation(
                  a.id(),
                  a.organization(),
                  a.member(),
                  a.policy(),
                  a.policyVersion(),
                  a.requestedOn(),
                  a.dueOn(),
                  a.requestedBy(),
                  a.automatic(),
                  a.evidence(),
                  version));
  private static final Comparator<Attestation> ORDER =
      Comparator.comparing(Attestation::requestedOn).thenComparing(Attestation::id);

  private final MemoryTables t;

  MemoryAttestationRepository(MemoryTables tables) {
    this.t = tables;
  }

  @Override
  public boolean insertIfAbsent(Attestation a) {
    String k = key(a.organization(), a.member(), a.policyVersion());
    if (t.attestationByMemberVersion.containsKey(k)) {
      return false;
    }
    t.put(t.attestations, a.id(), VERSIONED.initial(a));
    t.put(t.attestationByMemberVersion, k, a.id());
    return true;
  }

  @Override
  public Attestation update(Attestation a) {
    return VERSIONED.update(t, t.attestations, a);
  }

  @Override
  public Optional<Attestation> find(Id<Organization> organization, Id<Attestation> id) {
    return MemoryTables.findInOrg(t.attestations, id, organization, Attestation::organization);
  }

  @Override
  public Optional<Attestation> find(
      Id<Organization> organization, Id<WorkforceMember> member, Id<PolicyVersion> version) {
    Id<Attestation> id = t.attestationByMemberVersion.get(key(organization, member, version));
    return id == null ? Optional.empty() : find(organization, id);
  }

  @Override
  public List<Attestation> forMember(Id<Organization> organization, Id<WorkforceMember> member) {
    return t.attestations.values().stream()
        .filter(a -> a.organization().equals(organization) && a.member().equals(member))
        .sorted(ORDER)
        .toList();
  }

  @Override
  public List<Attestation> forVersion(Id<Organization> organization, Id<PolicyVersion> version) {
    return t.attestations.values().stream()
        .filter(a -> a.organization().equals(organization) && a.policyVersion().equals(version))
        .sorted(ORDER)
        .toList();
  }

  @Override
  public void delete(Id<Organization> organization, Id<Attestation> id) {
    t.removeInOrg(t.attestations, id, organization, Attestation::organization);
  }
}
