package io.trainproof.core.domain;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What was true of a member from a date on, until the next terms take over: workforce type, job
 * roles, department or site, manager and status. A member's history is a list of these; nothing is
 * overwritten. Immutable.
 *
 * @param effectiveFrom the first date these terms apply
 * @param type the kind of workforce member
 * @param roles job role codes, as the host names them
 * @param department department or site code
 * @param manager the member's manager, if any
 * @param status engagement status
 */
public record MemberTerms(
    LocalDate effectiveFrom,
    WorkforceType type,
    Set<String> roles,
    String department,
    @Nullable Id<WorkforceMember> manager,
    MemberStatus status) {

  /** Makes the role set immutable. */
  public MemberTerms {
    roles = Set.copyOf(roles);
  }

  /**
   * The same terms from another date with another status.
   *
   * @param from the new effective date
   * @param newStatus the new status
   * @return the new terms
   */
  public MemberTerms withStatus(LocalDate from, MemberStatus newStatus) {
    return new MemberTerms(from, type, roles, department, manager, newStatus);
  }
}
