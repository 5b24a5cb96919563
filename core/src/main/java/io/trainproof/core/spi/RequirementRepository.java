package io.trainproof.core.spi;

import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Requirement;
import java.util.List;
import java.util.Optional;

/** Requirements, always scoped by organization. */
public interface RequirementRepository {
  /**
   * Adds a requirement with version 0.
   *
   * @param requirement the requirement
   * @return it as stored
   */
  Requirement insert(Requirement requirement);

  /**
   * Replaces a requirement if nobody changed it since it was read.
   *
   * @param requirement the new value at the version it was read
   * @return the stored value with the version incremented
   * @throws io.trainproof.core.ConflictException when the stored version differs
   */
  Requirement update(Requirement requirement);

  /**
   * Finds a requirement.
   *
   * @param organization the organization
   * @param id its id
   * @return it, or empty
   */
  Optional<Requirement> find(Id<Organization> organization, Id<Requirement> id);

  /**
   * Lists requirements ordered by creation.
   *
   * @param organization the organization
   * @return the requirements
   */
  List<Requirement> list(Id<Organization> organization);
}
