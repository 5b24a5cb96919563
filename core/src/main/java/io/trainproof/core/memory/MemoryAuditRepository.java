package io.trainproof.core.memory;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.spi.AuditRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The in-memory store's audit chains, one list per organization in sequence order. The store's lock
 * serializes appends, so the head needs no lock of its own. Not thread-safe: used under the store's
 * lock.
 */
final class MemoryAuditRepository implements AuditRepository {
  private final MemoryTables t;

  MemoryAuditRepository(MemoryTables tables) {
    this.t = tables;
  }

  private List<AuditEntry> chain(Id<Organization> organization) {
    return t.auditChains.getOrDefault(organization, List.of());
  }

  @Override
  public Optional<AuditEntry> lockHead(Id<Organization> organization) {
    List<AuditEntry> chain = chain(organization);
    return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(chain.size() - 1));
  }

  @Override
  public void append(AuditEntry entry) {
    long expected = chain(entry.organization()).size() + 1L;
    if (entry.sequence() != expected) {
      throw new ConflictException(
          "AuditEntry",
          entry.organization() + "#" + entry.sequence(),
          "sequence taken or out of order (next is " + expected + ")");
    }
    t.append(t.auditChains, entry.organization(), entry);
  }

  @Override
  public void replaceWithTombstone(AuditEntry tombstone) {
    List<AuditEntry> chain = t.auditChains.get(tombstone.organization());
    int index = (int) tombstone.sequence() - 1;
    if (chain == null || index < 0 || index >= chain.size()) {
      throw new ConflictException(
          "AuditEntry", tombstone.organization() + "#" + tombstone.sequence(), "does not exist");
    }
    AuditEntry previous = chain.set(index, tombstone);
    t.onRollback(() -> chain.set(index, previous));
  }

  @Override
  public List<AuditEntry> range(Id<Organization> organization, long fromSequence, long toSequence) {
    return chain(organization).stream()
        .filter(e -> e.sequence() >= fromSequence && e.sequence() <= toSequence)
        .toList();
  }

  @Override
  public List<AuditEntry> latest(Id<Organization> organization, int count) {
    List<AuditEntry> chain = chain(organization);
    return List.copyOf(chain.subList(Math.max(0, chain.size() - count), chain.size()));
  }

  @Override
  public List<AuditEntry> between(Id<Organization> organization, Instant from, Instant to) {
    return chain(organization).stream()
        .filter(e -> !e.at().isBefore(from) && e.at().isBefore(to))
        .toList();
  }
}
