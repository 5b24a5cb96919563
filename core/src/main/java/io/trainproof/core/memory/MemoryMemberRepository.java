package io.trainproof.core.memory;

import static io.trainproof.core.memory.MemoryTables.key;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.MemberRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory store's workforce members, with the external-id index and the sweep's claim cursor.
 * Not thread-safe: used under the store's lock.
 */
final class MemoryMemberRepository implements MemberRepository {
  private static final Versioned<WorkforceMember> VERSIONED =
      new Versioned<>(
          "WorkforceMember",
          WorkforceMember::id,
          WorkforceMember::organization,
          WorkforceMember::version,
          (m, version) ->
              new WorkforceMember(
                  m.id(),
                  m.organization(),
                  m.externalId(),
                  m.displayName(),
                  m.engagedOn(),
                  m.history(),
                  version));

  private final MemoryTables t;

  MemoryMemberRepository(MemoryTables tables) {
    this.t = tables;
  }

  @Override
  public WorkforceMember insert(WorkforceMember member) {
    String ext = key(member.organization(), member.externalId());
    if (t.memberByExternalId.containsKey(ext)) {
      throw new ConflictException(
          "WorkforceMember", "externalId=" + member.externalId(), "external id already exists");
    }
    if (t.members.containsKey(member.id())) {
      throw new ConflictException("WorkforceMember", member.id(), "id already exists");
    }
    WorkforceMember stored = VERSIONED.initial(member);
    t.put(t.members, member.id(), stored);
    t.put(t.memberByExternalId, ext, member.id());
    NavigableSet<Id<WorkforceMember>> ids =
        t.memberIdsByOrg.computeIfAbsent(member.organization(), o -> new TreeSet<>());
    ids.add(member.id());
    t.onRollback(() -> ids.remove(member.id()));
    // A member added mid-day may sort before the cursor: the next claim starts from the top.
    t.remove(t.sweepCursor, member.organization());
    t.remove(t.dueSweepCursor, member.organization());
    return stored;
  }

  @Override
  public WorkforceMember update(WorkforceMember member) {
    return VERSIONED.update(t, t.members, member);
  }

  @Override
  public Optional<WorkforceMember> find(Id<Organization> organization, Id<WorkforceMember> id) {
    return MemoryTables.findInOrg(t.members, id, organization, WorkforceMember::organization);
  }

  @Override
  public Optional<WorkforceMember> findByExternalId(
      Id<Organization> organization, String externalId) {
    Id<WorkforceMember> id = t.memberByExternalId.get(key(organization, externalId));
    return id == null ? Optional.empty() : find(organization, id);
  }

  @Override
  public List<WorkforceMember> list(Id<Organization> organization) {
    return MemoryTables.listOf(
        t.members.values(),
        WorkforceMember::organization,
        organization,
        Comparator.comparing(WorkforceMember::id));
  }

  @Override
  public List<WorkforceMember> page(
      Id<Organization> organization, @Nullable Id<WorkforceMember> after, int limit) {
    return MemoryTables.pageOf(
        t.members.values(),
        WorkforceMember::organization,
        WorkforceMember::id,
        organization,
        after,
        limit);
  }

  @Override
  public List<WorkforceMember> claimForSweep(
      Id<Organization> organization, LocalDate day, int limit) {
    return claim(organization, day, limit, false);
  }

  @Override
  public List<WorkforceMember> claimDueForSweep(
      Id<Organization> organization, LocalDate day, int limit) {
    return claim(organization, day, limit, true);
  }

  private List<WorkforceMember> claim(
      Id<Organization> organization, LocalDate day, int limit, boolean dueOnly) {
    Map<Id<Organization>, Map.Entry<LocalDate, Id<WorkforceMember>>> cursors =
        dueOnly ? t.dueSweepCursor : t.sweepCursor;
    NavigableSet<Id<WorkforceMember>> ids =
        t.memberIdsByOrg.getOrDefault(organization, new TreeSet<>());
    Map.Entry<LocalDate, Id<WorkforceMember>> cursor = cursors.get(organization);
    // why: claims go in id order, so everything before today's cursor was already visited (or,
    // for the due claim, visited or not due) today; walking from it keeps a whole sweep linear in
    // the number of members.
    Iterable<Id<WorkforceMember>> from =
        cursor != null && cursor.getKey().equals(day) ? ids.tailSet(cursor.getValue(), false) : ids;
    List<WorkforceMember> claimed = new ArrayList<>();
    for (Id<WorkforceMember> id : from) {
      if (claimed.size() >= limit) {
        break;
      }
      LocalDate swept = t.memberSweptOn.get(id);
      LocalDate next = t.memberNextChange.get(id);
      if ((swept == null || swept.isBefore(day))
          && (!dueOnly || next == null || !next.isAfter(day))) {
        claimed.add(t.members.get(id));
      }
    }
    for (WorkforceMember m : claimed) {
      t.put(t.memberSweptOn, m.id(), day);
    }
    if (!claimed.isEmpty()) {
      t.put(cursors, organization, Map.entry(day, claimed.get(claimed.size() - 1).id()));
    }
    return claimed;
  }

  @Override
  public void setNextChange(
      Id<Organization> organization, Map<Id<WorkforceMember>, LocalDate> next) {
    for (Map.Entry<Id<WorkforceMember>, LocalDate> e : next.entrySet()) {
      if (find(organization, e.getKey()).isPresent()) {
        t.put(t.memberNextChange, e.getKey(), e.getValue());
      }
    }
  }

  @Override
  public void resetNextChange(
      Id<Organization> organization, Collection<Id<WorkforceMember>> members) {
    boolean any = false;
    for (Id<WorkforceMember> id : members) {
      if (find(organization, id).isPresent()) {
        t.remove(t.memberNextChange, id);
        any = true;
      }
    }
    if (any) {
      // why: a member before the due claim's cursor may be due again
      t.remove(t.dueSweepCursor, organization);
    }
  }

  @Override
  public void resetNextChangeAll(Id<Organization> organization) {
    for (Id<WorkforceMember> id : t.memberIdsByOrg.getOrDefault(organization, new TreeSet<>())) {
      t.remove(t.memberNextChange, id);
    }
    t.remove(t.dueSweepCursor, organization);
  }

  @Override
  public Optional<LocalDate> nextChange(Id<Organization> organization, Id<WorkforceMember> member) {
    return find(organization, member).map(m -> t.memberNextChange.get(m.id()));
  }
}
