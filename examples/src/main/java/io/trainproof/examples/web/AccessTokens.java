package io.trainproof.examples.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.trainproof.web.vcapi.Caller;
import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * OAuth 2.0 bearer access tokens (JWTs, RFC 9068 style) from one configured authorization server,
 * checked offline with Nimbus JOSE+JWT: the signature against a configured JWK set (public keys
 * only, asymmetric algorithms only, so a token cannot choose {@code none} or an HMAC keyed with a
 * public key), {@code typ} {@code at+jwt} or {@code JWT} (or none), {@code iss} exactly the
 * configured issuer, {@code aud} containing the configured audience, {@code exp} present and {@code
 * nbf} respected with {@value #SKEW_SECONDS} seconds of skew, {@code sub} present (the caller's
 * actor id). Scopes come from {@code scope} (space-separated) or {@code scp} (a string or a list).
 * Thread-safe.
 */
public final class AccessTokens {
  /** The clock skew allowed on {@code exp} and {@code nbf}, in seconds. */
  public static final int SKEW_SECONDS = 60;

  /** The longest token looked at, in characters. */
  static final int MAX_TOKEN_CHARS = 4096;

  private static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.ES512);

  private final DefaultJWTProcessor<SecurityContext> processor;

  private AccessTokens(String issuer, String audience, JWKSet keys, Clock clock) {
    if (issuer.isBlank() || audience.isBlank()) {
      throw new IllegalArgumentException("an access token issuer and audience are required");
    }
    JWKSet publicKeys = keys.toPublicJWKSet();
    if (publicKeys.isEmpty()) {
      throw new IllegalArgumentException("the JWK set holds no public key");
    }
    processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), JOSEObjectType.JOSE, null));
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(ALGORITHMS, new ImmutableJWKSet<>(publicKeys)));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            Set.of(audience),
            new JWTClaimsSet.Builder().issuer(issuer).build(),
            Set.of("sub", "exp"),
            null) {
          @Override
          protected Date currentTime() {
            return Date.from(clock.instant());
          }
        };
    claims.setMaxClockSkew(SKEW_SECONDS);
    processor.setJWTClaimsSetVerifier(claims);
  }

  /**
   * Tokens from an authorization server whose keys are given.
   *
   * @param issuer the {@code iss} every token must carry
   * @param audience the {@code aud} every token must include (this host)
   * @param keys the server's keys (private parts, if any, are dropped)
   * @param clock the clock {@code exp} and {@code nbf} are compared with
   * @return the checker
   */
  public static AccessTokens of(String issuer, String audience, JWKSet keys, Clock clock) {
    return new AccessTokens(issuer, audience, keys, clock);
  }

  /**
   * Tokens from an authorization server whose JWK set is in a file (read once, no network).
   *
   * @param issuer the {@code iss} every token must carry
   * @param audience the {@code aud} every token must include
   * @param jwkSetFile the server's JWK set, {@code {"keys": [...]}}
   * @param clock the clock
   * @return the checker
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when it is not a JWK set
   */
  public static AccessTokens load(String issuer, String audience, Path jwkSetFile, Clock clock)
      throws IOException {
    try {
      return of(issuer, audience, JWKSet.load(jwkSetFile.toFile()), clock);
    } catch (ParseException e) {
      throw new IllegalArgumentException(jwkSetFile + " is not a JWK set", e);
    }
  }

  /**
   * Checks a token.
   *
   * @param token the bearer token as sent
   * @return the caller, or empty when the token is not valid (for whatever reason: the reason is
   *     not told to the sender)
   */
  public Optional<Caller> check(String token) {
    if (token.length() > MAX_TOKEN_CHARS) {
      return Optional.empty();
    }
    try {
      JWTClaimsSet claims = processor.process(token, null);
      String subject = claims.getSubject();
      if (subject == null || subject.isBlank() || subject.length() > 256) {
        return Optional.empty();
      }
      return Optional.of(new Caller(subject, scopes(claims), Caller.Via.ACCESS_TOKEN));
    } catch (ParseException | BadJOSEException | JOSEException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Set<String> scopes(JWTClaimsSet claims) throws ParseException {
    Set<String> scopes = new LinkedHashSet<>();
    String scope = claims.getStringClaim("scope");
    if (scope != null) {
      scopes.addAll(List.of(scope.trim().split("\\s+")));
    }
    Object scp = claims.getClaim("scp");
    if (scp instanceof String s) {
      scopes.addAll(List.of(s.trim().split("\\s+")));
    } else if (scp != null) {
      List<String> list = claims.getStringListClaim("scp");
      if (list != null) {
        scopes.addAll(list);
      }
    }
    scopes.remove("");
    return scopes;
  }
}
