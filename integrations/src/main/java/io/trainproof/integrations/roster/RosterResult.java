package io.trainproof.integrations.roster;

import io.trainproof.integrations.RowError;
import java.util.List;

/**
 * What a roster sync did (or, in a dry run, would do). Immutable.
 *
 * @param options how it ran
 * @param committed true when changes were written: false for a dry run and for an all-or-nothing
 *     sync that found any error
 * @param changes the changes, in row order
 * @param unchanged how many rows matched the member's current terms already
 * @param notices differences noticed but not applied
 * @param missing for a full roster, members not in it (flagged, not terminated)
 * @param errors every row error, in line order
 */
public record RosterResult(
    RosterOptions options,
    boolean committed,
    List<RosterChange> changes,
    int unchanged,
    List<RosterNotice> notices,
    List<MissingMember> missing,
    List<RowError> errors) {

  /** Makes the lists immutable. */
  public RosterResult {
    changes = List.copyOf(changes);
    notices = List.copyOf(notices);
    missing = List.copyOf(missing);
    errors = List.copyOf(errors);
  }

  /**
   * @return true when no row had an error
   */
  public boolean ok() {
    return errors.isEmpty();
  }

  /**
   * Counts changes of a kind.
   *
   * @param kind the kind
   * @return how many
   */
  public long count(RosterChange.Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).count();
  }

  /**
   * @return a one-line summary for logs and operator screens (no personal data)
   */
  public String summary() {
    return String.format(
        "%s %s%s: %d hired, %d changed, %d leaves, %d returns, %d terminated, %d unchanged, "
            + "%d notices, %d missing for review, %d errors%s",
        options.scope(),
        options.mode(),
        options.dryRun() ? " (dry run)" : "",
        count(RosterChange.Kind.HIRED),
        count(RosterChange.Kind.TERMS_CHANGED),
        count(RosterChange.Kind.LEAVE_STARTED),
        count(RosterChange.Kind.RETURNED),
        count(RosterChange.Kind.TERMINATED),
        unchanged,
        notices.size(),
        missing.size(),
        errors.size(),
        committed ? "" : "; nothing written");
  }
}
