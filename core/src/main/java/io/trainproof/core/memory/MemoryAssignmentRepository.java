package io.trainproof.core.memory;

import static io.trainproof.core.memory.MemoryTables.key;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.AssignmentRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory store's assignments, with the dedupe-key and per-member indexes. It has no faster
 * count than core's count from plain reads, so it leaves {@link #count} to the default. Not
 * thread-safe: used under the store's lock.
 */
final class MemoryAssignmentRepository implements AssignmentRepository {
  private static final Versioned<Assignment> VERSIONED =
      new Versioned<>(
          "Assignment",
          Assignment::id,
          Assignment::organization,
          Assignment::version,
          (a, version) -> a.toBuilder().version(version).build());
  private static final Comparator<Assignment> ORDER =
      Comparator.comparing(Assignment::assignedAt).thenComparing(Assignment::id);

  private final MemoryTables t;

  MemoryAssignmentRepository(MemoryTables tables) {
    this.t = tables;
  }

  @Override
  public boolean insertIfAbsent(Assignment a) {
    String dedupe = key(a.organization(), a.dedupeKey());
    if (t.assignmentByDedupeKey.containsKey(dedupe)) {
      return false;
    }
    if (t.assignments.containsKey(a.id())) {
      throw new ConflictException("Assignment", a.id(), "id already exists");
    }
    t.put(t.assignments, a.id(), VERSIONED.initial(a));
    t.put(t.assignmentByDedupeKey, dedupe, a.id());
    t.append(t.assignmentsByMember, a.member(), a.id());
    return true;
  }

  @Override
  public Assignment update(Assignment a) {
    return VERSIONED.update(t, t.assignments, a);
  }

  @Override
  public Optional<Assignment> find(Id<Organization> organization, Id<Assignment> id) {
    return MemoryTables.findInOrg(t.assignments, id, organization, Assignment::organization);
  }

  @Override
  public List<Assignment> forMember(Id<Organization> organization, Id<WorkforceMember> member) {
    return MemoryTables.forMember(
        t.assignmentsByMember,
        t.assignments,
        member,
        organization,
        Assignment::organization,
        ORDER);
  }

  @Override
  public List<Assignment> forRequirement(
      Id<Organization> organization, Id<Requirement> requirement) {
    return t.assignments.values().stream()
        .filter(a -> a.organization().equals(organization) && requirement.equals(a.requirement()))
        .sorted(ORDER)
        .toList();
  }

  @Override
  public List<Assignment> list(Id<Organization> organization) {
    return MemoryTables.listOf(
        t.assignments.values(), Assignment::organization, organization, ORDER);
  }

  @Override
  public List<Assignment> page(
      Id<Organization> organization, @Nullable Id<Assignment> after, int limit) {
    return MemoryTables.pageOf(
        t.assignments.values(),
        Assignment::organization,
        Assignment::id,
        organization,
        after,
        limit);
  }

  @Override
  public void delete(Id<Organization> organization, Id<Assignment> id) {
    // The dedupe key stays taken: a purged cycle is never recreated.
    t.removeInOrg(t.assignments, id, organization, Assignment::organization);
  }
}
