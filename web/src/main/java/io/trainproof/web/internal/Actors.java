package io.trainproof.web.internal;

import io.trainproof.core.Actor;
import io.trainproof.web.ActorMapper;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The actor of the current request: the authenticated caller mapped by the host's {@link
 * ActorMapper}. Without a mapper, or without an authenticated caller, nothing is done in the SDK's
 * name: {@link Unmapped}, answered 503. Thread-safe.
 */
public final class Actors {
  private final @Nullable ActorMapper mapper;

  /**
   * @param mapper the host's mapper, or null when it supplied none
   */
  public Actors(@Nullable ActorMapper mapper) {
    this.mapper = mapper;
  }

  /** No actor could be had for the caller: answered 503, naming what the host must supply. */
  static final class Unmapped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unmapped(String message) {
      super(message);
    }
  }

  /**
   * @return the current caller's actor
   * @throws Unmapped when the host supplied no mapper or no caller is authenticated
   */
  Actor current() {
    if (mapper == null) {
      throw new Unmapped(
          "actor: this host supplies no io.trainproof.web.ActorMapper bean, so it acts for no"
              + " caller (issuing, revoking and the dashboard are off)");
    }
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      throw new Unmapped("actor: no authenticated caller");
    }
    return mapper.actorFor(authentication);
  }

  /**
   * @return true when the host supplied a mapper
   */
  public boolean configured() {
    return mapper != null;
  }
}
