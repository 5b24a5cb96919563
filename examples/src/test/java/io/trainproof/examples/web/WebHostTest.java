package io.trainproof.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.domain.Certificate;
import io.trainproof.examples.SignedClinic;
import io.trainproof.signing.key.InMemoryKeyProvider;
import java.io.IOException;
import java.net.BindException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The web host over real HTTP on a free local port. */
class WebHostTest {
  static final ObjectMapper JSON = new ObjectMapper();
  WebFixture fx;
  SignedClinic clinic;
  WebHost host;

  @BeforeEach
  void start() throws IOException {
    fx = new WebFixture();
    clinic = fx.clinic;
    host = fx.host;
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  HttpResponse<String> post(String path, String type, String body) throws Exception {
    return path.equals("/credentials/issue")
        ? fx.post(path, type, body, "Authorization", WebFixture.bearer(fx.issueKey))
        : fx.post(path, type, body);
  }

  HttpResponse<String> get(String path) throws Exception {
    return fx.get(path);
  }

  String form(String field, String value) {
    return field + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void theVerificationPageSaysValidRevokedWithReasonAndTampered() throws Exception {
    Certificate cert = clinic.certificate();
    assertThat(get("/").body()).contains("Verify a training certificate", "name=\"code\"");
    HttpResponse<String> byCode =
        post("/verify", "application/x-www-form-urlencoded", form("code", cert.verificationCode()));
    assertThat(byCode.body()).contains("id=\"verdict\">Valid<", "HIPAA");
    String tampered = cert.credentialJson().replace("HIPAA course", "HIPAA COURSE");
    assertThat(
            post("/verify", "application/x-www-form-urlencoded", form("credential", tampered))
                .body())
        .contains("tampered");
    clinic.tp.certificates().revoke(clinic.fx.officer(), cert.id(), "issued to the wrong person");
    assertThat(
            post(
                    "/verify",
                    "application/x-www-form-urlencoded",
                    form("code", cert.verificationCode()))
                .body())
        .contains("Revoked: issued to the wrong person");
    assertThat(
            post("/verify", "application/x-www-form-urlencoded", form("code", "NOPE")).statusCode())
        .isEqualTo(404);
  }

  @Test
  void aCredentialInTheUrlFitsTheHeaderLimit() throws Exception {
    // what VerificationPageBrowserTest opens: a whole (tampered) certificate in the query
    String tampered = clinic.certificate().credentialJson().replace("HIPAA course", "HIPAA COURSE");
    HttpResponse<String> r =
        get("/verify?credential=" + URLEncoder.encode(tampered, StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("tampered");
  }

  @Test
  void theVcApiIssuesAndVerifiesInTheTestSuitesShape() throws Exception {
    ObjectNode request = JSON.createObjectNode();
    ObjectNode credential = request.putObject("credential");
    credential.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
    credential.putArray("type").add("VerifiableCredential");
    credential.putObject("credentialSubject").put("id", "did:example:subject");
    request.putObject("options");
    HttpResponse<String> issued =
        post("/credentials/issue", "application/json", JSON.writeValueAsString(request));
    assertThat(issued.statusCode()).isEqualTo(201);
    JsonNode vc = JSON.readTree(issued.body()).get("verifiableCredential");
    assertThat(vc.path("proof").path("cryptosuite").asText()).isEqualTo("eddsa-jcs-2022");
    assertThat(vc.path("issuer").asText()).isEqualTo("did:web:clinic.example.org");

    ObjectNode verify = JSON.createObjectNode();
    verify.set("verifiableCredential", vc);
    verify.putObject("options");
    HttpResponse<String> ok =
        post("/credentials/verify", "application/json", JSON.writeValueAsString(verify));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ok.body()).path("verified").asBoolean()).isTrue();

    ((ObjectNode) verify.get("verifiableCredential").get("credentialSubject"))
        .put("id", "did:example:someone-else");
    HttpResponse<String> bad =
        post("/credentials/verify", "application/json", JSON.writeValueAsString(verify));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(bad.body()).path("verified").asBoolean()).isFalse();

    assertThat(post("/credentials/verify", "application/json", "{not json").statusCode())
        .isEqualTo(400);
    assertThat(
            post("/credentials/issue", "application/json", "{\"credential\": {\"type\": \"Nope\"}}")
                .statusCode())
        .isEqualTo(422);
    ObjectNode rdfc = request.deepCopy();
    ((ObjectNode) rdfc.get("options")).put("cryptosuite", "eddsa-rdfc-2022");
    HttpResponse<String> rdfcIssued =
        post("/credentials/issue", "application/json", JSON.writeValueAsString(rdfc));
    assertThat(rdfcIssued.statusCode()).as(rdfcIssued.body()).isEqualTo(201);
    assertThat(
            JSON.readTree(rdfcIssued.body()).at("/verifiableCredential/proof/cryptosuite").asText())
        .isEqualTo("eddsa-rdfc-2022");
  }

  @Test
  void statusListsTheDidDocumentAndTheDashboardArePublished() throws Exception {
    assertThat(JSON.readTree(get("/status/revocation").body()).path("type").toString())
        .contains("BitstringStatusListCredential");
    assertThat(get("/status/other").statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(get("/.well-known/did.json").body()).path("id").asText())
        .isEqualTo("did:web:clinic.example.org");
    // The dashboard holds personal data: it needs a caller with the dashboard scope.
    assertThat(get("/dashboard").statusCode()).isEqualTo(401);
    HttpResponse<String> dashboard =
        fx.get("/dashboard", "Authorization", WebFixture.bearer(fx.dashboardKey));
    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertThat(dashboard.body()).contains("dashboard for privacy-officer");
    assertThat(dashboard.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void aPortInUseIsATypedError() {
    assertThatThrownBy(
            () ->
                WebHost.start(
                    TestSites.site(
                        clinic.tp,
                        clinic.system(),
                        clinic.history,
                        new InMemoryKeyProvider()
                            .add(clinic.key)
                            .signer(clinic.key.keyId())
                            .orElseThrow(),
                        clinic.clock,
                        null),
                    host.port()))
        .isInstanceOf(BindException.class);
  }
}
