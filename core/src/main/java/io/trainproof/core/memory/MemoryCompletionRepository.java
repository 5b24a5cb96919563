package io.trainproof.core.memory;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.CompletionRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory store's completions, with the per-member index. Not thread-safe: used under the
 * store's lock.
 */
final class MemoryCompletionRepository implements CompletionRepository {
  private final MemoryTables t;

  MemoryCompletionRepository(MemoryTables tables) {
    this.t = tables;
  }

  @Override
  public void insert(Completion c) {
    if (t.completions.containsKey(c.id())) {
      throw new ConflictException("Completion", c.id(), "id already exists");
    }
    t.put(t.completions, c.id(), c);
    t.append(t.completionsByMember, c.member(), c.id());
  }

  @Override
  public Optional<Completion> find(Id<Organization> organization, Id<Completion> id) {
    return MemoryTables.findInOrg(t.completions, id, organization, Completion::organization);
  }

  @Override
  public List<Completion> forMember(Id<Organization> organization, Id<WorkforceMember> member) {
    return MemoryTables.forMember(
        t.completionsByMember,
        t.completions,
        member,
        organization,
        Completion::organization,
        Comparator.comparing(Completion::completedOn)
            .thenComparing(Completion::recordedAt)
            .thenComparing(Completion::id));
  }

  @Override
  public List<Completion> page(
      Id<Organization> organization, @Nullable Id<Completion> after, int limit) {
    return MemoryTables.pageOf(
        t.completions.values(),
        Completion::organization,
        Completion::id,
        organization,
        after,
        limit);
  }

  @Override
  public Optional<Completion> findBySource(
      Id<Organization> organization, String source, String sourceRef) {
    return t.completions.values().stream()
        .filter(
            c ->
                c.organization().equals(organization)
                    && source.equals(c.provenance().source())
                    && sourceRef.equals(c.provenance().sourceRef()))
        .findFirst();
  }

  @Override
  public void delete(Id<Organization> organization, Id<Completion> id) {
    t.removeInOrg(t.completions, id, organization, Completion::organization);
  }
}
