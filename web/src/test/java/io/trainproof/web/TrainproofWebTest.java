package io.trainproof.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Certificate;
import io.trainproof.signing.verify.FailureReason;
import io.trainproof.web.vcapi.ApiKeys;
import io.trainproof.web.vcapi.Caller;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The module in a host application (MockMvc over the whole filter chain): who may do what, the VC
 * API round trip (issue, verify, revoke, verify again), the verification page, headers, CSRF,
 * Problem Details, bounds, and that the host's own endpoints keep their own security.
 */
@SpringBootTest(classes = TestHost.class)
@AutoConfigureMockMvc
class TrainproofWebTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final SecureRandom RANDOM = new SecureRandom();
  static final String ISSUE_KEY = ApiKeys.generate(RANDOM);
  static final String DASHBOARD_KEY = ApiKeys.generate(RANDOM);
  static final String OTHER_KEY = ApiKeys.generate(RANDOM);

  static final String CREDENTIAL =
      "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
          + "\"type\":[\"VerifiableCredential\"],"
          + "\"credentialSubject\":{\"id\":\"did:example:subject\"}}";

  @DynamicPropertySource
  static void apiKeys(DynamicPropertyRegistry registry) {
    key(registry, 0, ISSUE_KEY, "hr-system", Caller.ISSUE);
    key(registry, 1, DASHBOARD_KEY, "privacy-officer", Caller.DASHBOARD);
    key(registry, 2, OTHER_KEY, "someone", "reports:read");
  }

  private static void key(
      DynamicPropertyRegistry registry, int i, String key, String actor, String scope) {
    String sha256 = ApiKeys.Entry.ofKey(key, actor, Set.of(scope)).sha256();
    registry.add("trainproof.web.api-keys[" + i + "].sha256", () -> sha256);
    registry.add("trainproof.web.api-keys[" + i + "].actor-id", () -> actor);
    registry.add("trainproof.web.api-keys[" + i + "].scopes", () -> scope);
  }

  @Autowired MockMvc mvc;
  @Autowired TestHost.Clinic clinic;
  @Autowired Trainproof trainproof;
  @Autowired TestHost.Verifications verifications;

  // ---------------------------------------------------------------- who may do what

  @Test
  void issuingWithoutACredentialIs401WithProblemDetails() throws Exception {
    MockHttpServletResponse r = send(issue(CREDENTIAL));
    assertThat(r.getStatus()).isEqualTo(401);
    assertThat(r.getHeader("WWW-Authenticate")).startsWith("Bearer");
    assertProblem(r, 401, "Authorization");
  }

  @Test
  void anUnknownApiKeyIs401() throws Exception {
    MockHttpServletResponse r = send(bearer(issue(CREDENTIAL), ApiKeys.generate(RANDOM)));
    assertThat(r.getStatus()).isEqualTo(401);
    assertProblem(r, 401, "the API key is not valid");
  }

  @Test
  void anAccessTokenWithoutAResourceServerIs401() throws Exception {
    MockHttpServletResponse r = send(bearer(issue(CREDENTIAL), "a.b.c"));
    assertThat(r.getStatus()).isEqualTo(401);
    assertProblem(r, 401, "accepts no access tokens");
  }

  @Test
  void issuingWithTheWrongScopeIs403() throws Exception {
    for (String key : List.of(OTHER_KEY, DASHBOARD_KEY)) {
      MockHttpServletResponse r = send(bearer(issue(CREDENTIAL), key));
      assertThat(r.getStatus()).isEqualTo(403);
      assertThat(r.getHeader("WWW-Authenticate")).contains("insufficient_scope");
      assertProblem(r, 403, "credentials:issue");
    }
  }

  @Test
  void issuedCredentialsVerifyAndTheMappedActorIsAudited() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    MockHttpServletResponse issued = send(bearer(issue(CREDENTIAL), ISSUE_KEY));
    assertThat(issued.getStatus()).as(issued.getContentAsString()).isEqualTo(201);
    JsonNode vc = JSON.readTree(issued.getContentAsString()).get("verifiableCredential");
    assertThat(vc.path("issuer").asText()).isEqualTo(TestHost.DID);
    assertThat(vc.path("proof").path("cryptosuite").asText()).isEqualTo("eddsa-jcs-2022");

    int observed = verifications.verified.size();
    MockHttpServletResponse verified = send(verify(vc));
    assertThat(verified.getStatus()).as(verified.getContentAsString()).isEqualTo(200);
    assertThat(JSON.readTree(verified.getContentAsString()).path("verified").asBoolean()).isTrue();
    assertThat(verifications.verified.subList(observed, verifications.verified.size()))
        .as("the host's verification observer saw the VC API's verification")
        .containsExactly(true);

    List<AuditEntry> trail =
        trainproof
            .audit()
            .entries(clinic.fixtures().officer(), before, Instant.now().plusSeconds(1));
    assertThat(trail)
        .filteredOn(
            e -> e.subjectId().equals(vc.path("id").asText()) || e.action().contains("sign"))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.actorId()).isEqualTo("mapped:hr-system"));
  }

  @Test
  void aRevokedCredentialNoLongerVerifies() throws Exception {
    MockHttpServletResponse issued = send(bearer(issue(CREDENTIAL), ISSUE_KEY));
    JsonNode vc = JSON.readTree(issued.getContentAsString()).get("verifiableCredential");
    ObjectNode revoke = JSON.createObjectNode();
    revoke.put("credentialId", vc.path("id").asText());
    revoke
        .putObject("credentialStatus")
        .put("type", "BitstringStatusListEntry")
        .put("statusPurpose", "revocation");
    revoke.put("status", true);

    MockHttpServletResponse anonymous = send(json("/trainproof/credentials/status", revoke));
    assertThat(anonymous.getStatus()).isEqualTo(401);
    MockHttpServletResponse r =
        send(bearer(json("/trainproof/credentials/status", revoke), ISSUE_KEY));
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);

    MockHttpServletResponse verified = send(verify(vc));
    assertThat(verified.getStatus()).isEqualTo(422);
    assertThat(verified.getContentType()).startsWith("application/problem+json");
    assertThat(verified.getContentAsString()).contains("REVOKED");
    assertThat(
            trainproof
                .audit()
                .entries(
                    clinic.fixtures().officer(),
                    Instant.now().minusSeconds(60),
                    Instant.now().plusSeconds(1)))
        .filteredOn(e -> e.action().toLowerCase(Locale.ROOT).contains("revoke"))
        .extracting(AuditEntry::actorId)
        .contains("mapped:hr-system");
  }

  @Test
  void statusListsAndTheDidDocumentArePublic() throws Exception {
    MockHttpServletResponse list = send(get("/trainproof/status/revocation"));
    assertThat(list.getStatus()).isEqualTo(200);
    assertThat(list.getContentAsString()).contains("BitstringStatusListCredential");
    assertThat(send(get("/trainproof/status/other")).getStatus()).isEqualTo(404);
    MockHttpServletResponse did = send(get("/trainproof/did.json"));
    assertThat(did.getStatus()).isEqualTo(200);
    assertThat(JSON.readTree(did.getContentAsString()).path("id").asText()).isEqualTo(TestHost.DID);
  }

  // ---------------------------------------------------------------- the page

  @Test
  void theQrTargetShowsTheHolderAndTheDatesOfThePrintedCertificate() throws Exception {
    Certificate c = clinic.certificate();
    MockHttpServletResponse r =
        send(
            get("/trainproof/verify").param("code", c.verificationCode().toLowerCase(Locale.ROOT)));
    assertThat(r.getStatus()).isEqualTo(200);
    String html = r.getContentAsString();
    assertThat(html)
        .contains("id=\"verdict\">Valid<")
        .contains(clinic.member().displayName())
        .contains("Completed on</th><td>" + c.validFrom())
        .contains("name=\"viewport\"")
        .doesNotContain("<style", "style=", "<script");
  }

  @Test
  void aRevokedCertificateSaysWhyInWords() throws Exception {
    Certificate c = clinic.newCertificate();
    trainproof.certificates().revoke(clinic.fixtures().officer(), c.id(), "issued in error");
    String html =
        send(get("/trainproof/verify").param("code", c.verificationCode())).getContentAsString();
    assertThat(html)
        .contains("id=\"verdict\">Revoked: issued in error<")
        .contains("<li>" + FailureReason.REVOKED.description() + "</li>")
        .doesNotContain("REVOKED");
  }

  @Test
  void pagesHaveAStrictPolicyWithoutUnsafeInline() throws Exception {
    MockHttpServletResponse r = send(get("/trainproof/verify"));
    assertThat(r.getStatus()).isEqualTo(200);
    String csp = r.getHeader("Content-Security-Policy");
    assertThat(csp)
        .contains("default-src 'none'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(r.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(r.getContentAsString())
        .contains("name=\"_csrf\"", "/trainproof/assets/trainproof.css");
    assertThat(send(get("/trainproof/assets/trainproof.css")).getContentType())
        .startsWith("text/css");
  }

  @Test
  void aFormPostWithoutTheCsrfTokenIs403() throws Exception {
    String code = clinic.certificate().verificationCode();
    MockHttpServletResponse refused =
        send(
            post("/trainproof/verify")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("code=" + code));
    assertThat(refused.getStatus()).isEqualTo(403);
    assertProblem(refused, 403, "_csrf");
    MockHttpServletResponse accepted =
        send(
            post("/trainproof/verify")
                .with(csrf())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("code=" + code));
    assertThat(accepted.getStatus()).isEqualTo(200);
  }

  @Test
  void aPastedCredentialIsVerifiedAndATamperedOneIsNotValid() throws Exception {
    String json = clinic.certificate().credentialJson();
    int observed = verifications.verified.size();
    MockHttpServletResponse valid = paste(json);
    assertThat(valid.getStatus()).isEqualTo(200);
    assertThat(valid.getContentAsString()).contains("id=\"verdict\">Valid<");
    String tampered = json.replace(TestHost.DID + "\"", TestHost.DID + "x\"");
    assertThat(tampered).isNotEqualTo(json);
    String html = paste(tampered).getContentAsString();
    assertThat(html).contains("id=\"verdict\">Not valid: ").doesNotContain("TAMPERED", "WRONG_KEY");
    assertThat(verifications.verified.subList(observed, verifications.verified.size()))
        .as("the host's verification observer saw the page's verifications")
        .containsExactly(true, false);
  }

  private MockHttpServletResponse paste(String credential) throws Exception {
    return send(
        post("/trainproof/verify")
            .with(csrf())
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("credential=" + URLEncoder.encode(credential, StandardCharsets.UTF_8)));
  }

  // ---------------------------------------------------------------- the dashboard

  @Test
  void theDashboardNeedsItsScopeAndAllowsItsInlineCodeByHash() throws Exception {
    assertThat(send(get("/trainproof/dashboard")).getStatus()).isEqualTo(401);
    assertThat(send(bearer(get("/trainproof/dashboard"), ISSUE_KEY)).getStatus()).isEqualTo(403);
    MockHttpServletResponse r = send(bearer(get("/trainproof/dashboard"), DASHBOARD_KEY));
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
    assertThat(r.getHeader("Content-Security-Policy"))
        .contains("'sha256-", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    MockHttpServletResponse csv = send(bearer(get("/trainproof/dashboard.csv"), DASHBOARD_KEY));
    assertThat(csv.getStatus()).isEqualTo(200);
    assertThat(csv.getContentType()).startsWith("text/csv");
  }

  @Test
  void everyReportIsServedInEveryFormatBehindTheDashboardScope() throws Exception {
    assertThat(send(get("/trainproof/reports")).getStatus()).isEqualTo(401);
    assertThat(send(get("/trainproof/reports/organization-summary.csv")).getStatus())
        .isEqualTo(401);
    assertThat(send(bearer(get("/trainproof/reports"), ISSUE_KEY)).getStatus()).isEqualTo(403);
    MockHttpServletResponse index = send(bearer(get("/trainproof/reports"), DASHBOARD_KEY));
    assertThat(index.getStatus()).isEqualTo(200);
    String list = index.getContentAsString();
    for (String name :
        List.of(
            "organization-summary",
            "overdue-and-expiring",
            "new-hire-timeliness",
            "retraining",
            "acknowledgement-matrix",
            "security-reminder-log",
            "waivers-and-extensions",
            "role-content-matrix",
            "renewal-forecast",
            "policy-versions-in-force",
            "addressable-decisions")) {
      for (String format : List.of("csv", "html", "pdf", "json")) {
        String path = "/trainproof/reports/" + name + "." + format;
        assertThat(list).contains(path);
        MockHttpServletResponse r = send(bearer(get(path), DASHBOARD_KEY));
        assertThat(r.getStatus()).as(path + ": " + r.getContentAsString()).isEqualTo(200);
        if (format.equals("html")) {
          assertThat(r.getHeader("Content-Security-Policy")).doesNotContain("unsafe-inline");
        } else {
          assertThat(r.getHeader("Content-Disposition")).contains(name);
        }
      }
    }
    MockHttpServletResponse pdf =
        send(bearer(get("/trainproof/reports/organization-summary.pdf"), DASHBOARD_KEY));
    assertThat(pdf.getContentType()).isEqualTo("application/pdf");
    assertThat(new String(pdf.getContentAsByteArray(), 0, 5, StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    MockHttpServletResponse period =
        send(
            bearer(
                get("/trainproof/reports/security-reminder-log.csv")
                    .param("from", "2026-01-01")
                    .param("to", "2026-03-31"),
                DASHBOARD_KEY));
    assertThat(period.getStatus()).isEqualTo(200);
  }

  @Test
  void aReportAskedForWronglyIsAProblemNamingTheParameter() throws Exception {
    MockHttpServletResponse unknown =
        send(bearer(get("/trainproof/reports/everything.csv"), DASHBOARD_KEY));
    assertProblem(unknown, 404, "no such report or format");
    assertThat(unknown.getContentAsString()).doesNotContain("everything");
    assertProblem(
        send(bearer(get("/trainproof/reports/organization-summary.docx"), DASHBOARD_KEY)),
        404,
        "no such report");
    assertProblem(
        send(
            bearer(
                get("/trainproof/reports/organization-summary.csv").param("asOf", "yesterday"),
                DASHBOARD_KEY)),
        400,
        "YYYY-MM-DD");
    assertProblem(
        send(bearer(get("/trainproof/reports/member-transcript.csv"), DASHBOARD_KEY)),
        400,
        "member is required");
    assertThat(
            send(bearer(
                    get("/trainproof/reports/member-transcript.csv").param("member", "HR-404"),
                    DASHBOARD_KEY))
                .getStatus())
        .isEqualTo(404);
  }

  // ---------------------------------------------------------------- bad input

  @Test
  void malformedJsonIs400NamingTheReason() throws Exception {
    MockHttpServletResponse r =
        send(
            post("/trainproof/credentials/verify")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"verifiableCredential\":{\"a\":1,\"a\":2}}"));
    assertThat(r.getStatus()).isEqualTo(400);
    assertProblem(r, 400, "strict JSON");
    MockHttpServletResponse deep =
        send(
            post("/trainproof/credentials/verify")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"verifiableCredential\":" + "[".repeat(100_000)));
    assertThat(deep.getStatus()).isEqualTo(400);
  }

  @Test
  void anOversizedBodyIs413() throws Exception {
    String big = "{\"verifiableCredential\":{\"x\":\"" + "y".repeat(1 << 20) + "\"}}";
    MockHttpServletResponse r =
        send(
            post("/trainproof/credentials/verify")
                .contentType(MediaType.APPLICATION_JSON)
                .content(big));
    assertThat(r.getStatus()).isEqualTo(413);
    assertProblem(r, 413, "larger than");
    MockHttpServletResponse form =
        send(
            post("/trainproof/verify")
                .with(csrf())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("credential=" + "x".repeat(70_000)));
    assertThat(form.getStatus()).isEqualTo(413);
  }

  @Test
  void aCredentialItRefusesToSignIs422NamingTheField() throws Exception {
    MockHttpServletResponse r =
        send(bearer(issue("{\"type\":[\"VerifiableCredential\"]}"), ISSUE_KEY));
    assertThat(r.getStatus()).isEqualTo(422);
    assertProblem(r, 422, "@context");
    MockHttpServletResponse text =
        send(
            bearer(
                post("/trainproof/credentials/issue")
                    .contentType(MediaType.TEXT_PLAIN)
                    .content("{}"),
                ISSUE_KEY));
    assertThat(text.getStatus()).isEqualTo(415);
  }

  // ---------------------------------------------------------------- the host

  @Test
  void theHostsOwnEndpointsKeepTheirOwnSecurity() throws Exception {
    MockHttpServletResponse anonymous = send(get("/host/hello"));
    assertThat(anonymous.getStatus()).isEqualTo(401);
    assertThat(anonymous.getHeader("WWW-Authenticate")).startsWith("Basic");
    assertThat(send(bearer(get("/host/hello"), ISSUE_KEY)).getStatus()).isEqualTo(401);
    MockHttpServletResponse ok =
        send(get("/host/hello").with(httpBasic("host-user", "host-password")));
    assertThat(ok.getStatus()).isEqualTo(200);
    assertThat(ok.getHeader("Content-Security-Policy")).isNull();
  }

  // ---------------------------------------------------------------- helpers

  private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  private static MockHttpServletRequestBuilder issue(String credential) {
    return post("/trainproof/credentials/issue")
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"credential\":" + credential + ",\"options\":{}}");
  }

  private static MockHttpServletRequestBuilder verify(JsonNode vc) {
    ObjectNode body = JSON.createObjectNode();
    body.set("verifiableCredential", vc);
    return json("/trainproof/credentials/verify", body);
  }

  private static MockHttpServletRequestBuilder json(String path, JsonNode body) {
    return post(path)
        .contentType(MediaType.APPLICATION_JSON)
        .content(body.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder r, String key) {
    return r.header("Authorization", "Bearer " + key);
  }

  private static void assertProblem(MockHttpServletResponse r, int status, String detail)
      throws Exception {
    assertThat(r.getContentType()).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(r.getContentAsString());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("title").asText()).isNotEmpty();
    assertThat(problem.path("detail").asText()).contains(detail);
  }
}
