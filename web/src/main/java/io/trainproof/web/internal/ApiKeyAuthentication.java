package io.trainproof.web.internal;

import io.trainproof.web.vcapi.Caller;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A caller authenticated by an API key: its name is the key's actor id, its authorities are {@code
 * SCOPE_<scope>} (as Spring Security names a JWT's scopes), and it never holds the key. Immutable.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {
  private static final long serialVersionUID = 1L;

  private final Caller caller;

  /**
   * @param caller who the key belongs to
   */
  public ApiKeyAuthentication(Caller caller) {
    super(
        List.copyOf(
            caller.scopes().stream()
                .sorted()
                .map(s -> new SimpleGrantedAuthority("SCOPE_" + s))
                .toList()));
    this.caller = caller;
    setAuthenticated(true);
  }

  @Override
  public Caller getPrincipal() {
    return caller;
  }

  @Override
  public String getCredentials() {
    return "";
  }

  @Override
  public String getName() {
    return caller.id();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApiKeyAuthentication a
        && a.caller.equals(caller)
        && super.equals(other);
  }

  @Override
  public int hashCode() {
    return caller.hashCode();
  }
}
