package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.ValidationException;
import io.trainproof.core.access.Operation;
import io.trainproof.core.domain.CrossOrganizationGrant;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.organization.OrganizationService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** Implements {@link OrganizationService}. Thread-safe. Not API. */
public final class OrganizationServiceImpl implements OrganizationService {
  private static final LocalDate REFERENCE = LocalDate.of(2001, 1, 1);
  private final Context ctx;

  /**
   * Creates the service.
   *
   * @param ctx shared collaborators
   */
  public OrganizationServiceImpl(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Organization create(Actor actor, NewOrganization request) {
    Check.notNull("actor", actor);
    if (actor.role() != ActorRole.PLATFORM) {
      throw ctx.refuse(
          actor, null, "create organization", "only the platform creates organizations");
    }
    Check.notNull("request", request);
    String name = Check.notBlank("name", request.name());
    Check.notNull("zone", request.zone());
    Check.notNull("retention", request.retention());
    if (REFERENCE
        .plus(request.retention())
        .isBefore(REFERENCE.plus(Organization.MINIMUM_RETENTION))) {
      throw new ValidationException(
          "retention", request.retention(), "is shorter than the six-year minimum");
    }
    Organization org =
        new Organization(
            Id.random(), name, request.zone(), request.retention(), ctx.clock().instant());
    return ctx.store()
        .inTransaction(
            tx -> {
              tx.organizations().insert(org);
              return org;
            });
  }

  @Override
  public Organization get(Actor actor) {
    return ctx.run(actor, Operation.ORGANIZATION_READ, Work::org);
  }

  @Override
  public CrossOrganizationGrant grantVendorSupport(
      Actor platform,
      Id<Organization> organization,
      String supportActorId,
      String reason,
      Instant expiresAt) {
    Check.notNull("platform", platform);
    Check.notNull("organization", organization);
    if (platform.role() != ActorRole.PLATFORM) {
      throw ctx.refuse(
          platform,
          organization,
          "grant vendor support",
          "only the platform grants cross-organization access");
    }
    String who = Check.notBlank("supportActorId", supportActorId);
    if (who.equals(platform.id())) {
      throw ctx.refuse(
          platform,
          organization,
          "grant vendor support",
          "the platform cannot grant access to itself; name the support actor");
    }
    String why = Check.notBlank("reason", reason);
    Instant now = ctx.clock().instant();
    Check.notNull("expiresAt", expiresAt);
    if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(Duration.ofDays(30)))) {
      throw new ValidationException("expiresAt", expiresAt, "must be in the next 30 days");
    }
    CrossOrganizationGrant grant =
        new CrossOrganizationGrant(
            Id.random(), organization, who, platform.id(), why, now, expiresAt, null);
    ctx.saveGrant(grant);
    return grant;
  }

  @Override
  public Organization get(Actor actor, Id<Organization> id) {
    Check.notNull("id", id);
    Organization org = get(actor);
    if (!org.id().equals(id)) {
      throw ctx.refuse(actor, id, "read organization", "acts for another organization");
    }
    return org;
  }
}
