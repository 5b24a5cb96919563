package io.trainproof.core.spi;

import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Notification;
import io.trainproof.core.domain.Organization;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The notification outbox. Keys are unique per organization. */
public interface OutboxRepository {
  /**
   * Adds a message unless its idempotency key exists in the organization.
   *
   * @param notification the message
   * @return true when added
   */
  boolean enqueue(Notification notification);

  /**
   * Adds several messages, each unless its idempotency key exists in its organization: the same
   * outcome as {@link #enqueue} called once per message in list order (of two in the list with one
   * key, the first is added). Stores override the default (a loop) to write with a few statements
   * per call.
   *
   * @param notifications the messages
   * @return the ids of those added
   */
  default Set<Id<Notification>> enqueueAll(List<Notification> notifications) {
    Set<Id<Notification>> added = new LinkedHashSet<>();
    for (Notification notification : notifications) {
      if (enqueue(notification)) {
        added.add(notification.id());
      }
    }
    return added;
  }

  /**
   * Claims up to {@code limit} undelivered messages due at {@code now} (of any organization) by
   * pushing their next attempt to {@code leaseUntil}, so that no other dispatcher takes them
   * meanwhile. A shared store skips rows another node holds.
   *
   * @param now the current instant
   * @param leaseUntil until when the claim holds
   * @param limit the most to claim
   * @return the claimed messages, oldest first
   */
  List<Notification> claimDue(Instant now, Instant leaseUntil, int limit);

  /**
   * The backlog: messages of every organization not delivered yet (whether due now, leased to a
   * dispatcher, or waiting for a retry). A health check compares it with a threshold.
   *
   * @return how many
   */
  long countPending();

  /**
   * Records a delivery.
   *
   * @param notification the message as delivered (with {@code deliveredAt} and attempts set)
   */
  void update(Notification notification);

  /**
   * Messages of an organization created in a time range.
   *
   * @param organization the organization
   * @param from start (inclusive)
   * @param to end (exclusive)
   * @return them, oldest first
   */
  List<Notification> between(Id<Organization> organization, Instant from, Instant to);

  /**
   * Removes one (purge only).
   *
   * @param organization the organization
   * @param id its id
   */
  void delete(Id<Organization> organization, Id<Notification> id);
}
