package io.trainproof.core.spi;

import io.trainproof.core.domain.CrossOrganizationGrant;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import java.util.List;

/** Cross-organization grants for vendor support. */
public interface GrantRepository {
  /**
   * Adds or replaces a grant.
   *
   * @param grant the grant
   */
  void save(CrossOrganizationGrant grant);

  /**
   * The grants for an actor in an organization.
   *
   * @param organization the organization
   * @param actorId the vendor-support actor
   * @return the grants, active or not
   */
  List<CrossOrganizationGrant> forActor(Id<Organization> organization, String actorId);
}
