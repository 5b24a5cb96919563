package io.trainproof.core.spi;

import io.trainproof.core.certification.Certification;
import io.trainproof.core.certification.CertificationKind;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import java.util.List;

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
   * @throws io.trainproof.core.ConflictException when the same issuer and credential id is
   *     already recorded in the organization
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
}
