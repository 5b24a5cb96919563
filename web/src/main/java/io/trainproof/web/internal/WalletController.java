package io.trainproof.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.Actor;
import io.trainproof.core.ValidationException;
import io.trainproof.core.certificate.WalletExchangeException;
import io.trainproof.core.certificate.WalletExchangeService;
import io.trainproof.core.certificate.WalletOffer;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.web.vcapi.IssuerSite;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Certificates delivered to digital wallets, under {@code <base>/wallet} (the credential issuer
 * identifier is {@code <origin><base>/wallet}):
 *
 * <ul>
 *   <li>Offers: {@code POST offers} (JSON, an authenticated caller the host maps to an officer, or
 *       a member for their own certificate) answers the interaction URL, the VC API exchange URL
 *       and the OpenID4VCI credential offer. The member's page ({@link WalletPages}) does the same
 *       after sign-in and shows the QR code.
 *   <li>VC API exchanges (W3C VCALM): {@code GET interactions/{secret}} names the protocols; {@code
 *       POST exchanges/{secret}} with {@code {}} answers a DID Authentication request, and with the
 *       holder's presentation answers the certificate bound to the holder's DID.
 *   <li>OpenID4VCI 1.0, pre-authorized code flow: issuer and authorization server metadata (under
 *       {@code /.well-known/…} inserted before the path, and appended after it), {@code POST
 *       token}, {@code POST nonce}, {@code POST credential} ({@code ldp_vc}, {@code jwt} key
 *       proofs).
 * </ul>
 *
 * The wallet endpoints take no session and no CSRF token: holding the exchange's secret (or the
 * access token it bought) is the wallet's authority, once, before the exchange expires. Every
 * answer is {@code Cache-Control: no-store}. Not API.
 */
@RestController
public class WalletController extends Endpoints {
  private static final Logger LOG = LoggerFactory.getLogger(WalletController.class);

  /** The one credential configuration offered. */
  static final String CONFIGURATION = "TrainproofCertificate";

  static final String PRE_AUTHORIZED_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";

  /** The largest request body a wallet may send (a presentation or a credential request). */
  static final int MAX_BODY = 256 * 1024;

  private final IssuerSite site;
  private final Actors actors;
  private final String basePath;

  /**
   * @param site the issuing organization
   * @param actors maps the signed-in caller to an actor
   * @param basePath the module's base path
   */
  public WalletController(IssuerSite site, Actors actors, String basePath) {
    this.site = site;
    this.actors = actors;
    this.basePath = basePath;
  }

  private Id<Organization> org() {
    Id<Organization> org = site.reader().organization();
    if (org == null) {
      throw new IllegalStateException("the issuer site acts in an organization");
    }
    return org;
  }

  private WalletExchangeService wallet() {
    return site.trainproof().walletExchanges();
  }

  /** The URLs a wallet is given for one offer. */
  record Urls(String issuer, String interaction, String exchange, String credentialOffer) {}

  Urls urls(HttpServletRequest request, String secret) {
    String issuer = issuer(request);
    ObjectNode offer = StrictJson.mapper().createObjectNode();
    offer.put("credential_issuer", issuer);
    offer.putArray("credential_configuration_ids").add(CONFIGURATION);
    offer.putObject("grants").putObject(PRE_AUTHORIZED_GRANT).put("pre-authorized_code", secret);
    return new Urls(
        issuer,
        issuer + "/interactions/" + secret + "?iuv=1",
        issuer + "/exchanges/" + secret,
        "openid-credential-offer://?credential_offer="
            + URLEncoder.encode(StrictJson.write(offer), StandardCharsets.UTF_8));
  }

