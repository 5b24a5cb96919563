package io.trainproof.core.notification;

import io.trainproof.core.domain.Notification;

/**
 * Where the host delivers notifications (email, SMS, its own inbox). Called outside any Trainproof
 * transaction. Must be idempotent on {@link Notification#idempotencyKey()}: if the process dies
 * after the sink succeeded but before the success was recorded, the message is offered again with
 * the same key.
 */
@FunctionalInterface
public interface NotificationSink {
  /**
   * Delivers one message. Returning normally reports success; throwing reports a failure that is
   * retried with backoff.
   *
   * @param notification the message
   * @throws Exception when delivery failed
   */
  void deliver(Notification notification) throws Exception;
}
