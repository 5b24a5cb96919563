package io.trainproof.integrations.roster;

import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.WorkforceType;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One person as the HR system sees them today. Values are checked when the roster is applied, so a
 * bad row becomes a row error rather than an exception. Immutable.
 *
 * @param externalId the HR id, unique per organization and per roster
 * @param displayName a name for reports
 * @param type workforce type
 * @param roles job role codes
 * @param department department or site
 * @param managerExternalId the manager's HR id, or null for none
 * @param engagedOn the engagement (hire) date
 * @param status active, on leave or terminated
 * @param statusDate when the status began (a leave's first day, a return, a termination); null for
 *     the sync's effective date
 */
public record RosterRow(
    String externalId,
    String displayName,
    WorkforceType type,
    Set<String> roles,
    String department,
    @Nullable String managerExternalId,
    LocalDate engagedOn,
    MemberStatus status,
    @Nullable LocalDate statusDate) {

  /** Makes the roles immutable. */
  public RosterRow {
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }

  /**
   * An active member.
   *
   * @param externalId the HR id
   * @param displayName the name
   * @param type the type
   * @param roles the roles
   * @param department the department
   * @param managerExternalId the manager's HR id, or null
   * @param engagedOn the engagement date
   * @return the row
   */
  public static RosterRow active(
      String externalId,
      String displayName,
      WorkforceType type,
      Set<String> roles,
      String department,
      @Nullable String managerExternalId,
      LocalDate engagedOn) {
    return new RosterRow(
        externalId,
        displayName,
        type,
        roles,
        department,
        managerExternalId,
        engagedOn,
        MemberStatus.ACTIVE,
        null);
  }

  /**
   * This row with another status.
   *
   * @param newStatus the status
   * @param since when it began, or null for the sync's effective date
   * @return the row
   */
  public RosterRow withStatus(MemberStatus newStatus, @Nullable LocalDate since) {
    return new RosterRow(
        externalId,
        displayName,
        type,
        roles,
        department,
        managerExternalId,
        engagedOn,
        newStatus,
        since);
  }
}
