package io.trainproof.core.memory;

import static io.trainproof.core.memory.MemoryTables.key;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Notification;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.spi.OutboxRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The in-memory store's notification outbox, one message per organization and idempotency key,
 * leased to a dispatcher by {@link #claimDue}. Not thread-safe: used under the store's lock.
 */
final class MemoryOutboxRepository implements OutboxRepository {
  private static final Comparator<Notification> ORDER =
      Comparator.comparing(Notification::createdAt).thenComparing(Notification::id);

  private final MemoryTables t;

  MemoryOutboxRepository(MemoryTables tables) {
    this.t = tables;
  }

  @Override
  public boolean enqueue(Notification n) {
    String k = key(n.organization(), n.idempotencyKey());
    if (t.notificationByKey.containsKey(k)) {
      return false;
    }
    t.put(t.notifications, n.id(), n);
    t.put(t.notificationByKey, k, n.id());
    return true;
  }

  @Override
  public List<Notification> claimDue(Instant now, Instant leaseUntil, int limit) {
    List<Notification> due =
        t.notifications.values().stream()
            .filter(n -> n.deliveredAt() == null && !n.nextAttemptAt().isAfter(now))
            .sorted(ORDER)
            .limit(limit)
            .toList();
    List<Notification> claimed = new ArrayList<>();
    for (Notification n : due) {
      Notification leased =
          new Notification(
              n.id(),
              n.organization(),
              n.idempotencyKey(),
              n.kind(),
              n.recipient(),
              n.channel(),
              n.payload(),
              n.createdAt(),
              n.attempts(),
              leaseUntil,
              n.lastError(),
              null);
      t.put(t.notifications, n.id(), leased);
      claimed.add(leased);
    }
    return claimed;
  }

  @Override
  public long countPending() {
    return t.notifications.values().stream().filter(n -> n.deliveredAt() == null).count();
  }

  @Override
  public void update(Notification n) {
    if (!t.notifications.containsKey(n.id())) {
      throw new ConflictException("Notification", n.id(), "does not exist");
    }
    t.put(t.notifications, n.id(), n);
  }

  @Override
  public List<Notification> between(Id<Organization> organization, Instant from, Instant to) {
    return t.notifications.values().stream()
        .filter(
            n ->
                n.organization().equals(organization)
                    && !n.createdAt().isBefore(from)
                    && n.createdAt().isBefore(to))
        .sorted(ORDER)
        .toList();
  }

  @Override
  public void delete(Id<Organization> organization, Id<Notification> id) {
    t.removeInOrg(t.notifications, id, organization, Notification::organization);
  }
}
