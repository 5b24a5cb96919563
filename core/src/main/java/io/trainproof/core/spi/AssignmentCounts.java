package io.trainproof.core.spi;

import io.trainproof.core.domain.WorkforceType;
import java.util.Set;

/**
 * One group of the counts a store returns for an {@link AssignmentCountQuery}: the counted members
 * who share a department, a workforce type and a set of job roles on the query's date, and their
 * assignments counted by plain facts (open by due-date band, closed by closure state). Carries no
 * status: core turns it into an {@link io.trainproof.core.status.AssignmentSummary}. Immutable.
 *
 * <p>A member whose earliest open due date is in a band is counted in that band's member count, so
 * each counted member with something open is in exactly one of the three, and {@code members} minus
 * the three is the members with nothing open.
 *
 * @param department the department or site code of the group
 * @param type the workforce type of the group
 * @param roles the exact set of job roles of the group
 * @param members counted members in the group (at least 1)
 * @param membersEarliestInFirstBand members whose earliest open due date is in the first band
 * @param membersEarliestInSecondBand members whose earliest open due date is in the second band
 * @param membersEarliestInThirdBand members whose earliest open due date is in the third band
 * @param openInFirstBand open assignments due on or before the first band's end
 * @param openInSecondBand open assignments due in the second band
 * @param openInThirdBand open assignments due after the second band's end
 * @param completed assignments closed as completed on or before the date
 * @param waived assignments closed as waived on or before the date
 * @param cancelled assignments closed as cancelled on or before the date
 */
public record AssignmentCounts(
    String department,
    WorkforceType type,
    Set<String> roles,
    long members,
    long membersEarliestInFirstBand,
    long membersEarliestInSecondBand,
    long membersEarliestInThirdBand,
    long openInFirstBand,
    long openInSecondBand,
    long openInThirdBand,
    long completed,
    long waived,
    long cancelled) {

  /** Makes the role set immutable, so groups compare by value whatever set a store built. */
  public AssignmentCounts {
    roles = Set.copyOf(roles);
  }
}
