package io.trainproof.core.spi;

import io.trainproof.core.domain.Certification;
import io.trainproof.core.domain.CertificationKind;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Outside certifications and their kinds, scoped by organization. */
public interface CertificationRepository {
  /**
   * Adds a kind.
   *
   * @param kind the kind
   * @throws io.trainproof.core.ConflictException when its code is taken
   */
  void insertKind(CertificationKind kind);

  /**
   * Lists kinds, by code.
   *
   * @param organization the organization
   * @return the kinds
   */
  List<CertificationKind> kinds(Id<Organization> organization);

  /**
   * Adds a certification.
   *
   * @param certification the certification
   * @throws io.trainproof.core.ConflictException when the same issuer and credential id is already
   *     recorded in the organization
   */
  void insert(Certification certification);

  /**
   * A member's certifications, by issue date then id.
   *
   * @param organization the organization
   * @param member the member
   * @return them
   */
  List<Certification> forMember(Id<Organization> organization, Id<WorkforceMember> member);

  /**
   * The certifications of several members at once, for reads over a whole organization page by page
   * (one query per page instead of one per member). Each member's list is in the same order as
   * {@link #forMember} gives it; members with none map to an empty list; every member asked about
   * is a key. The default asks {@link #forMember} once per member; stores override it with one
   * query.
   *
   * @param organization the organization
   * @param members the members (at most 1,000)
   * @return each member's certifications
   */
  default Map<Id<WorkforceMember>, List<Certification>> forMembers(
      Id<Organization> organization, Collection<Id<WorkforceMember>> members) {
    Map<Id<WorkforceMember>, List<Certification>> result = new LinkedHashMap<>();
    for (Id<WorkforceMember> member : members) {
      result.put(member, forMember(organization, member));
    }
    return result;
  }
}
