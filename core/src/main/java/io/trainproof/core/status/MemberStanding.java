package io.trainproof.core.status;

import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.WorkforceMember;
import java.util.List;

/**
 * One active member's standing on a date: every requirement that applied to them that day and every
 * manual assignment open that day, and the worst of those statuses. The same answer as {@link
 * StatusService#forMember} and {@link StatusService#overall} give for the member, read in bulk.
 * Immutable.
 *
 * @param member the member
 * @param terms the member's terms in effect on the date (active)
 * @param worst the worst status, {@link ComplianceStatus#COMPLIANT} when nothing applied
 * @param statuses one entry per requirement or manual assignment
 */
public record MemberStanding(
    WorkforceMember member,
    MemberTerms terms,
    ComplianceStatus worst,
    List<RequirementStatus> statuses) {
  /** Copies the statuses. */
  public MemberStanding {
    statuses = List.copyOf(statuses);
  }
}
