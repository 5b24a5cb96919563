package io.trainproof.core.spi;

import io.trainproof.core.domain.Attestation;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.WorkforceMember;
import java.util.List;
import java.util.Optional;

/** Attestations, always scoped by organization. */
public interface AttestationRepository {
  /**
   * Adds a request unless one exists for the member and version (unique).
   *
   * @param attestation the request, version 0
   * @return true when added
   */
  boolean insertIfAbsent(Attestation attestation);

  /**
   * Replaces an attestation if nobody changed it since it was read.
   *
   * @param attestation the new value at the version read
   * @return the stored value with the version incremented
   */
  Attestation update(Attestation attestation);

  /**
   * Finds one.
   *
   * @param organization the organization
   * @param id its id
   * @return it, or empty
   */
  Optional<Attestation> find(Id<Organization> organization, Id<Attestation> id);

  /**
   * Finds the request for a member and version.
   *
   * @param organization the organization
   * @param member the member
   * @param version the policy version
   * @return it, or empty
   */
  Optional<Attestation> find(
      Id<Organization> organization, Id<WorkforceMember> member, Id<PolicyVersion> version);

  /**
   * A member's attestations, by request date then id.
   *
   * @param organization the organization
   * @param member the member
   * @return them
   */
  List<Attestation> forMember(Id<Organization> organization, Id<WorkforceMember> member);

  /**
   * A version's attestations, by request date then id.
   *
   * @param organization the organization
   * @param version the version
   * @return them
   */
  List<Attestation> forVersion(Id<Organization> organization, Id<PolicyVersion> version);

  /**
   * Removes one (purge only).
   *
   * @param organization the organization
   * @param id its id
   */
  void delete(Id<Organization> organization, Id<Attestation> id);
}