  /**
   * The host's public origin, as the request reached it (forwarded headers applied by the host).
   */
  static String origin(HttpServletRequest request) {
    String scheme = request.getScheme().toLowerCase(Locale.ROOT);
    int port = request.getServerPort();
    boolean usual =
        (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    return scheme + "://" + request.getServerName() + (usual || port <= 0 ? "" : ":" + port);
  }

  String issuer(HttpServletRequest request) {
    return origin(request) + request.getContextPath() + basePath + "/wallet";
  }

  // ---------------------------------------------------------------- offers

  /**
   * Offers a certificate for delivery: {@code {"certificateId": "…", "lifetimeMinutes": 15}}.
   *
   * @param request the request
   * @return 201 with the offer's URLs
   * @throws IOException when the body cannot be read
   */
  @PostMapping("${trainproof.web.base-path:/trainproof}/wallet/offers")
  public ResponseEntity<String> offer(HttpServletRequest request) throws IOException {
    RequestBodies.requireJson(request);
    Actor actor = actors.current();
    JsonNode body = parse(RequestBodies.read(request, 4096));
    Id<Certificate> certificate = certificateId(body.path("certificateId").asText(""));
    JsonNode minutes = body.path("lifetimeMinutes");
    WalletOffer offer =
        minutes.isMissingNode()
            ? site.trainproof().certificates().deliverToWallet(actor, certificate)
            : site.trainproof()
                .certificates()
                .deliverToWallet(actor, certificate, Duration.ofMinutes(minutes.asLong(-1)));
    Urls urls = urls(request, offer.secret());
    ObjectNode out = StrictJson.mapper().createObjectNode();
    out.put("exchange", offer.exchange().toString());
    out.put("certificate", offer.certificate().toString());
    out.put("expiresAt", offer.expiresAt().toString());
    out.put("interactionUrl", urls.interaction());
    out.put("exchangeUrl", urls.exchange());
    out.put("credentialOffer", urls.credentialOffer());
    LOG.info("offered a certificate for wallet delivery for {}", actor.id());
    return json(201, out);
  }

  static Id<Certificate> certificateId(String text) {
    if (text.length() > 40) {
      throw new ValidationException("certificateId", text.substring(0, 40) + "…", "is not a UUID");
    }
    return Id.parse(text);
  }

  // ---------------------------------------------------------------- VC API exchanges

  /**
   * The interaction URL a QR code carries: the protocols this exchange speaks.
   *
   * @param secret the exchange's secret
   * @param request the request
   * @return 200 with {@code protocols}, or a refusal
   */
  @GetMapping("${trainproof.web.base-path:/trainproof}/wallet/interactions/{secret}")
  public ResponseEntity<String> interaction(
      @PathVariable String secret, HttpServletRequest request) {
    try {
      wallet().open(org(), secret);
    } catch (WalletExchangeException e) {
      return exchangeRefused(e);
    }
    Urls urls = urls(request, secret);
    ObjectNode out = StrictJson.mapper().createObjectNode();
    ObjectNode protocols = out.putObject("protocols");
    protocols.put("vcapi", urls.exchange());
    protocols.put("OID4VCI", urls.credentialOffer());
    return json(200, out);
  }

  /**
   * A VC API exchange: {@code {}} asks what to present; {@code {"verifiablePresentation": …}}
   * presents it.
   *
   * @param secret the exchange's secret
   * @param request the request
   * @return 200 with a presentation request or the credential, or a refusal
   * @throws IOException when the body cannot be read
   */
  @PostMapping("${trainproof.web.base-path:/trainproof}/wallet/exchanges/{secret}")
  public ResponseEntity<String> exchange(@PathVariable String secret, HttpServletRequest request)
      throws IOException {
    RequestBodies.requireJson(request);
    JsonNode body;
    try {
      body = parse(RequestBodies.read(request, MAX_BODY));
    } catch (ValidationException e) {
      return problem(400, e.getMessage());
    }
    String domain = origin(request);
    try {
      JsonNode vp = body.path("verifiablePresentation");
      if (vp.isMissingNode()) {
        WalletExchangeService.Challenge c = wallet().open(org(), secret);
        ObjectNode out = StrictJson.mapper().createObjectNode();
        ObjectNode vpr = out.putObject("verifiablePresentationRequest");
        ObjectNode query = vpr.putArray("query").addObject();
        query.put("type", "DIDAuthentication");
        query.putArray("acceptedMethods").addObject().put("method", "key");
        ArrayNode suites = query.putArray("acceptedCryptosuites");
        for (String suite : List.of("eddsa-rdfc-2022", "eddsa-jcs-2022", "ecdsa-jcs-2019")) {
          suites.addObject().put("cryptosuite", suite);
        }
        vpr.put("challenge", c.challenge());
        vpr.put("domain", domain);
        return json(200, out);
      }
      if (!vp.isObject()) {
        return problem(400, "verifiablePresentation: must be a JSON object");
      }
      WalletExchangeService.Delivered d =
          wallet().redeemWithPresentation(org(), secret, StrictJson.write(vp), domain);
      LOG.info("delivered a certificate to a wallet over the VC API");
      ObjectNode out = StrictJson.mapper().createObjectNode();
      ObjectNode presentation = out.putObject("verifiablePresentation");
      presentation.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
      presentation.putArray("type").add("VerifiablePresentation");
      presentation.putArray("verifiableCredential").add(StrictJson.parse(d.credentialJson()));
      return json(200, out);
    } catch (WalletExchangeException e) {
      return exchangeRefused(e);
    } catch (ValidationException e) {
      return problem(400, e.getMessage());
    }
  }

  private static ResponseEntity<String> exchangeRefused(WalletExchangeException e) {
    int status =
        switch (e.reason()) {
          case UNKNOWN -> 404;
          case EXPIRED -> 410;
          default -> 400;
        };
    LOG.info("refused a wallet exchange step with {}: {}", status, e.reason());
    return problem(status, e.getMessage());
  }

  // ---------------------------------------------------------------- OpenID4VCI

  /**
   * Credential issuer metadata, at the well-known URI inserted before the issuer's path.
   *
   * @param request the request
   * @return the metadata
   */
  @GetMapping({
    "/.well-known/openid-credential-issuer${trainproof.web.base-path:/trainproof}/wallet",
    "${trainproof.web.base-path:/trainproof}/wallet/.well-known/openid-credential-issuer"
  })
  public ResponseEntity<String> issuerMetadata(HttpServletRequest request) {
    String issuer = issuer(request);
    ObjectNode out = StrictJson.mapper().createObjectNode();
    out.put("credential_issuer", issuer);
    out.put("credential_endpoint", issuer + "/credential");
    out.put("nonce_endpoint", issuer + "/nonce");
    out.putArray("display").addObject().put("name", site.history().did()).put("locale", "en-US");
    ObjectNode config =
        out.putObject("credential_configurations_supported").putObject(CONFIGURATION);
    config.put("format", "ldp_vc");
    config.put("scope", CONFIGURATION);
    ObjectNode definition = config.putObject("credential_definition");
    definition
        .putArray("@context")
        .add("https://www.w3.org/ns/credentials/v2")
        .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    definition.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
    config.putArray("cryptographic_binding_methods_supported").add("did:key");
    config
        .putArray("credential_signing_alg_values_supported")
        .add("eddsa-rdfc-2022")
        .add("eddsa-jcs-2022")
        .add("ecdsa-jcs-2019");
    config
        .putObject("proof_types_supported")
        .putObject("jwt")
        .putArray("proof_signing_alg_values_supported")
        .add("EdDSA")
        .add("ES256");
    config
        .putObject("credential_metadata")
        .putArray("display")
        .addObject()
        .put("name", "HIPAA training certificate")
        .put("locale", "en-US");
    return json(200, out);
  }

  /**
   * OAuth authorization server metadata: the issuer is its own authorization server, for the
   * pre-authorized code grant only.
   *
   * @param request the request
   * @return the metadata
   */
  @GetMapping({
    "/.well-known/oauth-authorization-server${trainproof.web.base-path:/trainproof}/wallet",
    "${trainproof.web.base-path:/trainproof}/wallet/.well-known/oauth-authorization-server"
  })
  public ResponseEntity<String> authorizationServerMetadata(HttpServletRequest request) {
    String issuer = issuer(request);
    ObjectNode out = StrictJson.mapper().createObjectNode();
    out.put("issuer", issuer);
    out.put("token_endpoint", issuer + "/token");
    out.putArray("grant_types_supported").add(PRE_AUTHORIZED_GRANT);
    out.putArray("response_types_supported");
    out.putArray("token_endpoint_auth_methods_supported").add("none");
    out.put("pre-authorized_grant_anonymous_access_supported", true);
    return json(200, out);
  }

  /**
   * The token endpoint: a pre-authorized code for an access token, once.
   *
   * @param request the request (form-encoded)
   * @return the token response, or an OAuth error
   */
  @PostMapping("${trainproof.web.base-path:/trainproof}/wallet/token")
  public ResponseEntity<String> token(HttpServletRequest request) {
    String type = request.getContentType();
    if (type == null
        || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return oauthError(
          400, "invalid_request", "send the token request as application/x-www-form-urlencoded");
    }
    String grant = request.getParameter("grant_type");
    if (!PRE_AUTHORIZED_GRANT.equals(grant)) {
      return oauthError(400, "unsupported_grant_type", "only the pre-authorized code grant");
    }
    String code = request.getParameter("pre-authorized_code");
    if (code == null || code.isBlank()) {
      return oauthError(400, "invalid_request", "pre-authorized_code is required");
    }
    try {
      WalletExchangeService.AccessToken token = wallet().redeemPreAuthorizedCode(org(), code);
      ObjectNode out = StrictJson.mapper().createObjectNode();
      out.put("access_token", token.token());
      out.put("token_type", "Bearer");
      out.put(
          "expires_in",
          Math.max(1, Duration.between(site.clock().instant(), token.expiresAt()).toSeconds()));
      return json(200, out);
    } catch (WalletExchangeException e) {
      LOG.info("refused a token request: {}", e.reason());
      return oauthError(400, "invalid_grant", e.getMessage());
    }
  }

  /**
   * The nonce endpoint: a fresh one-time nonce for a key proof.
   *
   * @return {@code {"c_nonce": …}}
   */
  @PostMapping("${trainproof.web.base-path:/trainproof}/wallet/nonce")
  public ResponseEntity<String> nonce() {
    ObjectNode out = StrictJson.mapper().createObjectNode();
    out.put("c_nonce", wallet().nonce(org()));
    return json(200, out);
  }

  /**
   * The credential endpoint: with the access token and a key proof, the certificate bound to the
   * proof's key.
   *
   * @param request the request
   * @return {@code {"credentials": [{"credential": …}]}}, or an OpenID4VCI error
   * @throws IOException when the body cannot be read
   */
  @PostMapping("${trainproof.web.base-path:/trainproof}/wallet/credential")
  public ResponseEntity<String> credential(HttpServletRequest request) throws IOException {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return invalidToken("send the access token as Authorization: Bearer");
    }
    String token = authorization.substring(7).strip();
    JsonNode body;
    try {
      RequestBodies.requireJson(request);
      body = parse(RequestBodies.read(request, MAX_BODY));
    } catch (ValidationException | RequestBodies.WrongType e) {
      return oauthError(400, "invalid_credential_request", String.valueOf(e.getMessage()));
    }
    String configuration = body.path("credential_configuration_id").asText("");
    if (!body.path("credential_identifier").isMissingNode()) {
      return oauthError(
          400, "unknown_credential_identifier", "this issuer offers credential configurations");
    }
    if (!configuration.equals(CONFIGURATION)) {
      return oauthError(
          400,
          "unknown_credential_configuration",
          "credential_configuration_id must be " + CONFIGURATION);
    }
    String jwt = proofJwt(body);
    if (jwt == null) {
      return oauthError(
          400, "invalid_proof", "one key proof of type jwt is required (proofs.jwt[0])");
    }
    try {
      WalletExchangeService.Delivered d =
          wallet().redeemWithKeyProof(org(), token, jwt, issuer(request));
      LOG.info("delivered a certificate to a wallet over OpenID4VCI");
      ObjectNode out = StrictJson.mapper().createObjectNode();
      out.putArray("credentials")
          .addObject()
          .set("credential", StrictJson.parse(d.credentialJson()));
      return json(200, out);
    } catch (WalletExchangeException e) {
      LOG.info("refused a credential request: {}", e.reason());
      return switch (e.reason()) {
        case INVALID_TOKEN -> invalidToken(e.getMessage());
        case INVALID_PROOF -> oauthError(400, "invalid_proof", e.getMessage());
        case INVALID_NONCE -> oauthError(400, "invalid_nonce", e.getMessage());
        default -> oauthError(400, "credential_request_denied", e.getMessage());
      };
    } catch (ValidationException e) {
      return oauthError(400, "invalid_proof", e.getMessage());
    }
  }

