package io.trainproof.core.notification;

/**
 * Delivers pending outbox messages to the host's {@link NotificationSink}: claims a batch of due
 * messages (a claim holds them for a lease so two dispatchers never deliver one message at once),
 * calls the sink, and records success or the failure with exponential backoff (1, 2, 4 ... minutes,
 * at most one hour). Call it from the host's scheduler. Thread-safe.
 */
public interface NotificationDispatcher {

  /**
   * What one dispatch did.
   *
   * @param delivered messages the sink accepted
   * @param failed messages the sink refused (to be retried)
   */
  record DispatchResult(int delivered, int failed) {}

  /**
   * Delivers every message due now (in batches until none is left).
   *
   * @return what it did
   */
  DispatchResult dispatch();
}
