package io.trainproof.integrations.xapi;

import java.util.Optional;

/**
 * The host's mapping from a statement's actor to a member's external (HR) id. Empty means "nobody
 * we know": the statement is reported as an unknown member. Must be thread-safe if the importer is
 * shared.
 */
@FunctionalInterface
public interface MemberMapping {

  /**
   * Maps an actor.
   *
   * @param actor the statement's actor
   * @return the member's external id, or empty
   */
  Optional<String> externalIdFor(XapiAgent actor);

  /**
   * Reads {@code account.name} as the external id, for an LMS whose accounts are the HR ids.
   *
   * @param homePage the only account home page accepted
   * @return the mapping
   */
  static MemberMapping accountName(String homePage) {
    return actor ->
        homePage.equals(actor.accountHomePage())
            ? Optional.ofNullable(actor.accountName())
            : Optional.empty();
  }
}
