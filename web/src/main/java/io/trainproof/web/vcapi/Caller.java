package io.trainproof.web.vcapi;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import java.util.Set;

/**
 * Who sent an authenticated request: the actor id an API key maps to, or an access token's {@code
 * sub}, with the scopes granted. Never holds the key or the token. Immutable.
 *
 * @param id the caller's actor id (what the SDK records as who asked)
 * @param scopes the scopes granted, e.g. {@value #ISSUE}
 * @param via how the caller authenticated
 */
public record Caller(String id, Set<String> scopes, Via via) {
  /**
   * The scope that lets a caller have the host sign a credential ({@code /credentials/issue}) and
   * revoke one the SDK signed ({@code /credentials/status}): who may issue may withdraw.
   */
  public static final String ISSUE = "credentials:issue";

  /** The scope that lets a caller read the compliance dashboard (personal data). */
  public static final String DASHBOARD = "dashboard:read";

  /** How a caller authenticated. */
  public enum Via {
    /** A configured API key (compared by its SHA-256 hash). */
    API_KEY,
    /** An OAuth 2.0 bearer access token (a JWT checked against the configured issuer). */
    ACCESS_TOKEN
  }

  /** Copies the scopes. */
  public Caller {
    if (id.isBlank()) {
      throw new IllegalArgumentException("a caller needs an actor id");
    }
    scopes = Set.copyOf(scopes);
  }

  /**
   * @param scope a scope
   * @return true when the caller was granted it
   */
  public boolean has(String scope) {
    return scopes.contains(scope);
  }

  /**
   * The caller as the SDK's actor.
   *
   * @param organization the organization the host serves
   * @param role the role the call runs in
   * @return an actor with the caller's id
   */
  public Actor actor(Id<Organization> organization, ActorRole role) {
    return new Actor(id, role, organization, null);
  }
}
