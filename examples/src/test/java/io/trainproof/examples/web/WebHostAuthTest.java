package io.trainproof.examples.web;

import static io.trainproof.examples.web.WebFixture.JSON;
import static io.trainproof.examples.web.WebFixture.bearer;
import static io.trainproof.examples.web.WebFixture.issueRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import io.trainproof.core.ActorRole;
import io.trainproof.core.domain.Certificate;
import io.trainproof.signing.verify.CredentialVerifier;
import io.trainproof.signing.verify.FailureReason;
import io.trainproof.web.vcapi.ApiKeys;
import io.trainproof.web.vcapi.Caller;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may sign and read personal data (issue #17, finding 1): issuing and the dashboard need a
 * bearer API key or access token with the right scope; the attacks that forged a certificate and
 * un-revoked one by re-signing the status list are refused; cross-site and mistyped requests are
 * refused before anything is read.
 */
class WebHostAuthTest {
  /** The forged certificate of the finding: own subject, valid until 2099, no status entry. */
  static final String FORGED =
      "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
          + "\"type\":[\"VerifiableCredential\"],"
          + "\"validFrom\":\"2020-01-01T00:00:00Z\",\"validUntil\":\"2099-12-31T23:59:59Z\","
          + "\"credentialSubject\":{\"id\":\"did:example:attacker\","
          + "\"achievement\":{\"name\":\"HIPAA course\"}}}";

  WebFixture fx;

  @BeforeEach
  void start() throws Exception {
    fx = new WebFixture();
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  HttpResponse<String> issue(String body, String... headers) throws Exception {
    return fx.post("/credentials/issue", "application/json", body, headers);
  }

  @Test
  void issuingWithoutAuthenticationIs401WithABearerChallenge() throws Exception {
    HttpResponse<String> r = issue(issueRequest(FORGED));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer").doesNotContain("error="));
    assertThat(fx.signedFor).isEmpty();
  }

  @Test
  void aWrongKeyOrAMalformedHeaderIs401InvalidToken() throws Exception {
    for (String authorization :
        List.of(
            bearer(ApiKeys.generate(WebFixture.RANDOM)),
            bearer(fx.issueKey + "x"),
            "Basic " + Base64.getEncoder().encodeToString("a:b".getBytes(StandardCharsets.UTF_8)),
            "Bearer",
            fx.issueKey)) {
      HttpResponse<String> r = issue(issueRequest(FORGED), "Authorization", authorization);
      assertThat(r.statusCode()).as(authorization.length() + " chars").isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).contains("error=\"invalid_token\""));
    }
    assertThat(fx.signedFor).isEmpty();
  }

  @Test
  void aKeyWithoutTheScopeIs403InsufficientScope() throws Exception {
    for (String key : List.of(fx.dashboardKey, fx.otherKey)) {
      HttpResponse<String> r = issue(issueRequest(FORGED), "Authorization", bearer(key));
      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(r.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(
              v ->
                  assertThat(v)
                      .contains("error=\"insufficient_scope\"", "scope=\"credentials:issue\""));
    }
    HttpResponse<String> dashboard = fx.get("/dashboard", "Authorization", bearer(fx.issueKey));
    assertThat(dashboard.statusCode()).isEqualTo(403);
    assertThat(fx.signedFor).isEmpty();
    assertThat(fx.viewers).isEmpty();
  }

  @Test
  void aKeyWithTheScopeSignsAndTheSeamIsToldWhoAsked() throws Exception {
    HttpResponse<String> r =
        issue(
            issueRequest(
                "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
                    + "\"type\":[\"VerifiableCredential\"],"
                    + "\"credentialSubject\":{\"id\":\"did:example:subject\"}}"),
            "Authorization",
            bearer(fx.issueKey));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(fx.signedFor).containsExactly("hr-system");
  }

  @Test
  void theDashboardNeedsAuthenticationAndIsRenderedForTheCallerAsAnAuditor() throws Exception {
    HttpResponse<String> none = fx.get("/dashboard");
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.body()).doesNotContain("dashboard for");
    assertThat(fx.get("/dashboard", "Authorization", bearer("tpk_not-a-key-at-all")).statusCode())
        .isEqualTo(401);
    HttpResponse<String> ok = fx.get("/dashboard", "Authorization", bearer(fx.dashboardKey));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(fx.viewers).hasSize(1);
    assertThat(fx.viewers.get(0).id()).isEqualTo("privacy-officer");
    assertThat(fx.viewers.get(0).role()).isEqualTo(ActorRole.AUDITOR);
  }

  // ---------------------------------------------------------------- access tokens

  @Test
  void anAccessTokenSignedByTheConfiguredKeyIsAccepted() throws Exception {
    HttpResponse<String> r =
        issue(
            issueRequest(
                "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
                    + "\"type\":[\"VerifiableCredential\"],"
                    + "\"credentialSubject\":{\"id\":\"did:example:subject\"}}"),
            "Authorization",
            bearer(fx.jwt(WebFixture.claims())));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(fx.signedFor).containsExactly("lms-connector");
    // scp as a list works as well
    HttpResponse<String> dashboard =
        fx.get(
            "/dashboard",
            "Authorization",
            bearer(
                fx.jwt(
                    WebFixture.claims()
                        .claim("scope", null)
                        .claim("scp", List.of(Caller.DASHBOARD)))));
    assertThat(dashboard.statusCode()).isEqualTo(200);
  }

  @Test
  void expiredForeignOrMisaddressedAccessTokensAre401() throws Exception {
    Instant now = Instant.now();
    ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("login-1").generate();
    String good = fx.jwt(WebFixture.claims());
    String[] parts = good.split("\\.", -1);
    List<String> bad =
        List.of(
            fx.jwt(
                WebFixture.claims()
                    .issueTime(Date.from(now.minusSeconds(3600)))
                    .expirationTime(Date.from(now.minusSeconds(600)))),
            fx.jwt(WebFixture.claims().notBeforeTime(Date.from(now.plusSeconds(600)))),
            fx.jwt(WebFixture.claims().expirationTime(null)),
            fx.jwt(WebFixture.claims().audience("https://another-service.example.org/")),
            fx.jwt(WebFixture.claims().issuer("https://evil.example.org/")),
            fx.jwt(WebFixture.claims().subject(null)),
            WebFixture.jwt(WebFixture.claims(), stranger),
            // the payload changed under the signature
            parts[0]
                + "."
                + Base64URL.encode(
                    WebFixture.claims()
                        .subject("admin")
                        .build()
                        .toString()
                        .getBytes(StandardCharsets.UTF_8))
                + "."
                + parts[2],
            // alg none
            Base64URL.encode("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + "."
                + parts[1]
                + ".");
    for (String token : bad) {
      HttpResponse<String> r = issue(issueRequest(FORGED), "Authorization", bearer(token));
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).contains("error=\"invalid_token\""));
    }
    HttpResponse<String> noScope =
        issue(
            issueRequest(FORGED),
            "Authorization",
            bearer(fx.jwt(WebFixture.claims().claim("scope", "openid"))));
    assertThat(noScope.statusCode()).isEqualTo(403);
    assertThat(fx.signedFor).isEmpty();
  }

  // ---------------------------------------------------------------- the attacks

  @Test
  void theForgedCertificateAttackIsRefused() throws Exception {
    // As reproduced: an unauthenticated POST from the same machine.
    assertThat(issue(issueRequest(FORGED)).statusCode()).isEqualTo(401);
    // From a page in a browser that holds no key, cross-site.
    assertThat(
            issue(
                    issueRequest(FORGED),
                    "Authorization",
                    bearer(fx.issueKey),
                    "Origin",
                    "http://127.0.0.1:1")
                .statusCode())
        .isEqualTo(403);
    // Claiming to be the issuer's own status list does not help either.
    ObjectNode asList = (ObjectNode) JSON.readTree(FORGED);
    asList.put("id", statusList().path("id").asText());
    assertThat(
            issue(
                    issueRequest(JSON.writeValueAsString(asList)),
                    "Authorization",
                    bearer(fx.issueKey))
                .statusCode())
        .isEqualTo(422);
    assertThat(fx.signedFor).isEmpty();
  }

  @Test
  void theStatusListResigningAttackIsRefusedAndARevokedCertificateStaysRevoked() throws Exception {
    Certificate cert = fx.clinic.certificate();
    fx.clinic.tp.certificates().revoke(fx.clinic.fx.officer(), cert.id(), "wrong person");
    ObjectNode list = statusList();
    list.remove("proof");
    ((ObjectNode) list.get("credentialSubject")).put("encodedList", allClear());
    String resign = issueRequest(JSON.writeValueAsString(list));
    assertThat(issue(resign).statusCode()).isEqualTo(401);
    HttpResponse<String> withKey = issue(resign, "Authorization", bearer(fx.issueKey));
    assertThat(withKey.statusCode()).isEqualTo(422);
    assertThat(withKey.body()).contains("type: status list credentials are signed only by the SDK");

    // Renamed to a plain credential, it still claims the list's URL: refused.
    list.set("type", JSON.createArrayNode().add("VerifiableCredential"));
    ((ObjectNode) list.get("credentialSubject")).remove("type");
    HttpResponse<String> renamed =
        issue(issueRequest(JSON.writeValueAsString(list)), "Authorization", bearer(fx.issueKey));
    assertThat(renamed.statusCode()).isEqualTo(422);
    assertThat(renamed.body()).contains("one of this issuer's status list URLs");

    // A credential that brings its own entry in the issuer's revocation list: refused.
    ObjectNode withEntry = (ObjectNode) JSON.readTree(FORGED);
    withEntry
        .putObject("credentialStatus")
        .put("type", "BitstringStatusListEntry")
        .put("statusPurpose", "revocation")
        .put("statusListIndex", "7")
        .put("statusListCredential", statusList().path("id").asText());
    HttpResponse<String> entry =
        issue(
            issueRequest(JSON.writeValueAsString(withEntry)), "Authorization", bearer(fx.issueKey));
    assertThat(entry.statusCode()).isEqualTo(422);
    assertThat(fx.signedFor).isEmpty();

    assertThat(
            new CredentialVerifier(fx.clinic.trustBundle(), fx.clinic.clock)
                .verify(cert.credentialJson())
                .failureReasons())
        .contains(FailureReason.REVOKED);
  }

  ObjectNode statusList() throws Exception {
    return (ObjectNode) JSON.readTree(fx.get("/status/revocation").body());
  }

  static String allClear() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(new byte[131_072 / 8]);
    }
    return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
  }

  // ---------------------------------------------------------------- hygiene

  @Test
  void crossSiteRequestsAreRefused() throws Exception {
    String own = fx.base();
    String verify = "{\"verifiableCredential\":{}}";
    assertThat(
            fx.post(
                    "/credentials/verify",
                    "application/json",
                    verify,
                    "Sec-Fetch-Site",
                    "cross-site")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            fx.post(
                    "/credentials/verify",
                    "application/json",
                    verify,
                    "Origin",
                    "http://evil.example")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            fx.post(
                    "/verify",
                    "application/x-www-form-urlencoded",
                    "code=ABC",
                    "Origin",
                    "http://localhost:1")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            fx.get(
                    "/dashboard",
                    "Authorization",
                    bearer(fx.dashboardKey),
                    "Sec-Fetch-Site",
                    "cross-site")
                .statusCode())
        .isEqualTo(403);
    assertThat(fx.viewers).isEmpty();
    // the host's own origin, and no origin at all (curl, the W3C suite), pass
    assertThat(
            fx.post(
                    "/verify",
                    "application/x-www-form-urlencoded",
                    "code=ABC",
                    "Origin",
                    own,
                    "Sec-Fetch-Site",
                    "same-origin")
                .statusCode())
        .isEqualTo(404);
    assertThat(fx.post("/credentials/verify", "application/json", verify).statusCode())
        .isEqualTo(422);
    // a QR code link opened from another site is a navigation, and stays public
    assertThat(fx.get("/verify?code=ABC", "Sec-Fetch-Site", "cross-site").statusCode())
        .isEqualTo(404);
  }

  @Test
  void aWrongContentTypeIs415() throws Exception {
    String body = issueRequest(FORGED);
    String key = bearer(fx.issueKey);
    for (String type :
        List.of(
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/json; charset=iso-8859-1")) {
      assertThat(fx.post("/credentials/issue", type, body, "Authorization", key).statusCode())
          .as(type)
          .isEqualTo(415);
      assertThat(fx.post("/credentials/verify", type, "{}").statusCode()).as(type).isEqualTo(415);
    }
    assertThat(fx.post("/verify", "application/json", "code=ABC").statusCode()).isEqualTo(415);
    assertThat(fx.post("/verify", "text/plain", "code=ABC").statusCode()).isEqualTo(415);
    // parameters and the JSON-LD types are fine
    assertThat(
            fx.post(
                    "/credentials/verify",
                    "application/vc+ld+json; charset=UTF-8",
                    "{\"verifiableCredential\":{}}")
                .statusCode())
        .isEqualTo(422);
    assertThat(fx.signedFor).isEmpty();
  }

  @Test
  void aForeignHostHeaderIs421() {
    int port = fx.host.port();
    WebFixture.Raw evil =
        WebFixture.raw(
            port,
            WebFixture.ascii(
                "GET / HTTP/1.1\r\nHost: evil.example:" + port + "\r\nConnection: close\r\n\r\n"));
    assertThat(evil.status()).isEqualTo(421);
    WebFixture.Raw own =
        WebFixture.raw(
            port,
            WebFixture.ascii(
                "GET / HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n"));
    assertThat(own.status()).isEqualTo(200);
  }

  @Test
  void apiKeyFilesHoldOnlyHashes() throws Exception {
    String key = ApiKeys.generate(WebFixture.RANDOM);
    String line = ApiKeys.line(key, "ci", Set.of(Caller.ISSUE));
    assertThat(line).startsWith("sha256:").doesNotContain(key.substring(ApiKeys.PREFIX.length()));
    Path file = Files.createTempFile("keys", ".txt");
    try {
      Files.writeString(file, "# keys\n\n" + line + "\n");
      ApiKeys keys = ApiKeys.load(file);
      assertThat(keys.find(key)).map(Caller::id).hasValue("ci");
      assertThat(keys.find(key + "x")).isEmpty();
      Files.writeString(file, "sha256:abc ci credentials:issue\n");
      assertThatThrownBy(() -> ApiKeys.load(file)).hasMessageContaining("line 1");
    } finally {
      Files.delete(file);
    }
  }
}
