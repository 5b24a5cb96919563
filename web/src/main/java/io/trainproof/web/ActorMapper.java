package io.trainproof.web;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import org.springframework.security.core.Authentication;

/**
 * Maps an authenticated caller (an API key's {@link io.trainproof.web.vcapi.Caller}, or a JWT) to
 * the SDK's {@link Actor}: every call the web module makes to the SDK for a request runs as that
 * actor, so the audit trail names who asked. A host supplies one as a bean; without it the web
 * module refuses issuing, revoking and the dashboard (503, naming this type), and serves only the
 * public endpoints. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ActorMapper {
  /**
   * @param authentication the caller, authenticated and holding the endpoint's scope
   * @return the actor the SDK call runs as
   */
  Actor actorFor(Authentication authentication);

  /**
   * Maps every caller to the organization's system actor under the caller's own name (the API key's
   * actor id, or the JWT's {@code sub}): what the example host does. A host with its own user model
   * maps to officers, managers or auditors instead.
   *
   * @param organization the organization the callers act in
   * @return the mapper
   */
  static ActorMapper systemActorOf(Id<Organization> organization) {
    return authentication ->
        new Actor(authentication.getName(), ActorRole.SYSTEM, organization, null);
  }
}
