package io.trainproof.core.spi;

import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import java.util.List;
import java.util.Optional;

/** Certificates, scoped by organization; status indexes are unique per organization. */
public interface CertificateRepository {
  /**
   * Adds a certificate.
   *
   * @param certificate the certificate, version 0
   * @throws io.trainproof.core.ConflictException when its status index or id is taken
   */
  void insert(Certificate certificate);

  /**
   * Replaces a certificate if nobody changed it since it was read.
   *
   * @param certificate the new value at the version read
   * @return the stored value with the version incremented
   */
  Certificate update(Certificate certificate);

  /**
   * Finds one.
   *
   * @param organization the organization
   * @param id its id
   * @return it, or empty
   */
  Optional<Certificate> find(Id<Organization> organization, Id<Certificate> id);

  /**
   * Finds one by its verification code.
   *
   * @param organization the organization
   * @param code the code
   * @return it, or empty
   */
  Optional<Certificate> findByCode(Id<Organization> organization, String code);

  /**
   * A member's certificates, by issue time.
   *
   * @param organization the organization
   * @param member the member
   * @return them
   */
  List<Certificate> forMember(Id<Organization> organization, Id<WorkforceMember> member);

  /**
   * Whether a status index is taken.
   *
   * @param organization the organization
   * @param index the index
   * @return true when a certificate has it
   */
  boolean statusIndexTaken(Id<Organization> organization, int index);

  /**
   * Status indexes of certificates in a status.
   *
   * @param organization the organization
   * @param status the status
   * @return their indexes
   */
  List<Integer> statusIndexes(Id<Organization> organization, Certificate.Status status);
}
