package io.trainproof.integrations.roster;

import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.WorkforceMember;
import java.time.LocalDate;

/**
 * One change a roster made (or would make, in a dry run). Immutable.
 *
 * @param line the row's line
 * @param externalId the member's HR id
 * @param member the member (in a dry run of a hire, the id it would have had)
 * @param kind what changed
 * @param effectiveOn when it takes effect
 * @param detail which fields changed, for a terms change ("roles, department"); empty otherwise
 */
public record RosterChange(
    int line,
    String externalId,
    Id<WorkforceMember> member,
    Kind kind,
    LocalDate effectiveOn,
    String detail) {

  /** What a roster row did. */
  public enum Kind {
    /** A new member was hired. */
    HIRED,
    /** Roles, department, manager or type changed. */
    TERMS_CHANGED,
    /** A leave began. */
    LEAVE_STARTED,
    /** A leave ended. */
    RETURNED,
    /** The member was terminated. */
    TERMINATED
  }
}
