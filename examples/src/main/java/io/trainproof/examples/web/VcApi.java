package io.trainproof.examples.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.TrainproofException;
import io.trainproof.core.certificate.CertificateService;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.jcs.JsonLimits;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.ProofOptions;
import io.trainproof.signing.verify.Check;
import io.trainproof.signing.verify.CheckKind;
import io.trainproof.signing.verify.CredentialVerifier;
import io.trainproof.signing.verify.FailureReason;
import io.trainproof.signing.verify.Outcome;
import io.trainproof.signing.verify.TrustBundle;
import io.trainproof.signing.verify.VerificationPolicy;
import io.trainproof.signing.verify.VerificationResult;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The VC API of the web host without HTTP: a request body in, a status and a JSON body out ({@code
 * POST /credentials/issue} and {@code POST /credentials/verify}). Bodies are parsed strictly
 * ({@link StrictJson}: duplicate keys refused, size and depth limits), so what is verified or
 * signed is exactly what was sent. A refusal is 400 (not JSON) or 422 (not a credential this host
 * signs, or not verified); an exception other than a typed {@link TrainproofException} is a bug and
 * escapes. Thread-safe.
 */
final class VcApi {
  /** The largest request body, in bytes. */
  static final int MAX_BODY = 1 << 20;

  /** The body wraps the credential in one more object than the verifier's depth limit. */
  private static final JsonLimits BODY_LIMITS =
      new JsonLimits(MAX_BODY, JsonLimits.DEFAULT.maxDepth() + 1);

  /**
   * A response.
   *
   * @param status the HTTP status
   * @param body the JSON body
   */
  record Response(int status, ObjectNode body) {}

  private final WebHost.Site site;
  private final DataIntegrity dataIntegrity;

  VcApi(WebHost.Site site, DataIntegrity dataIntegrity) {
    this.site = site;
    this.dataIntegrity = dataIntegrity;
  }

  /**
   * @return the issuer's key history and its current signed status lists
   */
  TrustBundle trustBundle() {
    CertificateService certs = site.trainproof().certificates();
    return TrustBundle.of(
        List.of(site.history()),
        List.of(
            certs.statusListCredential(site.reader(), CertificateService.REVOCATION),
            certs.statusListCredential(site.reader(), CertificateService.SUPERSEDED)));
  }

  /**
   * {@code POST /credentials/issue} with {@code {credential, options}}.
   *
   * @param body the request body
   * @return 201 with {@code {verifiableCredential}}, 400 or 422
   */
  Response issue(String body) {
    JsonNode request;
    try {
      request = StrictJson.parse(body, BODY_LIMITS);
    } catch (UnusableInputException e) {
      return new Response(400, error("the body is not strict JSON: " + e.getMessage()));
    }
    JsonNode credential = request.get("credential");
    if (!(credential instanceof ObjectNode unsigned)
        || !unsigned.has("@context")
        || !hasType(unsigned, "VerifiableCredential")) {
      return new Response(
          422, error("credential must be an object with @context and type VerifiableCredential"));
    }
    String did = site.history().did();
    JsonNode issuer = unsigned.get("issuer");
    String issuerId =
        issuer == null
            ? null
            : issuer.isTextual() ? issuer.textValue() : issuer.path("id").asText(null);
    if (issuerId == null) {
      unsigned.put("issuer", did);
    } else if (!issuerId.equals(did)) {
      return new Response(422, error("this issuer signs only as " + did));
    }
    Cryptosuite suite = Cryptosuite.EDDSA_JCS_2022;
    String requested = request.path("options").path("cryptosuite").asText("");
    if (!requested.isEmpty()) {
      Optional<Cryptosuite> match =
          Arrays.stream(Cryptosuite.values()).filter(c -> c.id().equals(requested)).findFirst();
      if (match.isEmpty()) {
        return new Response(422, error("unsupported cryptosuite " + requested));
      }
      suite = match.get();
    }
    try {
      ObjectNode signed =
          dataIntegrity.addProof(
              unsigned, ProofOptions.of(suite, site.clock().instant()), site.signer());
      ObjectNode response = StrictJson.mapper().createObjectNode();
      response.set("verifiableCredential", signed);
      return new Response(201, response);
    } catch (TrainproofException e) {
      // why: only typed refusals (undefined terms in safe mode, floats, a malformed @context)
      return new Response(422, error(String.valueOf(e.getMessage())));
    }
  }

  /**
   * {@code POST /credentials/verify} with {@code {verifiableCredential, options}}.
   *
   * @param body the request body
   * @return 200 when verified; 400 when the body is not JSON or holds no credential; 422 when the
   *     credential does not verify
   */
  Response verify(String body) {
    JsonNode request;
    try {
      request = StrictJson.parse(body, BODY_LIMITS);
    } catch (UnusableInputException e) {
      return new Response(400, error("the body is not strict JSON: " + e.getMessage()));
    }
    JsonNode vc = request.get("verifiableCredential");
    if (vc == null || !vc.isObject()) {
      return new Response(400, error("verifiableCredential must be an object"));
    }
    // The VC API checks proofs; whether the issuer is trusted is the relying party's call.
    CredentialVerifier verifier =
        new CredentialVerifier(
            trustBundle(),
            site.clock(),
            new VerificationPolicy(VerificationPolicy.DEFAULT.limits(), false),
            dataIntegrity);
    VerificationResult result = verifier.verify(StrictJson.write(vc));
    ObjectNode response = StrictJson.mapper().createObjectNode();
    ArrayNode checks = response.putArray("checks");
    ArrayNode errors = response.putArray("errors");
    boolean verified = true;
    for (Check c : result.checks()) {
      if (c.outcome() == Outcome.PASSED) {
        checks.add(c.kind().name().toLowerCase(Locale.ROOT));
      } else if (c.outcome() == Outcome.FAILED
          && !(c.kind() == CheckKind.ISSUER_TRUSTED
              && c.reason() == FailureReason.UNKNOWN_ISSUER)) {
        verified = false;
        errors.addObject().put("reason", String.valueOf(c.reason())).put("message", c.detail());
      }
    }
    response.put("verified", verified);
    return new Response(verified ? 200 : 422, response);
  }

  /**
   * An error body.
   *
   * @param message what was wrong
   * @return {@code {verified: false, errors: [{message}]}}
   */
  static ObjectNode error(String message) {
    ObjectNode n = StrictJson.mapper().createObjectNode();
    n.put("verified", false);
    n.putArray("errors").addObject().put("message", message);
    return n;
  }

  private static boolean hasType(ObjectNode credential, String type) {
    JsonNode t = credential.get("type");
    if (t == null) {
      return false;
    }
    if (t.isTextual()) {
      return t.textValue().equals(type);
    }
    for (JsonNode n : t) {
      if (n.isTextual() && n.textValue().equals(type)) {
        return true;
      }
    }
    return false;
  }
}
