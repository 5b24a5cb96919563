package io.trainproof.examples.web;

import io.trainproof.web.vcapi.ApiKeys;
import io.trainproof.web.vcapi.Caller;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who may call the web host's protected endpoints: {@code Authorization: Bearer <credential>},
 * where the credential is an API key ({@link ApiKeys}) or, when it has the shape of a JWT, an OAuth
 * 2.0 access token ({@link AccessTokens}). With neither configured ({@link #none()}) every
 * protected request is refused. Immutable and thread-safe.
 */
public final class Access {
  private final @Nullable ApiKeys apiKeys;
  private final @Nullable AccessTokens accessTokens;

  private Access(@Nullable ApiKeys apiKeys, @Nullable AccessTokens accessTokens) {
    this.apiKeys = apiKeys;
    this.accessTokens = accessTokens;
  }

  /**
   * @return access that lets no one in (issuing and the dashboard are refused)
   */
  public static Access none() {
    return new Access(null, null);
  }

  /**
   * @param apiKeys the API keys, or null for none
   * @param accessTokens the access-token issuer, or null for none
   * @return the access
   */
  public static Access of(@Nullable ApiKeys apiKeys, @Nullable AccessTokens accessTokens) {
    return new Access(apiKeys, accessTokens);
  }

  /** What the {@code Authorization} header amounted to. */
  sealed interface Outcome {}

  /** No credential was sent. */
  record Missing() implements Outcome {}

  /** A credential was sent and is not valid (unknown key, bad token, malformed header). */
  record Invalid() implements Outcome {}

  /**
   * A valid credential.
   *
   * @param caller who sent it
   */
  record Authenticated(Caller caller) implements Outcome {}

  /**
   * Authenticates a request by its {@code Authorization} headers.
   *
   * @param authorization every {@code Authorization} header value sent
   * @return the outcome
   */
  Outcome authenticate(List<String> authorization) {
    if (authorization.isEmpty()) {
      return new Missing();
    }
    if (authorization.size() > 1) {
      return new Invalid();
    }
    String value = authorization.get(0).strip();
    int space = value.indexOf(' ');
    if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
      return new Invalid();
    }
    String token = value.substring(space + 1).strip();
    if (token.isEmpty() || token.length() > AccessTokens.MAX_TOKEN_CHARS) {
      return new Invalid();
    }
    Optional<Caller> caller = Optional.empty();
    if (looksLikeJwt(token)) {
      if (accessTokens != null) {
        caller = accessTokens.check(token);
      }
    } else if (apiKeys != null) {
      caller = apiKeys.find(token);
    }
    return caller.<Outcome>map(Authenticated::new).orElseGet(Invalid::new);
  }

  private static boolean looksLikeJwt(String token) {
    return token.chars().filter(c -> c == '.').count() == 2;
  }
}
