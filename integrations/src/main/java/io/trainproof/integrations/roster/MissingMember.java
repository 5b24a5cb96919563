package io.trainproof.integrations.roster;

import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.WorkforceMember;

/**
 * A member who is not terminated but is missing from a full roster: flagged for a person to review
 * (a termination HR forgot to send, or an export that dropped people). Never terminated by the
 * sync. Immutable.
 *
 * @param member the member
 * @param externalId the HR id
 * @param status the member's current status
 */
public record MissingMember(Id<WorkforceMember> member, String externalId, MemberStatus status) {}
