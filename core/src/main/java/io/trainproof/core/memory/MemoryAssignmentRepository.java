package io.trainproof.core.memory;

import static io.trainproof.core.memory.MemoryTables.key;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.spi.AssignmentRepository;
import io.trainproof.core.status.AssignmentSummary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory store's assignments, with the dedupe-key and per-member indexes, and the
 * summary a dashboard reads. Not thread-safe: used under the store's lock.
 */
final class MemoryAssignmentRepository implements AssignmentRepository {
  private static final Versioned<Assignment> VERSIONED = new Versioned<>("Assignment", Assignment::id,
      Assignment::organization, Assignment::version, (a, version) -> a.toBuilder().version(version).build());
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
    return MemoryTables.forMember(t.assignmentsByMember, t.assignments, member, organization, Assignment::organization, ORDER);
  }

  @Override
  public List<Assignment> forRequirement(Id<Organization> organization, Id<Requirement> requirement) {
    return t.assignments.values().stream()
        .filter(a -> a.organization().equals(organization) && requirement.equals(a.requirement()))
        .sorted(ORDER)
        .toList();
  }

  @Override
  public List<Assignment> list(Id<Organization> organization) {
    return MemoryTables.listOf(t.assignments.values(), Assignment::organization, organization, ORDER);
  }

  @Override
  public List<Assignment> page(Id<Organization> organization, @Nullable Id<Assignment> after, int limit) {
    return MemoryTables.pageOf(t.assignments.values(), Assignment::organization, Assignment::id, organization, after, limit);
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<AssignmentSummary> summarize(Id<Organization> organization, LocalDate asOf, int dueSoonDays) {
    LocalDate soon = asOf.plusDays(dueSoonDays);
    // key: department, type -> members, mOverdue, mDueSoon, mPending, pending, dueSoon, overdue, completed, waived
    Map<List<Object>, long[]> groups = new HashMap<>();
    for (WorkforceMember m : t.members.values()) {
      if (!m.organization().equals(organization)) {
        continue;
      }
      MemberTerms terms = m.termsOn(asOf).orElse(null);
      if (terms == null || terms.status() != MemberStatus.ACTIVE) {
        continue;
      }
      long[] c = groups.computeIfAbsent(List.of(terms.department(), terms.type(), terms.roles()), k -> new long[9]);
      long pending = 0;
      long dueSoon = 0;
      long overdue = 0;
      for (Id<Assignment> id : t.assignmentsByMember.getOrDefault(m.id(), List.of())) {
        Assignment a = t.assignments.get(id);
        if (a == null || !a.organization().equals(organization) || a.assignedOn().isAfter(asOf)) {
          continue;
        }
        if (a.closure() != null && !a.closure().on().isAfter(asOf)) {
          switch (a.closure().state()) {
            case COMPLETED -> c[7]++;
            case WAIVED -> c[8]++;
            default -> { }
          }
          continue;
        }
        LocalDate due = a.dueOn(asOf);
        if (asOf.isAfter(due)) {
          overdue++;
        } else if (!due.isAfter(soon)) {
          dueSoon++;
        } else {
          pending++;
        }
      }
      c[0]++;
      c[1] += overdue > 0 ? 1 : 0;
      c[2] += overdue == 0 && dueSoon > 0 ? 1 : 0;
      c[3] += overdue == 0 && dueSoon == 0 && pending > 0 ? 1 : 0;
      c[4] += pending;
      c[5] += dueSoon;
      c[6] += overdue;
    }
    List<AssignmentSummary> rows = new ArrayList<>();
    groups.forEach((k, c) -> rows.add(new AssignmentSummary((String) k.get(0), (WorkforceType) k.get(1),
        (Set<String>) k.get(2), c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8])));
    rows.sort(AssignmentSummary.ORDER);
    return rows;
  }

  @Override
  public void delete(Id<Organization> organization, Id<Assignment> id) {
    // The dedupe key stays taken: a purged cycle is never recreated.
    t.removeInOrg(t.assignments, id, organization, Assignment::organization);
  }
}
