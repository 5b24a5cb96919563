package io.trainproof.core.memory;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.spi.OrganizationRepository;
import java.util.List;
import java.util.Optional;

/** The in-memory store's organizations. Not thread-safe: used under the store's lock. */
final class MemoryOrganizationRepository implements OrganizationRepository {
  private final MemoryTables t;

  MemoryOrganizationRepository(MemoryTables tables) {
    this.t = tables;
  }

  @Override
  public void insert(Organization organization) {
    if (t.organizations.containsKey(organization.id())) {
      throw new ConflictException("Organization", organization.id(), "id already exists");
    }
    t.put(t.organizations, organization.id(), organization);
  }

  @Override
  public Optional<Organization> find(Id<Organization> id) {
    return Optional.ofNullable(t.organizations.get(id));
  }

  @Override
  public List<Id<Organization>> ids() {
    return t.organizations.keySet().stream().sorted().toList();
  }
}
