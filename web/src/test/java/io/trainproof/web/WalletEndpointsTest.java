package io.trainproof.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Certificate;
import io.trainproof.web.vcapi.ApiKeys;
import io.trainproof.web.vcapi.Caller;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
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
 * The wallet endpoints over HTTP: offers, the VC API exchange's request, OpenID4VCI metadata,
 * token, nonce and credential endpoints, with their refusals in each protocol's terms. The full
 * flows with holder proofs run with independent clients in {@code WalletInteropTest}.
 */
@SpringBootTest(classes = TestHost.class)
@AutoConfigureMockMvc
class WalletEndpointsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String OFFICER_KEY = ApiKeys.generate(new SecureRandom());
  static final String ISSUER = "http://localhost/trainproof/wallet";

  @DynamicPropertySource
  static void apiKeys(DynamicPropertyRegistry registry) {
    String sha256 = ApiKeys.Entry.ofKey(OFFICER_KEY, "officer", Set.of(Caller.DASHBOARD)).sha256();
    registry.add("trainproof.web.api-keys[0].sha256", () -> sha256);
    registry.add("trainproof.web.api-keys[0].actor-id", () -> "officer");
    registry.add("trainproof.web.api-keys[0].scopes", () -> Caller.DASHBOARD);
  }

  @Autowired MockMvc mvc;
  @Autowired TestHost.Clinic clinic;
  @Autowired Trainproof trainproof;

  MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  JsonNode offer(Certificate c) throws Exception {
    MockHttpServletResponse r =
        send(
            post("/trainproof/wallet/offers")
                .header("Authorization", "Bearer " + OFFICER_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"certificateId\":\"" + c.id() + "\"}"));
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
    assertThat(r.getHeader("Cache-Control")).contains("no-store");
    return JSON.readTree(r.getContentAsString());
  }

  static String secretOf(JsonNode offer) {
    String url = offer.path("exchangeUrl").asText();
    return url.substring(url.lastIndexOf('/') + 1);
  }

  @Test
  void anOfficerOffersACertificateAndGetsTheWalletUrls() throws Exception {
    Certificate c = clinic.newCertificate();
    JsonNode offer = offer(c);
    String secret = secretOf(offer);
    assertThat(offer.path("interactionUrl").asText())
        .isEqualTo(ISSUER + "/interactions/" + secret + "?iuv=1");
    assertThat(offer.path("exchangeUrl").asText()).isEqualTo(ISSUER + "/exchanges/" + secret);
    String credentialOffer = offer.path("credentialOffer").asText();
    assertThat(credentialOffer).startsWith("openid-credential-offer://?credential_offer=");
    JsonNode decoded =
        JSON.readTree(
            URLDecoder.decode(
                credentialOffer.substring(credentialOffer.indexOf('=') + 1),
                StandardCharsets.UTF_8));
    assertThat(decoded.path("credential_issuer").asText()).isEqualTo(ISSUER);
    assertThat(decoded.path("credential_configuration_ids").get(0).asText())
        .isEqualTo("TrainproofCertificate");
    assertThat(
            decoded
                .path("grants")
                .path("urn:ietf:params:oauth:grant-type:pre-authorized_code")
                .path("pre-authorized_code")
                .asText())
        .isEqualTo(secret);
    List<AuditEntry> trail =
        trainproof.audit().entries(clinic.fixtures().officer(), Instant.EPOCH, Instant.now());
    assertThat(trail)
        .filteredOn(e -> e.action().equals("WALLET_DELIVERY_OFFERED"))
        .anySatisfy(
            e -> {
              assertThat(e.actorId()).isEqualTo("mapped:officer");
              assertThat(e.details()).containsEntry("certificate", c.id().toString());
              assertThat(e.details().toString()).doesNotContain(secret);
            });
  }

  @Test
  void offeringNeedsASignedInCaller() throws Exception {
    MockHttpServletResponse r =
        send(
            post("/trainproof/wallet/offers")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"certificateId\":\"" + clinic.newCertificate().id() + "\"}"));
    assertThat(r.getStatus()).isEqualTo(401);
  }

  @Test
  void theInteractionUrlNamesBothProtocolsAndTheExchangeAsksForDidAuthentication()
      throws Exception {
    JsonNode offer = offer(clinic.newCertificate());
    String secret = secretOf(offer);
    MockHttpServletResponse r =
        send(get("/trainproof/wallet/interactions/" + secret).param("iuv", "1"));
    assertThat(r.getStatus()).isEqualTo(200);
    JsonNode protocols = JSON.readTree(r.getContentAsString()).path("protocols");
    assertThat(protocols.path("vcapi").asText()).isEqualTo(offer.path("exchangeUrl").asText());
    assertThat(protocols.path("OID4VCI").asText())
        .isEqualTo(offer.path("credentialOffer").asText());

    MockHttpServletResponse vpr =
        send(
            post("/trainproof/wallet/exchanges/" + secret)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"));
    assertThat(vpr.getStatus()).isEqualTo(200);
    JsonNode request =
        JSON.readTree(vpr.getContentAsString()).path("verifiablePresentationRequest");
    assertThat(request.path("query").get(0).path("type").asText()).isEqualTo("DIDAuthentication");
    assertThat(request.path("domain").asText()).isEqualTo("http://localhost");
    assertThat(request.path("challenge").asText()).hasSizeGreaterThan(20);
  }

  @Test
  void anUnknownExchangeIs404AndAPresentationThatIsNotOneIsRefused() throws Exception {
    MockHttpServletResponse unknown =
        send(
            post("/trainproof/wallet/exchanges/nope")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"));
    assertThat(unknown.getStatus()).isEqualTo(404);
    assertThat(unknown.getContentType()).startsWith("application/problem+json");
    assertThat(send(get("/trainproof/wallet/interactions/nope")).getStatus()).isEqualTo(404);

    String secret = secretOf(offer(clinic.newCertificate()));
    MockHttpServletResponse refused =
        send(
            post("/trainproof/wallet/exchanges/" + secret)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"verifiablePresentation\":{\"type\":\"VerifiablePresentation\"}}"));
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(JSON.readTree(refused.getContentAsString()).path("detail").asText())
        .contains("proof was refused")
        .doesNotContain(secret);
    MockHttpServletResponse notJson =
        send(
            post("/trainproof/wallet/exchanges/" + secret)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"verifiablePresentation\":"));
    assertThat(notJson.getStatus()).isEqualTo(400);
  }

  @Test
  void openId4VciMetadataIsPublicAtBothWellKnownPlaces() throws Exception {
    for (String path :
        List.of(
            "/.well-known/openid-credential-issuer/trainproof/wallet",
            "/trainproof/wallet/.well-known/openid-credential-issuer")) {
      MockHttpServletResponse r = send(get(path));
      assertThat(r.getStatus()).as(path).isEqualTo(200);
      JsonNode m = JSON.readTree(r.getContentAsString());
      assertThat(m.path("credential_issuer").asText()).isEqualTo(ISSUER);
      assertThat(m.path("credential_endpoint").asText()).isEqualTo(ISSUER + "/credential");
      assertThat(m.path("nonce_endpoint").asText()).isEqualTo(ISSUER + "/nonce");
      JsonNode config = m.path("credential_configurations_supported").path("TrainproofCertificate");
      assertThat(config.path("format").asText()).isEqualTo("ldp_vc");
      assertThat(config.path("proof_types_supported").path("jwt").isObject()).isTrue();
    }
    MockHttpServletResponse as =
        send(get("/.well-known/oauth-authorization-server/trainproof/wallet"));
    assertThat(as.getStatus()).isEqualTo(200);
    JsonNode a = JSON.readTree(as.getContentAsString());
    assertThat(a.path("token_endpoint").asText()).isEqualTo(ISSUER + "/token");
    assertThat(a.path("pre-authorized_grant_anonymous_access_supported").asBoolean()).isTrue();
  }

  @Test
  void aPreAuthorizedCodeBuysOneTokenAndTheCredentialEndpointSpeaksOAuthErrors() throws Exception {
    String secret = secretOf(offer(clinic.newCertificate()));
    MockHttpServletResponse token = token(secret);
    assertThat(token.getStatus()).as(token.getContentAsString()).isEqualTo(200);
    assertThat(token.getHeader("Cache-Control")).contains("no-store");
    JsonNode t = JSON.readTree(token.getContentAsString());
    assertThat(t.path("token_type").asText()).isEqualTo("Bearer");
    assertThat(t.path("expires_in").asLong()).isBetween(1L, 600L);
    String accessToken = t.path("access_token").asText();

    MockHttpServletResponse again = token(secret);
    assertThat(again.getStatus()).isEqualTo(400);
    assertThat(JSON.readTree(again.getContentAsString()).path("error").asText())
        .isEqualTo("invalid_grant");
    assertThat(token("unknown").getStatus()).isEqualTo(400);
    MockHttpServletResponse wrongGrant =
        send(
            post("/trainproof/wallet/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("")
                .param("grant_type", "authorization_code")
                .param("code", "x"));
    assertThat(JSON.readTree(wrongGrant.getContentAsString()).path("error").asText())
        .isEqualTo("unsupported_grant_type");

    MockHttpServletResponse nonce = send(post("/trainproof/wallet/nonce").content(""));
    assertThat(nonce.getStatus()).isEqualTo(200);
    assertThat(nonce.getHeader("Cache-Control")).contains("no-store");
    assertThat(JSON.readTree(nonce.getContentAsString()).path("c_nonce").asText())
        .hasSizeGreaterThan(20);

    MockHttpServletResponse noToken = credential(null, "{}");
    assertThat(noToken.getStatus()).isEqualTo(401);
    assertThat(noToken.getHeader("WWW-Authenticate")).contains("invalid_token");
    assertThat(credential("wrong", request("x.y.z")).getStatus()).isEqualTo(401);
    assertThat(error(credential(accessToken, "{\"credential_configuration_id\":\"Other\"}")))
        .isEqualTo("unknown_credential_configuration");
    assertThat(
            error(
                credential(
                    accessToken, "{\"credential_configuration_id\":\"TrainproofCertificate\"}")))
        .isEqualTo("invalid_proof");
    assertThat(error(credential(accessToken, request("not-a-jwt")))).isEqualTo("invalid_proof");
  }

  @Test
  void theMembersPageOffersTheirCertificateAndShowsTheQrCode() throws Exception {
    MockHttpServletResponse page = send(get("/trainproof/wallet").with(user(TestHost.MEMBER_USER)));
    assertThat(page.getStatus()).as(page.getContentAsString()).isEqualTo(200);
    String html = page.getContentAsString();
    assertThat(html).contains("Add to my digital wallet").contains("Add to LinkedIn profile");
    assertThat(html).contains("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME");
    assertThat(page.getHeader("Content-Security-Policy")).contains("img-src data:");
    Certificate c = clinic.certificate();
    MockHttpServletResponse withoutCsrf =
        send(
            post("/trainproof/wallet/certificates/" + c.id())
                .content("")
                .with(user(TestHost.MEMBER_USER)));
    assertThat(withoutCsrf.getStatus()).isEqualTo(403);
    MockHttpServletResponse qr =
        send(
            post("/trainproof/wallet/certificates/" + c.id())
                .content("")
                .with(user(TestHost.MEMBER_USER))
                .with(csrf()));
    assertThat(qr.getStatus()).as(qr.getContentAsString()).isEqualTo(200);
    assertThat(qr.getContentAsString())
        .contains("<img id=\"wallet-qr\"")
        .contains("<img id=\"openid-qr\"")
        .contains("openid-credential-offer://?credential_offer=")
        .contains("data:image/svg+xml;base64,")
        .contains(ISSUER + "/interactions/");
    assertThat(send(get("/trainproof/wallet")).getStatus()).isEqualTo(401);
  }

  MockHttpServletResponse token(String code) throws Exception {
    return send(
        post("/trainproof/wallet/token")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("")
            .param("grant_type", "urn:ietf:params:oauth:grant-type:pre-authorized_code")
            .param("pre-authorized_code", code));
  }

  static String request(String jwt) {
    return "{\"credential_configuration_id\":\"TrainproofCertificate\",\"proofs\":{\"jwt\":[\""
        + jwt
        + "\"]}}";
  }

  MockHttpServletResponse credential(String token, String body) throws Exception {
    MockHttpServletRequestBuilder r =
        post("/trainproof/wallet/credential").contentType(MediaType.APPLICATION_JSON).content(body);
    return send(token == null ? r : r.header("Authorization", "Bearer " + token));
  }

  static String error(MockHttpServletResponse r) throws Exception {
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(400);
    return JSON.readTree(r.getContentAsString()).path("error").asText();
  }
}
