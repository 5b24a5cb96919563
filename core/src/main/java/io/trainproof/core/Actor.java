package io.trainproof.core;

import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.internal.Check;
import org.jspecify.annotations.Nullable;

/**
 * Who a call runs for. Every service call names its actor; the actor's id is recorded with every
 * change. Immutable.
 *
 * @param id the host's identifier for the caller (a user id, never a name or email)
 * @param role the role the caller acts in
 * @param organization the organization the caller acts in (every call is scoped to it); null only
 *     for a platform actor, which may create organizations and nothing else
 * @param member the caller's own workforce record, for members and managers
 */
public record Actor(
    String id,
    ActorRole role,
    @Nullable Id<Organization> organization,
    @Nullable Id<WorkforceMember> member) {

  /** Checks the values. */
  public Actor {
    id = Check.notBlank("actor.id", id);
    Check.notNull("actor.role", role);
    if (organization == null && role != ActorRole.PLATFORM) {
      throw new ValidationException("actor.organization", null, "is required for role " + role);
    }
    if (organization != null && role == ActorRole.PLATFORM) {
      throw new ValidationException(
          "actor.organization", organization, "must be null: the platform acts in no organization");
    }
  }

  /**
   * The scheduler or another automated job of an organization.
   *
   * @param organization the organization
   * @return the system actor
   */
  public static Actor system(Id<Organization> organization) {
    return new Actor("system", ActorRole.SYSTEM, organization, null);
  }

  /**
   * A compliance officer of an organization.
   *
   * @param id the host's user id
   * @param organization the organization
   * @return the actor
   */
  public static Actor complianceOfficer(String id, Id<Organization> organization) {
    return new Actor(id, ActorRole.COMPLIANCE_OFFICER, organization, null);
  }

  /**
   * The vendor's platform itself, e.g. when creating organizations.
   *
   * @param id the host's identifier for the operator
   * @return the actor
   */
  public static Actor platform(String id) {
    return new Actor(id, ActorRole.PLATFORM, null, null);
  }
}
