package io.trainproof.core.spi;

import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.Organization;
import java.time.LocalDate;

/**
 * What core asks a store to count for an organization's assignment aggregate: plain dated facts and
 * date cut-offs, never a status. What the counts mean (which band is "overdue", which member
 * statuses count, which closures are reported) is decided by core, which builds the query; see
 * {@link AssignmentRepository#count} for what a store must count and {@link AssignmentCounting} for
 * the reference count.
 *
 * <p>Facts are read as they stood on {@link #asOf}: a member's terms in effect that day (the last
 * entry of the history whose effective date is not after it); an assignment exists when it was
 * assigned on or before it; it is closed when its closure is dated on or before it, and open
 * otherwise; its due date is that of the last extension (in the order granted) granted on or before
 * it, else the original due date. Open assignments fall into three bands by that due date: on or
 * before {@link #firstBandEnd}, after it and on or before {@link #secondBandEnd}, and after {@link
 * #secondBandEnd}.
 *
 * @param organization the organization
 * @param asOf the date the facts are read on
 * @param memberStatus only members whose terms in effect on {@code asOf} have this status are
 *     counted, with their assignments
 * @param firstBandEnd the last due date of the first band (inclusive)
 * @param secondBandEnd the last due date of the second band (inclusive), not before {@code
 *     firstBandEnd}
 */
public record AssignmentCountQuery(
    Id<Organization> organization,
    LocalDate asOf,
    MemberStatus memberStatus,
    LocalDate firstBandEnd,
    LocalDate secondBandEnd) {

  /**
   * Checks that the bands are in order, so a store never has to decide what an empty band means.
   */
  public AssignmentCountQuery {
    if (secondBandEnd.isBefore(firstBandEnd)) {
      throw new ValidationException(
          "secondBandEnd", secondBandEnd, "is before firstBandEnd " + firstBandEnd);
    }
  }
}
