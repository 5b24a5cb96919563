package io.trainproof.core.memory;

import static io.trainproof.core.memory.MemoryTables.key;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.AddressableDecision;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyReview;
import io.trainproof.core.domain.SecurityReminder;
import io.trainproof.core.spi.DocumentationRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The in-memory store's program documentation: policy reviews, addressable-specification decisions
 * and security reminders. Not thread-safe: used under the store's lock.
 */
final class MemoryDocumentationRepository implements DocumentationRepository {
  private final MemoryTables t;

  MemoryDocumentationRepository(MemoryTables tables) {
    this.t = tables;
  }

  @Override
  public void insertReview(PolicyReview review) {
    t.put(t.reviews, review.id(), review);
  }

  @Override
  public List<PolicyReview> reviews(Id<Organization> organization, Id<Policy> policy) {
    return t.reviews.values().stream()
        .filter(r -> r.organization().equals(organization) && r.policy().equals(policy))
        .sorted(
            Comparator.comparing(PolicyReview::reviewedOn).thenComparing(PolicyReview::recordedAt))
        .toList();
  }

  @Override
  public void insertDecision(AddressableDecision d) {
    String k = key(d.organization(), d.topic(), d.number());
    if (t.decisions.containsKey(k)) {
      throw new ConflictException(
          "AddressableDecision", d.topic() + "#" + d.number(), "version number already exists");
    }
    t.put(t.decisions, k, d);
  }

  @Override
  public List<AddressableDecision> decisions(Id<Organization> organization) {
    return MemoryTables.listOf(
        t.decisions.values(),
        AddressableDecision::organization,
        organization,
        Comparator.comparing(AddressableDecision::topic)
            .thenComparingInt(AddressableDecision::number));
  }

  @Override
  public void saveReminder(SecurityReminder reminder) {
    t.put(t.reminders, MemoryTables.key(reminder.organization(), reminder.id()), reminder);
  }

  @Override
  public Optional<SecurityReminder> findReminder(
      Id<Organization> organization, Id<SecurityReminder> id) {
    return Optional.ofNullable(t.reminders.get(MemoryTables.key(organization, id)));
  }

  @Override
  public List<SecurityReminder> reminders(Id<Organization> organization) {
    return MemoryTables.listOf(
        t.reminders.values(),
        SecurityReminder::organization,
        organization,
        Comparator.comparing(SecurityReminder::sentAt).thenComparing(SecurityReminder::id));
  }
}
