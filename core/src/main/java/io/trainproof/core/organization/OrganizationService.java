package io.trainproof.core.organization;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.CrossOrganizationGrant;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;

/** Creates and reads organizations (tenants). Thread-safe. */
public interface OrganizationService {

  /**
   * What a new organization needs.
   *
   * @param name display name
   * @param zone the zone its due dates are counted in
   * @param retention how long records are kept: at least six years
   */
  record NewOrganization(String name, ZoneId zone, Period retention) {
    /**
     * A new organization keeping records for the six-year minimum.
     *
     * @param name display name
     * @param zone its zone
     * @return the request
     */
    public static NewOrganization of(String name, ZoneId zone) {
      return new NewOrganization(name, zone, Organization.MINIMUM_RETENTION);
    }
  }

  /**
   * Creates an organization.
   *
   * @param actor a platform actor ({@link Actor#platform})
   * @param request what it needs
   * @return the organization
   */
  Organization create(Actor actor, NewOrganization request);

  /**
   * The organization the actor acts in.
   *
   * @param actor the caller
   * @return the organization
   */
  Organization get(Actor actor);

  /**
   * Lets one vendor-support actor into an organization for at most 30 days. Every call that actor
   * makes there is audited.
   *
   * @param platform a platform actor ({@link Actor#platform})
   * @param organization the organization
   * @param supportActorId the vendor-support actor's id
   * @param reason why (a ticket number; never PHI)
   * @param expiresAt when the grant stops working
   * @return the grant
   */
  CrossOrganizationGrant grantVendorSupport(
      Actor platform,
      Id<Organization> organization,
      String supportActorId,
      String reason,
      Instant expiresAt);

  /**
   * Looks an organization up by id (for platform code that maps tenants).
   *
   * @param actor the caller; must act in that organization
   * @param id the id
   * @return the organization
   */
  Organization get(Actor actor, Id<Organization> id);
}
