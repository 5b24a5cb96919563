package io.trainproof.core.memory;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.spi.RequirementRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The in-memory store's requirements. Not thread-safe: used under the store's lock. */
final class MemoryRequirementRepository implements RequirementRepository {
  private static final Versioned<Requirement> VERSIONED =
      new Versioned<>(
          "Requirement",
          Requirement::id,
          Requirement::organization,
          Requirement::version,
          (r, version) ->
              new Requirement(
                  r.id(),
                  r.organization(),
                  r.name(),
                  r.rationale(),
                  r.history(),
                  r.createdAt(),
                  version));

  private final MemoryTables t;

  MemoryRequirementRepository(MemoryTables tables) {
    this.t = tables;
  }

  @Override
  public Requirement insert(Requirement r) {
    if (t.requirements.containsKey(r.id())) {
      throw new ConflictException("Requirement", r.id(), "id already exists");
    }
    Requirement stored = VERSIONED.initial(r);
    t.put(t.requirements, r.id(), stored);
    return stored;
  }

  @Override
  public Requirement update(Requirement r) {
    return VERSIONED.update(t, t.requirements, r);
  }

  @Override
  public Optional<Requirement> find(Id<Organization> organization, Id<Requirement> id) {
    return MemoryTables.findInOrg(t.requirements, id, organization, Requirement::organization);
  }

  @Override
  public List<Requirement> list(Id<Organization> organization) {
    return MemoryTables.listOf(
        t.requirements.values(),
        Requirement::organization,
        organization,
        Comparator.comparing(Requirement::createdAt).thenComparing(Requirement::id));
  }
}
