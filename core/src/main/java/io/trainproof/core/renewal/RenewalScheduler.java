package io.trainproof.core.renewal;

/**
 * The one entry point the host's own scheduler calls (or {@link RenewalRunner} calls for it): for
 * every organization, as of today in its zone, it opens renewal windows by creating the next
 * cycle's assignments and fills any gap the event handlers left (a hire recorded with a future
 * engagement date, a requirement whose terms changed). Expiry and overdue are derived from dates
 * when asked, so nothing needs marking. Each member is visited once per day in its organization's
 * zone: a second sweep the same day visits nobody. Idempotent: running it twice, or from two
 * threads or nodes at once, creates nothing twice. Thread-safe.
 */
public interface RenewalScheduler {

  /**
   * What one sweep did.
   *
   * @param organizations organizations visited
   * @param members members visited (claimed) by this sweep
   * @param created assignments created
   */
  record SweepResult(int organizations, int members, int created) {}

  /**
   * Sweeps every organization.
   *
   * @return what it did
   */
  SweepResult sweep();
}
