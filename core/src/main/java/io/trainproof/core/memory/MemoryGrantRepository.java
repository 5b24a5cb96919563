package io.trainproof.core.memory;

import io.trainproof.core.domain.CrossOrganizationGrant;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.spi.GrantRepository;
import java.util.Comparator;
import java.util.List;

/**
 * The in-memory store's cross-organization grants. Not thread-safe: used under the store's lock.
 */
final class MemoryGrantRepository implements GrantRepository {
  private final MemoryTables t;

  MemoryGrantRepository(MemoryTables tables) {
    this.t = tables;
  }

  @Override
  public void save(CrossOrganizationGrant grant) {
    t.put(t.grants, MemoryTables.key(grant.organization(), grant.id()), grant);
  }

  @Override
  public List<CrossOrganizationGrant> forActor(Id<Organization> organization, String actorId) {
    return t.grants.values().stream()
        .filter(g -> g.organization().equals(organization) && g.actorId().equals(actorId))
        .sorted(Comparator.comparing(CrossOrganizationGrant::grantedAt))
        .toList();
  }
}
