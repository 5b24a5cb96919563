package io.trainproof.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A legal hold: while active, no record it covers may be purged. A hold covers the records of one
 * member, or of a date range, or both; with neither it covers every record of the matter's
 * organization. Immutable.
 *
 * @param id the hold's id
 * @param organization the organization
 * @param matter the matter (case or investigation reference, never PHI)
 * @param member the member whose records it covers, or null for all members
 * @param from first date covered, or null for no lower bound
 * @param to last date covered, or null for no upper bound
 * @param placedBy who placed it
 * @param placedAt when
 * @param releasedBy who released it
 * @param releasedAt when it was released; null while active
 */
public record LegalHold(
    Id<LegalHold> id,
    Id<Organization> organization,
    String matter,
    @Nullable Id<WorkforceMember> member,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    String placedBy,
    Instant placedAt,
    @Nullable String releasedBy,
    @Nullable Instant releasedAt) {

  /**
   * @return true until released
   */
  public boolean active() {
    return releasedAt == null;
  }

  /**
   * Whether the hold covers a record.
   *
   * @param recordMember the member the record is about, or null when it is about none
   * @param recordDate the record's date
   * @return true when active and both the member and the date fall inside it
   */
  public boolean covers(@Nullable Id<WorkforceMember> recordMember, LocalDate recordDate) {
    if (!active()) {
      return false;
    }
    boolean memberMatches = member == null || member.equals(recordMember);
    boolean dateMatches =
        (from == null || !recordDate.isBefore(from)) && (to == null || !recordDate.isAfter(to));
    return memberMatches && dateMatches;
  }
}
