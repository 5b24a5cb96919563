package io.trainproof.core.memory;

import static io.trainproof.core.memory.MemoryTables.key;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Certification;
import io.trainproof.core.domain.CertificationKind;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.CertificationRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-memory store's outside certifications and the kinds an organization accepts. Not
 * thread-safe: used under the store's lock.
 */
final class MemoryCertificationRepository implements CertificationRepository {
  private static final Comparator<Certification> ORDER =
      Comparator.comparing(Certification::issuedOn).thenComparing(Certification::id);

  private final MemoryTables t;

  MemoryCertificationRepository(MemoryTables tables) {
    this.t = tables;
  }

  @Override
  public void insertKind(CertificationKind kind) {
    String k = key(kind.organization(), kind.code());
    if (t.certificationKinds.containsKey(k)) {
      throw new ConflictException(
          "CertificationKind", "code=" + kind.code(), "code already exists");
    }
    t.put(t.certificationKinds, k, kind);
  }

  @Override
  public List<CertificationKind> kinds(Id<Organization> organization) {
    return MemoryTables.listOf(
        t.certificationKinds.values(),
        CertificationKind::organization,
        organization,
        Comparator.comparing(CertificationKind::code));
  }

  @Override
  public void insert(Certification c) {
    String k = key(c.organization(), c.issuer(), c.credentialId());
    if (t.certifications.containsKey(k)) {
      throw new ConflictException(
          "Certification", c.issuer() + "/" + c.credentialId(), "already recorded");
    }
    t.put(t.certifications, k, c);
  }

  @Override
  public List<Certification> forMember(Id<Organization> organization, Id<WorkforceMember> member) {
    return t.certifications.values().stream()
        .filter(c -> c.organization().equals(organization) && c.member().equals(member))
        .sorted(ORDER)
        .toList();
  }

  @Override
  public Map<Id<WorkforceMember>, List<Certification>> forMembers(
      Id<Organization> organization, Collection<Id<WorkforceMember>> members) {
    Map<Id<WorkforceMember>, List<Certification>> result = new LinkedHashMap<>();
    for (Id<WorkforceMember> member : members) {
      result.put(member, new ArrayList<>());
    }
    // why: one pass over the certifications instead of one per member.
    for (Certification c : t.certifications.values()) {
      List<Certification> mine = result.get(c.member());
      if (mine != null && c.organization().equals(organization)) {
        mine.add(c);
      }
    }
    result.replaceAll((member, list) -> list.stream().sorted(ORDER).toList());
    return result;
  }
}