  /** The one jwt key proof: {@code proofs.jwt[0]} (1.0), or {@code proof.jwt} (earlier drafts). */
  static @Nullable String proofJwt(JsonNode body) {
    JsonNode proofs = body.path("proofs");
    if (proofs.isObject()) {
      JsonNode jwts = proofs.path("jwt");
      return proofs.size() == 1 && jwts.isArray() && jwts.size() == 1 && jwts.get(0).isTextual()
          ? jwts.get(0).asText()
          : null;
    }
    JsonNode proof = body.path("proof");
    return proof.path("proof_type").asText("").equals("jwt") && proof.path("jwt").isTextual()
        ? proof.path("jwt").asText()
        : null;
  }

  private static ResponseEntity<String> invalidToken(String description) {
    ObjectNode out = StrictJson.mapper().createObjectNode();
    out.put("error", "invalid_token");
    out.put("error_description", description);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setCacheControl("no-store");
    headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
    return ResponseEntity.status(401).headers(headers).body(StrictJson.write(out));
  }

  static ResponseEntity<String> oauthError(int status, String error, String description) {
    ObjectNode out = StrictJson.mapper().createObjectNode();
    out.put("error", error);
    out.put("error_description", description);
    return json(status, out);
  }

  private static JsonNode parse(byte[] body) {
    try {
      JsonNode node = StrictJson.parse(body);
      if (!node.isObject()) {
        throw new ValidationException("body", null, "must be a JSON object");
      }
      return node;
    } catch (UnusableInputException e) {
      throw new ValidationException("body", null, "is not usable JSON: " + e.getMessage());
    }
  }

  static ResponseEntity<String> json(int status, JsonNode body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setCacheControl("no-store");
    return ResponseEntity.status(status).headers(headers).body(StrictJson.write(body));
  }

  /** A Problem Details answer that no cache keeps. */
  static ResponseEntity<String> problem(int status, String detail) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(Problems.MEDIA_TYPE));
    headers.setCacheControl("no-store");
    return ResponseEntity.status(status)
        .headers(headers)
        .body(StrictJson.write(Problems.body(status, detail)));
  }
}
