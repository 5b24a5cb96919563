package io.trainproof.core.domain;

import io.trainproof.core.notification.NotificationSink;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A message in the outbox, written in the same transaction as the change that caused it and
 * delivered later by the host's {@link NotificationSink}. The idempotency key is unique per
 * organization: the same message is never written twice, and once the sink reports success it is
 * never delivered again. The payload carries ids, codes and dates, never PHI. Immutable.
 *
 * @param id the message's id
 * @param organization the organization
 * @param idempotencyKey unique per organization; the sink may use it to drop duplicates
 * @param kind what it is
 * @param recipient the member it is for (the manager, for an escalation), or null for the
 *     organization's compliance office
 * @param channel the channel the host should use (e.g. {@code email}), as the host names it
 * @param payload ids, codes and dates the host renders into a message
 * @param createdAt when written
 * @param attempts delivery attempts so far
 * @param nextAttemptAt not before this instant
 * @param lastError the last delivery failure, if any (never PHI)
 * @param deliveredAt when the sink reported success; null while pending
 */
public record Notification(
    Id<Notification> id,
    Id<Organization> organization,
    String idempotencyKey,
    NotificationKind kind,
    @Nullable Id<WorkforceMember> recipient,
    String channel,
    SortedMap<String, String> payload,
    Instant createdAt,
    int attempts,
    Instant nextAttemptAt,
    @Nullable String lastError,
    @Nullable Instant deliveredAt) {

  /** Makes the payload immutable. */
  public Notification {
    payload = Collections.unmodifiableSortedMap(new TreeMap<>(payload));
  }

  /**
   * A new pending message.
   *
   * @param organization the organization
   * @param key idempotency key
   * @param kind kind
   * @param recipient recipient or null
   * @param channel channel
   * @param payload payload
   * @param at creation time
   * @return the message
   */
  public static Notification pending(
      Id<Organization> organization,
      String key,
      NotificationKind kind,
      @Nullable Id<WorkforceMember> recipient,
      String channel,
      Map<String, String> payload,
      Instant at) {
    return new Notification(
        Id.random(),
        organization,
        key,
        kind,
        recipient,
        channel,
        new TreeMap<>(payload),
        at,
        0,
        at,
        null,
        null);
  }
}
