package io.trainproof.core.spi;

import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import java.util.List;
import java.util.Optional;

/** Organizations (tenants). */
public interface OrganizationRepository {
  /**
   * Adds an organization.
   *
   * @param organization the new organization
   * @throws io.trainproof.core.ConflictException when the id is taken
   */
  void insert(Organization organization);

  /**
   * Finds an organization.
   *
   * @param id its id
   * @return it, or empty
   */
  Optional<Organization> find(Id<Organization> id);

  /**
   * @return every organization's id, in a stable order
   */
  List<Id<Organization>> ids();
}
