package io.trainproof.core.spi;

import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.IssuedCredential;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import java.util.List;
import java.util.Optional;

/**
 * Certificates and the other credentials the SDK signed ({@link IssuedCredential}: host-signed
 * credentials and sealed attestations), scoped by organization.
 *
 * <p>This repository owns the organization's <b>status index space</b>: an index in its status
 * lists identifies one credential for outside verifiers, forever, so it is held by at most one
 * certificate or issued credential. That is why issued credentials live here rather than in a
 * repository of their own: {@link #statusIndexTaken} is one question about one space, answered by
 * the one repository that holds every record in it, and each insert refuses an index held by either
 * kind. (A store with a table per kind keeps a unique key on each table; an index held in the other
 * table is refused by the check the insert makes in the same transaction.)
 */
public interface CertificateRepository {
  /**
   * Adds a certificate.
   *
   * @param certificate the certificate, version 0
   * @throws io.trainproof.core.ConflictException when its id is taken, or its status index is held
   *     by a certificate or an issued credential
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
   * @return true when a certificate or an issued credential holds it
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

  /**
   * Adds a credential the SDK signed that is not a certificate.
   *
   * @param credential the credential, version 0
   * @throws io.trainproof.core.ConflictException when its id is taken, its credential id is taken
   *     in the organization, or its status index is held by a certificate or an issued credential
   */
  void insertCredential(IssuedCredential credential);

  /**
   * Replaces an issued credential if nobody changed it since it was read.
   *
   * @param credential the new value at the version read
   * @return the stored value with the version incremented
   * @throws io.trainproof.core.ConflictException when it does not exist in its organization or
   *     changed since it was read
   */
  IssuedCredential updateCredential(IssuedCredential credential);

  /**
   * Finds an issued credential by the credential's id.
   *
   * @param organization the organization
   * @param credentialId the credential's {@code id}
   * @return it, or empty
   */
  Optional<IssuedCredential> findCredential(Id<Organization> organization, String credentialId);

  /**
   * Status indexes of issued credentials in a status.
   *
   * @param organization the organization
   * @param status the status
   * @return their indexes, ascending
   */
  List<Integer> credentialStatusIndexes(
      Id<Organization> organization, IssuedCredential.Status status);
}
