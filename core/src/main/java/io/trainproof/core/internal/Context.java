package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.ForbiddenException;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.spi.Store;
import io.trainproof.core.spi.Transaction;
import java.time.Clock;
import java.time.LocalDate;

/**
 * What every service shares: the clock, the store and the engine. Thread-safe (holds only
 * thread-safe collaborators). Not API.
 *
 * @param clock the clock
 * @param store the store
 */
public record Context(Clock clock, Store store) {

  /**
   * Loads the organization an actor acts in: every call is scoped to it.
   *
   * @param tx the transaction
   * @param actor the caller
   * @param operation the operation name, for the error
   * @return the organization
   */
  public Organization organization(Transaction tx, Actor actor, String operation) {
    Check.notNull("actor", actor);
    Id<Organization> organization = actor.organization();
    if (organization == null) {
      throw new ForbiddenException(actor.id(), operation, "a platform actor must act in an organization");
    }
    return tx.organizations()
        .find(organization)
        .orElseThrow(() -> new NotFoundException("Organization", organization));
  }

  /**
   * Today's date in an organization's zone.
   *
   * @param organization the organization
   * @return today there
   */
  public LocalDate today(Organization organization) {
    return organization.dateOf(clock.instant());
  }
}
