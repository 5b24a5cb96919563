package io.trainproof.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.examples.SignedClinic;
import io.trainproof.web.vcapi.ApiKeys;
import io.trainproof.web.vcapi.Caller;
import io.trainproof.web.vcapi.CredentialSigning;
import io.trainproof.web.vcapi.StatusUpdates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /credentials/status} (the VC API's updateCredentialStatus) over real HTTP: a caller
 * holding {@value Caller#ISSUE} revokes a credential the host issued through the SDK, the
 * revocation is audited under the caller's id, and {@code /credentials/verify} then reports the
 * credential revoked. Issue 17, finding 1: before, a credential signed through the VC API had no
 * status entry and could never be revoked.
 */
class CredentialStatusEndpointTest {
  static final ObjectMapper JSON = new ObjectMapper();

  final SignedClinic clinic = new SignedClinic();
  final String issueKey = ApiKeys.generate(WebFixture.RANDOM);
  final String dashboardKey = ApiKeys.generate(WebFixture.RANDOM);
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  WebHost host;

  @BeforeEach
  void start() throws IOException {
    host =
        WebHost.start(
            new WebHost.Site(
                clinic.tp,
                clinic.system(),
                clinic.history,
                CredentialSigning.audited(clinic.tp),
                clinic.clock,
                null,
                Access.of(
                    ApiKeys.of(
                        List.of(
                            ApiKeys.Entry.ofKey(issueKey, "hr-system", Set.of(Caller.ISSUE)),
                            ApiKeys.Entry.ofKey(
                                dashboardKey, "privacy-officer", Set.of(Caller.DASHBOARD)))),
                    null),
                false),
            0);
  }

  @AfterEach
  void stop() {
    host.close();
  }

  HttpResponse<String> post(String path, String type, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> status(String body, String key) throws Exception {
    return post(
        "/credentials/status", "application/json", body, "Authorization", WebFixture.bearer(key));
  }

  static String revoke(String credentialId) {
    return "{\"credentialId\":\""
        + credentialId
        + "\",\"credentialStatus\":{\"type\":\"BitstringStatusList\","
        + "\"statusPurpose\":\"revocation\"},\"status\":true}";
  }

  /** Issues a credential through the SDK, as the W3C suites' shape, and returns it. */
  JsonNode issued() throws Exception {
    ObjectNode request = JSON.createObjectNode();
    ObjectNode credential = request.putObject("credential");
    credential.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
    credential.putArray("type").add("VerifiableCredential");
    credential.putObject("credentialSubject").put("id", "did:example:subject");
    request.putObject("options");
    HttpResponse<String> r =
        post(
            "/credentials/issue",
            "application/json",
            JSON.writeValueAsString(request),
            "Authorization",
            WebFixture.bearer(issueKey));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).get("verifiableCredential");
  }

  HttpResponse<String> verify(JsonNode vc) throws Exception {
    ObjectNode request = JSON.createObjectNode();
    request.set("verifiableCredential", vc);
    request.putObject("options");
    return post("/credentials/verify", "application/json", JSON.writeValueAsString(request));
  }

  List<AuditEntry> revocations() {
    return clinic
        .tp
        .audit()
        .entries(clinic.fx.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
        .stream()
        .filter(e -> e.action().equals("CREDENTIAL_REVOKED"))
        .toList();
  }

  @Test
  void aCredentialIssuedHereIsRevokedAndTheVerifyEndpointThenReportsItRevoked() throws Exception {
    JsonNode vc = issued();
    String id = vc.get("id").asText();
    JsonNode entry = vc.at("/credentialStatus/0");
    assertThat(entry.get("statusPurpose").asText()).isEqualTo("revocation");
    assertThat(verify(vc).statusCode()).isEqualTo(200);

    HttpResponse<String> revoked = status(revoke(id), issueKey);

    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(revoked.body());
    assertThat(body.get("credentialId").asText()).isEqualTo(id);
    assertThat(body.get("status").asBoolean()).isTrue();
    assertThat(body.at("/credentialStatus/statusListIndex").asText())
        .isEqualTo(entry.get("statusListIndex").asText());
    assertThat(body.at("/credentialStatus/statusListCredential").asText())
        .isEqualTo(entry.get("statusListCredential").asText());
    HttpResponse<String> verified = verify(vc);
    assertThat(verified.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(verified.body()).get("errors").toString()).contains("REVOKED");
    assertThat(revocations())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actorId()).isEqualTo("hr-system");
              assertThat(e.subjectId()).isEqualTo(id);
              assertThat(e.details()).containsEntry("reason", StatusUpdates.REVOKED_THROUGH_API);
            });

    HttpResponse<String> again = status(revoke(id), issueKey);
    assertThat(again.statusCode()).isEqualTo(422);
    assertThat(again.body()).contains("already revoked");
  }

  @Test
  void withoutAValidBearerIs401WithoutTheScopeIs403AndNothingIsRevoked() throws Exception {
    JsonNode vc = issued();
    String request = revoke(vc.get("id").asText());

    HttpResponse<String> anonymous = post("/credentials/status", "application/json", request);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
    assertThat(status(request, ApiKeys.generate(WebFixture.RANDOM)).statusCode()).isEqualTo(401);
    HttpResponse<String> noScope = status(request, dashboardKey);
    assertThat(noScope.statusCode()).isEqualTo(403);
    assertThat(noScope.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(h -> assertThat(h).contains("insufficient_scope"));

    assertThat(revocations()).isEmpty();
    assertThat(verify(vc).statusCode()).isEqualTo(200);
  }

  @Test
  void badRequestsAre400UnknownCredentialsAre404AndWhatTheHostDoesNotDoIs422() throws Exception {
    JsonNode vc = issued();
    String id = vc.get("id").asText();
    String index = vc.at("/credentialStatus/0/statusListIndex").asText();
    String list = vc.at("/credentialStatus/0/statusListCredential").asText();

    for (String malformed :
        List.of(
            "{not json",
            "[]",
            "{\"credentialId\":\"" + id + "\",\"status\":true}",
            "{\"credentialId\":\""
                + id
                + "\",\"credentialStatus\":{\"type\":\"BitstringStatusList\","
                + "\"statusPurpose\":\"revocation\"}}",
            "{\"credentialId\":7,\"credentialStatus\":{\"type\":\"BitstringStatusList\","
                + "\"statusPurpose\":\"revocation\"},\"status\":true}",
            revoke(id).replace("\"status\":true", "\"status\":\"yes\""),
            revoke(id).replace("}", ",\"reason\":\"x\"}"),
            revoke(id).replace("\"statusPurpose\":\"revocation\"", "\"statusPurpose\":1"))) {
      HttpResponse<String> r = status(malformed, issueKey);
      assertThat(r.statusCode()).as(malformed).isEqualTo(400);
      assertThat(JSON.readTree(r.body()).get("errors")).as(malformed).isNotEmpty();
    }
    assertThat(
            status(revoke("urn:uuid:00000000-0000-4000-8000-000000000000"), issueKey).statusCode())
        .isEqualTo(404);
    for (String unsupported :
        List.of(
            revoke(id).replace("revocation", "suspension"),
            revoke(id).replace("\"status\":true", "\"status\":false"),
            revoke(id).replace("BitstringStatusList", "StatusList2021Entry"),
            revoke(id)
                .replace(
                    "\"statusPurpose\":\"revocation\"",
                    "\"statusPurpose\":\"revocation\",\"statusListCredential\":"
                        + "\"https://elsewhere.example/status/revocation\""),
            revoke(id)
                .replace(
                    "\"statusPurpose\":\"revocation\"",
                    "\"statusPurpose\":\"revocation\",\"statusListIndex\":\""
                        + (Integer.parseInt(index) + 1)
                        + "\""))) {
      HttpResponse<String> r = status(unsupported, issueKey);
      assertThat(r.statusCode()).as(unsupported).isEqualTo(422);
    }
    assertThat(revocations()).as("nothing was revoked, nor audited as revoked").isEmpty();
    assertThat(verify(vc).statusCode()).isEqualTo(200);

    // the entry named in full is the credential's own: revoked
    HttpResponse<String> named =
        status(
            revoke(id)
                .replace(
                    "\"statusPurpose\":\"revocation\"",
                    "\"statusPurpose\":\"revocation\",\"statusListIndex\":\""
                        + index
                        + "\",\"statusListCredential\":\""
                        + list
                        + "\",\"id\":\""
                        + list
                        + "#"
                        + index
                        + "\""),
            issueKey);
    assertThat(named.statusCode()).as(named.body()).isEqualTo(200);

    HttpResponse<String> form =
        post(
            "/credentials/status",
            "text/plain",
            revoke(id),
            "Authorization",
            WebFixture.bearer(issueKey));
    assertThat(form.statusCode()).isEqualTo(415);
  }
}
