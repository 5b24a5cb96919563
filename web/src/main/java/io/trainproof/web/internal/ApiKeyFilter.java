package io.trainproof.web.internal;

import io.trainproof.web.vcapi.ApiKeys;
import io.trainproof.web.vcapi.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <API key>} against the configured key hashes ({@link
 * ApiKeys}, constant-time). A bearer token shaped like a JWT (three dot-separated parts) is left to
 * the OAuth 2.0 resource server when the host configured one, and refused otherwise; so is a key
 * that matches no hash, or more than one {@code Authorization} header (401 Problem Details). No
 * header: the request goes on unauthenticated (public endpoints answer, protected ones 401).
 * Thread-safe.
 */
public final class ApiKeyFilter extends OncePerRequestFilter {
  /** The longest bearer credential looked at, in characters. */
  static final int MAX_TOKEN_CHARS = 8192;

  private final ApiKeys keys;
  private final boolean jwtConfigured;
  private final Set<String> ownBearerPaths;
  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();

  /**
   * @param keys the API keys
   * @param jwtConfigured true when an OAuth 2.0 resource server checks JWT bearer tokens
   */
  public ApiKeyFilter(ApiKeys keys, boolean jwtConfigured) {
    this(keys, jwtConfigured, Set.of());
  }

  /**
   * @param keys the API keys
   * @param jwtConfigured true when an OAuth 2.0 resource server checks JWT bearer tokens
   * @param ownBearerPaths paths (under the context path) whose bearer tokens are their own, not API
   *     keys: the OpenID4VCI credential endpoint takes the access token it issued
   */
  public ApiKeyFilter(ApiKeys keys, boolean jwtConfigured, Set<String> ownBearerPaths) {
    this.keys = keys;
    this.jwtConfigured = jwtConfigured;
    this.ownBearerPaths = Set.copyOf(ownBearerPaths);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return ownBearerPaths.contains(path);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    List<String> headers = Collections.list(request.getHeaders("Authorization"));
    if (headers.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    if (headers.size() > 1) {
      refuse(response, "Authorization: send exactly one header");
      return;
    }
    String value = headers.get(0).strip();
    int space = value.indexOf(' ');
    if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
      refuse(response, "Authorization: use the Bearer scheme with an API key or access token");
      return;
    }
    String token = value.substring(space + 1).strip();
    if (token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
      refuse(response, "Authorization: the bearer credential is empty or too long");
      return;
    }
    if (looksLikeJwt(token)) {
      if (jwtConfigured) {
        chain.doFilter(request, response);
      } else {
        refuse(response, "Authorization: this host accepts no access tokens, only API keys");
      }
      return;
    }
    Optional<Caller> caller = keys.find(token);
    if (caller.isEmpty()) {
      refuse(response, "Authorization: the API key is not valid");
      return;
    }
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(new ApiKeyAuthentication(caller.get()));
    contexts.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      contexts.clearContext();
    }
  }

  /**
   * @param token a bearer credential
   * @return true when it has a JWT's three parts
   */
  static boolean looksLikeJwt(String token) {
    return token.chars().filter(c -> c == '.').count() == 2;
  }

  private static void refuse(HttpServletResponse response, String detail) throws IOException {
    response.setHeader(
        "WWW-Authenticate",
        "Bearer realm=\"trainproof\", error=\"invalid_token\", error_description=\""
            + "the API key or access token is not valid\"");
    Problems.write(response, 401, detail);
  }
}
