package io.trainproof.core.internal;

import io.trainproof.core.domain.Notification;
import io.trainproof.core.notification.NotificationDispatcher;
import io.trainproof.core.notification.NotificationSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Implements {@link NotificationDispatcher}. The claim and each outcome are separate short
 * transactions, and the sink is called outside any transaction. Thread-safe. Not API.
 */
public final class NotificationDispatcherImpl implements NotificationDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcherImpl.class);
  static final int BATCH = 50;
  static final Duration LEASE = Duration.ofMinutes(5);
  static final Duration MAX_BACKOFF = Duration.ofHours(1);

  private final Context ctx;
  private final NotificationSink sink;

  /**
   * Creates the dispatcher.
   *
   * @param ctx shared collaborators
   * @param sink the host's sink
   */
  public NotificationDispatcherImpl(Context ctx, NotificationSink sink) {
    this.ctx = ctx;
    this.sink = sink;
  }

  @Override
  public DispatchResult dispatch() {
    int delivered = 0;
    int failed = 0;
    while (true) {
      Instant now = ctx.clock().instant();
      List<Notification> batch =
          ctx.store().inTransaction(tx -> tx.outbox().claimDue(now, now.plus(LEASE), BATCH));
      for (Notification n : batch) {
        Notification outcome;
        try {
          sink.deliver(n);
          outcome =
              new Notification(
                  n.id(),
                  n.organization(),
                  n.idempotencyKey(),
                  n.kind(),
                  n.recipient(),
                  n.channel(),
                  n.payload(),
                  n.createdAt(),
                  n.attempts() + 1,
                  n.nextAttemptAt(),
                  n.lastError(),
                  ctx.clock().instant());
          delivered++;
        } catch (Exception e) {
          int attempts = n.attempts() + 1;
          Instant retryAt = ctx.clock().instant().plus(backoff(attempts));
          // Only the exception class: a message from the host's sink could carry PHI.
          outcome =
              new Notification(
                  n.id(),
                  n.organization(),
                  n.idempotencyKey(),
                  n.kind(),
                  n.recipient(),
                  n.channel(),
                  n.payload(),
                  n.createdAt(),
                  attempts,
                  retryAt,
                  e.getClass().getName(),
                  null);
          failed++;
          LOG.debug(
              "delivery of notification {} failed (attempt {}), retrying at {}",
              n.id(),
              attempts,
              retryAt);
        }
        Notification result = outcome;
        ctx.store()
            .inTransaction(
                tx -> {
                  tx.outbox().update(result);
                  return null;
                });
      }
      if (batch.size() < BATCH) {
        return new DispatchResult(delivered, failed);
      }
    }
  }

  /** 1, 2, 4 ... minutes, at most an hour. */
  static Duration backoff(int attempts) {
    long minutes = 1L << Math.min(attempts - 1, 6);
    Duration d = Duration.ofMinutes(minutes);
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }
}
