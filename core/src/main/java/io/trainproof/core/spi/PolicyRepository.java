package io.trainproof.core.spi;

import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import java.util.List;
import java.util.Optional;

/** Policies and their versions, always scoped by organization. */
public interface PolicyRepository {
  /**
   * Adds a policy with version 0.
   *
   * @param policy the policy
   * @throws io.trainproof.core.ConflictException when its code is taken
   */
  void insert(Policy policy);

  /**
   * Replaces a policy if nobody changed it since it was read.
   *
   * @param policy the new value at the version read
   * @return the stored value with the version incremented
   */
  Policy update(Policy policy);

  /**
   * Finds a policy.
   *
   * @param organization the organization
   * @param id the policy id
   * @return it, or empty
   */
  Optional<Policy> find(Id<Organization> organization, Id<Policy> id);

  /**
   * Lists policies ordered by code.
   *
   * @param organization the organization
   * @return the policies
   */
  List<Policy> list(Id<Organization> organization);

  /**
   * Adds a version.
   *
   * @param version the version
   * @throws io.trainproof.core.ConflictException when its number is taken for the policy
   */
  void insertVersion(PolicyVersion version);

  /**
   * Replaces a version (to set its last-in-effect date).
   *
   * @param version the new value
   */
  void updateVersion(PolicyVersion version);

  /**
   * Finds a version.
   *
   * @param organization the organization
   * @param id the version id
   * @return it, or empty
   */
  Optional<PolicyVersion> findVersion(Id<Organization> organization, Id<PolicyVersion> id);

  /**
   * A policy's versions ordered by number.
   *
   * @param organization the organization
   * @param policy the policy
   * @return its versions, oldest first
   */
  List<PolicyVersion> versions(Id<Organization> organization, Id<Policy> policy);
}
