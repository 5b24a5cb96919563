package io.trainproof.core.renewal;

/**
 * The one entry point the host's own scheduler calls (or {@link RenewalRunner} calls for it): for
 * every organization, as of today in its zone, it opens renewal windows by creating the next
 * cycle's assignments and fills any gap the event handlers left (a hire recorded with a future
 * engagement date, a requirement whose terms changed). Expiry and overdue are derived from dates
 * when asked, so nothing needs marking. Each member is visited at most once per day in its
 * organization's zone (a second sweep the same day visits nobody), and by {@link #sweep()} only on
 * days when something can change for them. Idempotent: running it twice, or from two threads or
 * nodes at once, creates nothing twice. Thread-safe.
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
   * Sweeps every organization incrementally: the same as {@code sweep(false)} (see {@link
   * #sweep(boolean)}).
   *
   * @return what it did
   */
  SweepResult sweep();

  /**
   * Sweeps every organization. The store keeps, per member, the next date on which anything the
   * sweep does for them can change (a renewal window opens, a cover lapses, a reminder, due,
   * overdue or escalation notice falls due, their terms or a requirement's terms take effect);
   * every write that can move it (to the member's records, or to the organization's requirements,
   * policies, course releases and certification kinds) unsets it in its own transaction, and each
   * sweep stores it for the members it visits.
   *
   * <p>With {@code fullScan} false (the incremental sweep, what {@link #sweep()} runs) it visits
   * only members not yet visited today whose next date has come or is unset, so its cost follows
   * the work that is due, not the roster. With {@code fullScan} true it visits every member not yet
   * visited today whatever their next date (the sweep before the incremental one existed: a check
   * that the dates are right, or a way to recover after the stored dates were changed by hand).
   * Both leave the same assignments, notifications and audit trail behind.
   *
   * <p>The default runs {@link #sweep()}: right for a scheduler that keeps no dates (a host's own,
   * or a test double), for which the two are the same; the built-in scheduler overrides it.
   *
   * @param fullScan true to evaluate every member not yet visited today
   * @return what it did ({@code members} counts the members visited)
   */
  default SweepResult sweep(boolean fullScan) {
    return sweep();
  }
}
