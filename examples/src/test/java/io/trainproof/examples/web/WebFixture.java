package io.trainproof.examples.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.trainproof.core.Actor;
import io.trainproof.examples.SignedClinic;
import io.trainproof.signing.key.InMemoryKeyProvider;
import io.trainproof.web.vcapi.ApiKeys;
import io.trainproof.web.vcapi.Caller;
import io.trainproof.web.vcapi.CredentialSigning;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A signing clinic behind a web host on a free local port, with three API keys (one per scope and
 * one with neither), an OAuth 2.0 token issuer with its own P-256 key, and a signing seam that
 * records who asked.
 */
final class WebFixture implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String TOKEN_ISSUER = "https://login.example.org/";
  static final String AUDIENCE = "https://verify.clinic.example.org/";
  static final SecureRandom RANDOM = new SecureRandom();

  final String issueKey = ApiKeys.generate(RANDOM);
  final String dashboardKey = ApiKeys.generate(RANDOM);
  final String otherKey = ApiKeys.generate(RANDOM);
  final ECKey tokenKey;
  final SignedClinic clinic = new SignedClinic();

  /** The callers the signing seam was asked by, and the dashboard viewers. */
  final List<String> signedFor = new CopyOnWriteArrayList<>();

  final List<Actor> viewers = new CopyOnWriteArrayList<>();
  final WebHost host;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  WebFixture() throws IOException {
    this(WebHost.Settings.DEFAULT);
  }

  WebFixture(WebHost.Settings settings) throws IOException {
    try {
      tokenKey = new ECKeyGenerator(Curve.P_256).keyID("login-1").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    host = WebHost.start(site(), settings, 0);
  }

  WebHost.Site site() {
    CredentialSigning direct =
        TestSites.direct(
            new InMemoryKeyProvider().add(clinic.key).signer(clinic.key.keyId()).orElseThrow(),
            clinic.clock);
    return new WebHost.Site(
        clinic.tp,
        clinic.system(),
        clinic.history,
        (caller, unsigned, suite) -> {
          signedFor.add(caller.id());
          return direct.sign(caller, unsigned, suite);
        },
        clinic.clock,
        viewer -> {
          viewers.add(viewer);
          return "<html>dashboard for " + viewer.id() + "</html>";
        },
        Access.of(
            ApiKeys.of(
                List.of(
                    ApiKeys.Entry.ofKey(issueKey, "hr-system", Set.of(Caller.ISSUE)),
                    ApiKeys.Entry.ofKey(dashboardKey, "privacy-officer", Set.of(Caller.DASHBOARD)),
                    ApiKeys.Entry.ofKey(otherKey, "someone", Set.of("reports:read")))),
            AccessTokens.of(
                TOKEN_ISSUER, AUDIENCE, new JWKSet(tokenKey.toPublicJWK()), Clock.systemUTC())),
        false);
  }

  @Override
  public void close() {
    host.close();
  }

  String base() {
    return "http://127.0.0.1:" + host.port();
  }

  // ---------------------------------------------------------------- tokens

  /** Claims of a valid access token for the issue scope. */
  static JWTClaimsSet.Builder claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(TOKEN_ISSUER)
        .audience(AUDIENCE)
        .subject("lms-connector")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("scope", "openid " + Caller.ISSUE);
  }

  String jwt(JWTClaimsSet.Builder claims) {
    return jwt(claims, tokenKey);
  }

  static String jwt(JWTClaimsSet.Builder claims, ECKey key) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.ES256)
                  .keyID(key.getKeyID())
                  .type(new JOSEObjectType("at+jwt"))
                  .build(),
              claims.build());
      jwt.sign(new ECDSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- HTTP

  HttpResponse<String> post(String path, String type, String body, String... headers)
      throws IOException, InterruptedException {
    return post(path, type, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  HttpResponse<String> post(String path, String type, byte[] body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String bearer(String credential) {
    return "Bearer " + credential;
  }

  /** An issue request for a credential with the given members. */
  static String issueRequest(String credentialJson) {
    return "{\"credential\":" + credentialJson + ",\"options\":{}}";
  }

  /**
   * What came back on a raw connection: the status (0 when the connection closed with no answer)
   * and everything read until the server closed it.
   *
   * @param status the status code, or 0
   * @param text what was read
   */
  record Raw(int status, String text) {}

  /**
   * Sends raw bytes and reads until the server closes the connection (or 15 s pass: then the test
   * fails on the status).
   */
  static Raw raw(int port, byte[] request) {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(15_000);
      OutputStream out = s.getOutputStream();
      out.write(request);
      out.flush();
      return readAll(s.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Raw readAll(InputStream in) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try {
      for (int n; (n = in.read(buf)) >= 0; ) {
        got.write(buf, 0, n);
      }
    } catch (SocketException e) {
      // why: a reset after the answer still leaves the answer read so far
    }
    String text = got.toString(StandardCharsets.ISO_8859_1);
    int status =
        text.startsWith("HTTP/1.1 ") && text.length() >= 12
            ? Integer.parseInt(text.substring(9, 12))
            : 0;
    return new Raw(status, text);
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
