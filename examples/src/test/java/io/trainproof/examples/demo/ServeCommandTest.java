package io.trainproof.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainproof.core.audit.AuditChain;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.web.vcapi.ApiKeys;
import io.trainproof.web.vcapi.Caller;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code trainproof serve} on the demo: a TEST issuer with the demo's throwaway key unless a real
 * key is given on purpose, and issuing and the dashboard only with the printed one-time API key or
 * a key file.
 */
@Tag("slow")
class ServeCommandTest {
  static final String ISSUE_BODY =
      "{\"credential\":{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
          + "\"type\":[\"VerifiableCredential\"],\"credentialSubject\":{\"id\":\"did:example:s\"}},"
          + "\"options\":{}}";

  @TempDir static Path dir;
  static Path demo;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void runTheDemoOnce() {
    demo = dir.resolve("demo");
    new ClinicDemo(demo, new PrintWriter(new StringWriter())).open().close();
  }

  static ServeCommand command(String... args) {
    ServeCommand c = new ServeCommand();
    new CommandLine(c).parseArgs(args);
    return c;
  }

  HttpResponse<String> send(String url, String method, String body, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .method(
                method,
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void serveIsATestIssuerAndOnlyItsOneTimeKeyIssuesOrReadsTheDashboard() throws Exception {
    StringWriter out = new StringWriter();
    try (ServeCommand.Running r =
        command("--dir", demo.toString(), "--port", "0").start(new PrintWriter(out, true))) {
      String base = "http://127.0.0.1:" + r.host().port();
      String printed = out.toString();
      assertThat(printed).contains("as a TEST issuer", "One-time API key");
      String key =
          printed
              .lines()
              .map(String::strip)
              .filter(l -> l.startsWith(ApiKeys.PREFIX))
              .findFirst()
              .orElseThrow();

      assertThat(send(base + "/", "GET", "").body()).contains("id=\"test-issuer\"", "TEST issuer");
      assertThat(send(base + "/.well-known/did.json", "GET", "").body())
          .contains("trainproofTestIssuer");

      String json = "application/json";
      assertThat(
              send(base + "/credentials/issue", "POST", ISSUE_BODY, "Content-Type", json)
                  .statusCode())
          .isEqualTo(401);
      HttpResponse<String> issued =
          send(
              base + "/credentials/issue",
              "POST",
              ISSUE_BODY,
              "Content-Type",
              json,
              "Authorization",
              "Bearer " + key);
      assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
      // the signature is the SDK's, audited in the organization's trail with the caller's id
      List<AuditEntry> signatures =
          r
              .world()
              .tp()
              .audit()
              .entries(r.world().officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
              .stream()
              .filter(e -> e.action().equals("CREDENTIAL_SIGNED"))
              .toList();
      assertThat(signatures).hasSize(1);
      assertThat(signatures.get(0).actorId()).isEqualTo(ServeCommand.ONE_TIME_ACTOR);
      assertThat(signatures.get(0).details())
          .containsEntry("verificationMethod", r.world().key().keyId())
          .containsEntry(
              "credentialSha256",
              AuditChain.sha256(
                  StrictJson.write(StrictJson.parse(issued.body()).get("verifiableCredential"))));

      assertThat(send(base + "/dashboard", "GET", "").statusCode()).isEqualTo(401);
      HttpResponse<String> dashboard =
          send(base + "/dashboard", "GET", "", "Authorization", "Bearer " + key);
      assertThat(dashboard.statusCode()).as(dashboard.body()).isEqualTo(200);
      assertThat(dashboard.body()).contains("<html");
    }
  }

  @Test
  void aTestHostAlsoSignsAsThrowawayDidKeyIssuersOfEachKeyTypeForTheW3cSuites() throws Exception {
    StringWriter out = new StringWriter();
    try (ServeCommand.Running r =
        command("--dir", demo.toString(), "--port", "0").start(new PrintWriter(out, true))) {
      String base = "http://127.0.0.1:" + r.host().port();
      String key =
          out.toString()
              .lines()
              .map(String::strip)
              .filter(l -> l.startsWith(ApiKeys.PREFIX))
              .findFirst()
              .orElseThrow();
      JsonNode issuers = StrictJson.parse(send(base + "/credentials/issuers", "GET", "").body());
      assertThat(issuers).hasSize(4);
      assertThat(issuers.get(3).get("id").asText()).startsWith("did:web:");
      Map<String, String> byType = new HashMap<>();
      issuers.forEach(i -> byType.putIfAbsent(i.get("keyType").asText(), i.get("id").asText()));
      assertThat(byType.get("Ed25519")).startsWith("did:key:z6Mk");
      assertThat(byType).containsKeys("Ed25519", "P-256", "P-384");
      assertThat(byType.get("P-384")).startsWith("did:key:z82L");

      String[] suites = {"eddsa-rdfc-2022", "ecdsa-jcs-2019", "ecdsa-rdfc-2019"};
      String[] types = {"Ed25519", "P-256", "P-384"};
      for (int i = 0; i < suites.length; i++) {
        String body =
            "{\"credential\":{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
                + "\"https://www.w3.org/ns/credentials/examples/v2\"],"
                + "\"type\":[\"VerifiableCredential\",\"ExampleCredential\"],"
                + "\"issuer\":\""
                + byType.get(types[i])
                + "\",\"credentialSubject\":{\"id\":\"did:example:s\",\"name\":\"x\"}},"
                + "\"options\":{\"cryptosuite\":\""
                + suites[i]
                + "\"}}";
        HttpResponse<String> issued =
            send(
                base + "/credentials/issue",
                "POST",
                body,
                "Content-Type",
                "application/json",
                "Authorization",
                "Bearer " + key);
        assertThat(issued.statusCode()).as(suites[i] + " " + issued.body()).isEqualTo(201);
        JsonNode vc = StrictJson.parse(issued.body()).get("verifiableCredential");
        assertThat(vc.at("/proof/cryptosuite").asText()).isEqualTo(suites[i]);
        HttpResponse<String> verified =
            send(
                base + "/credentials/verify",
                "POST",
                "{\"verifiableCredential\":" + StrictJson.write(vc) + "}",
                "Content-Type",
                "application/json");
        assertThat(verified.statusCode()).as(suites[i] + " " + verified.body()).isEqualTo(200);
      }
      // a suite that does not fit the key is refused with the reason
      String mismatch =
          ISSUE_BODY
              .replace(
                  "\"type\":[\"VerifiableCredential\"],",
                  "\"type\":[\"VerifiableCredential\"],\"issuer\":\"" + byType.get("P-256") + "\",")
              .replace("\"options\":{}", "\"options\":{\"cryptosuite\":\"eddsa-jcs-2022\"}");
      HttpResponse<String> refused =
          send(
              base + "/credentials/issue",
              "POST",
              mismatch,
              "Content-Type",
              "application/json",
              "Authorization",
              "Bearer " + key);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
      assertThat(refused.body()).contains("does not sign with a P-256 key");
    }
  }

  @Test
  void aKeyFileReplacesTheOneTimeKey() throws Exception {
    String key = ApiKeys.generate(new SecureRandom());
    Path keys =
        Files.writeString(
            dir.resolve("keys.txt"), ApiKeys.line(key, "auditor-1", Set.of(Caller.DASHBOARD)));
    StringWriter out = new StringWriter();
    try (ServeCommand.Running r =
        command("--dir", demo.toString(), "--port", "0", "--api-keys", keys.toString())
            .start(new PrintWriter(out, true))) {
      assertThat(out.toString()).doesNotContain("One-time", ApiKeys.PREFIX);
      String base = "http://127.0.0.1:" + r.host().port();
      assertThat(
              send(
                      base + "/credentials/issue",
                      "POST",
                      ISSUE_BODY,
                      "Content-Type",
                      "application/json",
                      "Authorization",
                      "Bearer " + key)
                  .statusCode())
          .isEqualTo(403);
      assertThat(
              send(base + "/dashboard", "GET", "", "Authorization", "Bearer " + key).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void aRealKeyNeedsBothOptionsAndIsNotMarkedTest() throws Exception {
    String did = "did:web:real.example.org";
    SigningKey real = SigningKey.generate(KeyAlgorithm.ED25519, did + "#k1", new SecureRandom());
    Path history =
        Files.writeString(
            dir.resolve("history.json"),
            // A key made a minute ago, as keys generate makes one: serve signs with it at the
            // real time (the demo's clock reads today 09:00 in Chicago, before such a key was
            // active, and every signature after 15:00 UTC failed).
            IssuerKeyHistory.start(
                    did, real.keyId(), real.publicKey(), Instant.now().minus(Duration.ofMinutes(1)))
                .toJson());
    Path pem = Files.writeString(dir.resolve("real.pem"), real.toPkcs8Pem());
    assertThatThrownBy(
            () ->
                command("--dir", demo.toString(), "--port", "0", "--key", pem.toString())
                    .start(new PrintWriter(new StringWriter())))
        .hasMessageContaining("go together");
    Path other =
        Files.writeString(
            dir.resolve("other.pem"),
            SigningKey.generate(KeyAlgorithm.ED25519, did + "#k1", new SecureRandom())
                .toPkcs8Pem());
    assertThatThrownBy(
            () ->
                command(
                        "--dir",
                        demo.toString(),
                        "--port",
                        "0",
                        "--key-history",
                        history.toString(),
                        "--key",
                        other.toString())
                    .start(new PrintWriter(new StringWriter())))
        .hasMessageContaining("is not the private key");

    StringWriter out = new StringWriter();
    try (ServeCommand.Running r =
        command(
                "--dir",
                demo.toString(),
                "--port",
                "0",
                "--key-history",
                history.toString(),
                "--key",
                pem.toString())
            .start(new PrintWriter(out, true))) {
      assertThat(out.toString()).contains("as " + did).doesNotContain("TEST issuer");
      String base = "http://127.0.0.1:" + r.host().port();
      assertThat(send(base + "/", "GET", "").body()).doesNotContain("test-issuer");
      assertThat(send(base + "/.well-known/did.json", "GET", "").body())
          .contains(did)
          .doesNotContain("trainproofTestIssuer");

      // a real key signs through the SDK too: every signature is in the organization's trail
      String apiKey =
          out.toString()
              .lines()
              .map(String::strip)
              .filter(l -> l.startsWith(ApiKeys.PREFIX))
              .findFirst()
              .orElseThrow();
      HttpResponse<String> issued =
          send(
              base + "/credentials/issue",
              "POST",
              ISSUE_BODY,
              "Content-Type",
              "application/json",
              "Authorization",
              "Bearer " + apiKey);
      assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
      JsonNode credential = StrictJson.parse(issued.body()).get("verifiableCredential");
      assertThat(credential.get("proof").get("verificationMethod").asText())
          .isEqualTo(real.keyId());
      List<AuditEntry> signatures =
          r
              .world()
              .tp()
              .audit()
              .entries(r.world().officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
              .stream()
              .filter(e -> e.action().equals("CREDENTIAL_SIGNED"))
              .filter(e -> real.keyId().equals(e.details().get("verificationMethod")))
              .toList();
      assertThat(signatures).hasSize(1);
      assertThat(signatures.get(0).actorId()).isEqualTo(ServeCommand.ONE_TIME_ACTOR);
      assertThat(signatures.get(0).details())
          .containsEntry("credentialSha256", AuditChain.sha256(StrictJson.write(credential)));
      // and the status lists it publishes are the real issuer's, at its own web address
      JsonNode list = StrictJson.parse(send(base + "/status/revocation", "GET", "").body());
      assertThat(list.get("proof").get("verificationMethod").asText()).isEqualTo(real.keyId());
      assertThat(list.get("id").asText()).startsWith("https://real.example.org/status");
    }
  }

  @Test
  void aRealIssuersStatusListsLiveAtTheAddressItsDidNames() {
    assertThat(ServeCommand.publicUrl("did:web:real.example.org"))
        .isEqualTo("https://real.example.org");
    assertThat(ServeCommand.publicUrl("did:web:example.org%3A8443:clinics:lakeside"))
        .isEqualTo("https://example.org:8443/clinics/lakeside");
    assertThat(ServeCommand.publicUrl("https://issuer.example.org/badges/issuer.json"))
        .isEqualTo("https://issuer.example.org");
    assertThatThrownBy(
            () ->
                ServeCommand.publicUrl("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"))
        .hasMessageContaining("no web address");
  }
}
