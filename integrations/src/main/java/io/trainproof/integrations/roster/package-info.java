/**
 * Roster sync from the host's HR system: {@link io.trainproof.integrations.roster.RosterSync} takes
 * the roster as rows ({@link io.trainproof.integrations.roster.RosterRow}) or as a CSV file,
 * compares each row with the member's current terms by external id, and turns the differences into
 * hires, changes, leaves, returns and terminations through the workforce service, so each drives
 * the assignment engine as a single event would. The same roster twice changes nothing; members
 * missing from a full roster are flagged, never terminated.
 */
@NullMarked
package io.trainproof.integrations.roster;

import org.jspecify.annotations.NullMarked;
