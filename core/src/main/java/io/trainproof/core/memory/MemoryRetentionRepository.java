package io.trainproof.core.memory;

import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.LegalHold;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Tombstone;
import io.trainproof.core.spi.RetentionRepository;
import java.util.Comparator;
import java.util.List;

/**
 * The in-memory store's legal holds and purge tombstones. Not thread-safe: used under the store's
 * lock.
 */
final class MemoryRetentionRepository implements RetentionRepository {
  private final MemoryTables t;

  MemoryRetentionRepository(MemoryTables tables) {
    this.t = tables;
  }

  @Override
  public void saveHold(LegalHold hold) {
    t.put(t.holds, MemoryTables.key(hold.organization(), hold.id()), hold);
  }

  @Override
  public List<LegalHold> holds(Id<Organization> organization) {
    return MemoryTables.listOf(
        t.holds.values(),
        LegalHold::organization,
        organization,
        Comparator.comparing(LegalHold::placedAt).thenComparing(LegalHold::id));
  }

  @Override
  public void insertTombstone(Tombstone tombstone) {
    t.put(t.tombstones, tombstone.id(), tombstone);
  }

  @Override
  public List<Tombstone> tombstones(Id<Organization> organization) {
    return MemoryTables.listOf(
        t.tombstones.values(),
        Tombstone::organization,
        organization,
        Comparator.comparing(Tombstone::purgedAt).thenComparing(Tombstone::id));
  }
}
