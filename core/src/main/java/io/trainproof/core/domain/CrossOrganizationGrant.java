package io.trainproof.core.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An explicit grant letting one vendor-support actor into one organization for a while. Without
 * one, vendor support is refused. Immutable.
 *
 * @param id the grant's id
 * @param organization the organization it opens
 * @param actorId the vendor-support actor it is for
 * @param grantedBy who granted it (a compliance officer of that organization, or the platform)
 * @param reason why (a ticket number, never PHI)
 * @param grantedAt when
 * @param expiresAt when it stops working
 * @param revokedAt when it was revoked early, if it was
 */
public record CrossOrganizationGrant(
    Id<CrossOrganizationGrant> id,
    Id<Organization> organization,
    String actorId,
    String grantedBy,
    String reason,
    Instant grantedAt,
    Instant expiresAt,
    @Nullable Instant revokedAt) {

  /**
   * Whether the grant lets its actor in at an instant.
   *
   * @param at the instant
   * @return true when granted, not expired and not revoked
   */
  public boolean activeAt(Instant at) {
    return !at.isBefore(grantedAt)
        && at.isBefore(expiresAt)
        && (revokedAt == null || at.isBefore(revokedAt));
  }
}
