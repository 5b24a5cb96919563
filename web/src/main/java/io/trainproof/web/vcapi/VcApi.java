package io.trainproof.web.vcapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.Actor;
import io.trainproof.core.TrainproofException;
import io.trainproof.core.certificate.CertificateService;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.credential.CredentialShape;
import io.trainproof.signing.jcs.JsonLimits;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.Signer;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.ProofOptions;
import io.trainproof.signing.verify.Check;
import io.trainproof.signing.verify.CheckKind;
import io.trainproof.signing.verify.CredentialVerifier;
import io.trainproof.signing.verify.FailureReason;
import io.trainproof.signing.verify.Outcome;
import io.trainproof.signing.verify.TrustBundle;
import io.trainproof.signing.verify.VerificationObserver;
import io.trainproof.signing.verify.VerificationPolicy;
import io.trainproof.signing.verify.VerificationResult;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VC API of the web host without HTTP: a request body in, a status and a JSON body out ({@code
 * POST /credentials/issue} and {@code POST /credentials/verify}). Bodies are decoded as strict
 * UTF-8 (a malformed sequence is refused, never replaced by U+FFFD) and parsed strictly ({@link
 * StrictJson}: duplicate keys refused, size and depth limits), so what is verified or signed is
 * exactly what was sent. A refusal is 400 (not UTF-8, not JSON) or 422 (not a credential this host
 * signs: see {@link CredentialShape}, the issuer, and status lists, which only the SDK signs; or
 * not verified); an exception other than a typed {@link TrainproofException} is a bug and escapes.
 * Authentication is the caller's business (the HTTP host: the Spring module's controllers, or the
 * example Jetty host): {@link #issue} is given the actor the authenticated caller maps to. Written
 * without Spring, so any host can use it. Thread-safe.
 */
public final class VcApi {
  private static final Logger LOG = LoggerFactory.getLogger(VcApi.class);

  /** The largest request body, in bytes. */
  public static final int MAX_BODY = 1 << 20;

  /** The body wraps the credential in one more object than the verifier's depth limit. */
  private static final JsonLimits BODY_LIMITS =
      new JsonLimits(MAX_BODY, JsonLimits.DEFAULT.maxDepth() + 1);

  /**
   * A response.
   *
   * @param status the HTTP status
   * @param body the JSON body
   * @param reason what happened, for the log: names fields, never holds request content
   */
  public record Response(int status, ObjectNode body, String reason) {
    /**
     * A refusal with one error message.
     *
     * @param status the HTTP status
     * @param message what was wrong; names the field, never echoes request content
     * @return the response
     */
    public static Response refused(int status, String message) {
      return new Response(status, error(message), message);
    }
  }

  private final IssuerSite site;
  private final DataIntegrity dataIntegrity;
  private final VerificationObserver observer;

  /**
   * @param site the issuer this API signs and verifies for
   * @param dataIntegrity the proof engine (its bundled JSON-LD contexts)
   */
  public VcApi(IssuerSite site, DataIntegrity dataIntegrity) {
    this(site, dataIntegrity, VerificationObserver.NONE);
  }

  /**
   * @param site the issuer this API signs and verifies for
   * @param dataIntegrity the proof engine (its bundled JSON-LD contexts)
   * @param observer wraps each verification, the API's and the verification page's
   */
  public VcApi(IssuerSite site, DataIntegrity dataIntegrity, VerificationObserver observer) {
    this.site = site;
    this.dataIntegrity = dataIntegrity;
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  /**
   * @return what wraps each verification
   */
  public VerificationObserver verificationObserver() {
    return observer;
  }

  /**
   * @return the issuer's key history and its current signed status lists
   */
  public TrustBundle trustBundle() {
    CertificateService certs = site.trainproof().certificates();
    return TrustBundle.of(
        List.of(site.history()),
        List.of(
            certs.statusListCredential(site.reader(), CertificateService.REVOCATION),
            certs.statusListCredential(site.reader(), CertificateService.SUPERSEDED)));
  }

  /**
   * {@code POST /credentials/issue} with {@code {credential, options}}, for an authenticated caller
   * allowed to issue.
   *
   * @param caller who asked, as the SDK's actor (passed to the signing seam)
   * @param body the request body
   * @return 201 with {@code {verifiableCredential}}, 400 or 422
   */
  public Response issue(Actor caller, byte[] body) {
    String text = strictUtf8(body);
    if (text == null) {
      return Response.refused(400, "the body is not valid UTF-8");
    }
    JsonNode request;
    try {
      request = StrictJson.parse(text, BODY_LIMITS);
    } catch (UnusableInputException e) {
      return new Response(
          400, error("the body is not strict JSON: " + e.getMessage()), "the body is not JSON");
    }
    if (!(request.get("credential") instanceof ObjectNode unsigned)) {
      return Response.refused(422, "credential: must be an object");
    }
    Optional<String> problem = shapeProblem(unsigned);
    if (problem.isPresent()) {
      return Response.refused(422, problem.get());
    }
    String did = site.history().did();
    JsonNode issuer = unsigned.get("issuer");
    String issuerId =
        issuer == null ? null : issuer.isTextual() ? issuer.textValue() : issuer.get("id").asText();
    Optional<Signer> testSigner =
        issuerId == null ? Optional.empty() : site.testSigners().apply(issuerId);
    if (issuerId == null) {
      unsigned.put("issuer", did);
    } else if (!issuerId.equals(did) && testSigner.isEmpty()) {
      return Response.refused(422, "issuer: this issuer signs only as " + did);
    }
    Optional<String> statusList = statusListProblem(unsigned);
    if (statusList.isPresent()) {
      return Response.refused(422, statusList.get());
    }
    Cryptosuite suite = Cryptosuite.EDDSA_JCS_2022;
    String requested = request.path("options").path("cryptosuite").asText("");
    if (!requested.isEmpty()) {
      Optional<Cryptosuite> match =
          Arrays.stream(Cryptosuite.values()).filter(c -> c.id().equals(requested)).findFirst();
      if (match.isEmpty()) {
        return new Response(
            422, error("unsupported cryptosuite " + requested), "options.cryptosuite: unsupported");
      }
      suite = match.get();
    }
    if (testSigner.isPresent()) {
      return signAsTestIssuer(caller, unsigned, request, testSigner.get());
    }
    try {
      ObjectNode signed = site.signing().sign(caller, unsigned, suite);
      ObjectNode response = StrictJson.mapper().createObjectNode();
      response.set("verifiableCredential", signed);
      return new Response(201, response, "signed with " + suite.id());
    } catch (TrainproofException e) {
      // why: only typed refusals (undefined terms in safe mode, floats, a malformed @context)
      return new Response(
          422, error(String.valueOf(e.getMessage())), "the signer refused the credential");
    }
  }

  /**
   * The VC data model checks the signer makes ({@link CredentialShape}), made before signing so
   * that the answer names the field; a credential may leave {@code issuer} out (the host names
   * itself).
   *
   * @param credential the credential without a proof
   * @return the first problem as {@code field: reason}, or empty
   */
  public static Optional<String> shapeProblem(ObjectNode credential) {
    return CredentialShape.problems(credential).stream()
        .filter(p -> credential.has("issuer") || !p.field().equals("issuer"))
        .findFirst()
        .map(p -> p.field() + ": " + p.reason());
  }

  /**
   * Refuses what would let a caller forge the issuer's status: a status list credential (a list
   * re-signed with its bits cleared un-revokes every certificate on it), a credential whose id or
   * subject id is one of the issuer's status list URLs, or a status entry in one of its lists (the
   * SDK assigns those).
   */
  private Optional<String> statusListProblem(ObjectNode credential) {
    for (JsonNode types :
        List.of(credential.path("type"), credential.path("credentialSubject").path("type"))) {
      for (JsonNode t : types.isArray() ? types : List.of(types)) {
        String type = t.asText("").toLowerCase(Locale.ROOT);
        if (type.contains("statuslist") || type.contains("revocationlist")) {
          return Optional.of("type: status list credentials are signed only by the SDK");
        }
      }
    }
    Set<String> lists = statusListIds();
    if (lists.contains(withoutFragment(credential.path("id").asText("")))) {
      return Optional.of("id: is one of this issuer's status list URLs");
    }
    JsonNode subject = credential.get("credentialSubject");
    for (JsonNode s : subject.isArray() ? subject : List.of(subject)) {
      if (lists.contains(withoutFragment(s.path("id").asText("")))) {
        return Optional.of("credentialSubject.id: is one of this issuer's status list URLs");
      }
    }
    JsonNode status = credential.path("credentialStatus");
    for (JsonNode s : status.isArray() ? status : List.of(status)) {
      if (lists.contains(withoutFragment(s.path("statusListCredential").asText("")))) {
        return Optional.of(
            "credentialStatus: entries in this issuer's status lists are assigned by the SDK");
      }
    }
    return Optional.empty();
  }

  private Set<String> statusListIds() {
    Set<String> ids = new HashSet<>();
    CertificateService certs = site.trainproof().certificates();
    for (String purpose : List.of(CertificateService.REVOCATION, CertificateService.SUPERSEDED)) {
      JsonNode list = StrictJson.parse(certs.statusListCredential(site.reader(), purpose));
      ids.add(withoutFragment(list.path("id").asText("")));
      ids.add(withoutFragment(list.path("credentialSubject").path("id").asText("")));
    }
    ids.remove("");
    return ids;
  }

  private static String withoutFragment(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }

  /**
   * Decodes strict UTF-8.
   *
   * @param bytes the bytes
   * @return the text, or null when the bytes are not well-formed UTF-8
   */
  public static @Nullable String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * Signs as one of the host's throwaway did:key TEST issuers, in the suite asked for (by default
   * the key's JCS suite), which must fit the key. Logged, not audited: not an organization's key.
   */
  private Response signAsTestIssuer(
      Actor caller, ObjectNode unsigned, JsonNode request, Signer signer) {
    KeyAlgorithm algorithm = signer.publicKey().algorithm();
    String requested = request.path("options").path("cryptosuite").asText("");
    Cryptosuite suite =
        requested.isEmpty()
            ? (algorithm == KeyAlgorithm.ED25519
                ? Cryptosuite.EDDSA_JCS_2022
                : Cryptosuite.ECDSA_JCS_2019)
            : Cryptosuite.fromId(requested).orElse(null);
    if (suite == null) {
      return Response.refused(422, "options.cryptosuite: unsupported " + requested);
    }
    if (!suite.supports(algorithm)) {
      return Response.refused(
          422,
          "options.cryptosuite: "
              + suite.id()
              + " does not sign with a "
              + algorithm.label()
              + " key");
    }
    try {
      ObjectNode signed =
          dataIntegrity.addProof(unsigned, ProofOptions.of(suite, site.clock().instant()), signer);
      LOG.info("signed as TEST issuer {} with {} for {}", signer.keyId(), suite.id(), caller.id());
      ObjectNode response = StrictJson.mapper().createObjectNode();
      response.set("verifiableCredential", signed);
      return new Response(201, response, "signed with " + suite.id() + " as a TEST issuer");
    } catch (TrainproofException e) {
      return new Response(
          422, error(String.valueOf(e.getMessage())), "the signer refused the credential");
    }
  }

  /**
   * {@code POST /credentials/verify} with {@code {verifiableCredential, options}}.
   *
   * @param body the request body
   * @return 200 when verified; 400 when the body is not JSON or holds no credential; 422 when the
   *     credential does not verify
   */
  public Response verify(byte[] body) {
    String text = strictUtf8(body);
    if (text == null) {
      return Response.refused(400, "the body is not valid UTF-8");
    }
    JsonNode request;
    try {
      request = StrictJson.parse(text, BODY_LIMITS);
    } catch (UnusableInputException e) {
      return new Response(
          400, error("the body is not strict JSON: " + e.getMessage()), "the body is not JSON");
    }
    JsonNode vc = request.get("verifiableCredential");
    if (vc == null || !vc.isObject()) {
      return Response.refused(400, "verifiableCredential: must be an object");
    }
    // The VC API checks proofs; whether the issuer is trusted is the relying party's call.
    CredentialVerifier verifier =
        new CredentialVerifier(
                trustBundle(),
                site.clock(),
                new VerificationPolicy(VerificationPolicy.DEFAULT.limits(), false),
                dataIntegrity)
            .observedBy(observer);
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
    return new Response(verified ? 200 : 422, response, verified ? "verified" : "did not verify");
  }

  /**
   * An error body.
   *
   * @param message what was wrong
   * @return {@code {verified: false, errors: [{message}]}}
   */
  public static ObjectNode error(String message) {
    ObjectNode n = StrictJson.mapper().createObjectNode();
    n.put("verified", false);
    n.putArray("errors").addObject().put("message", message);
    return n;
  }
}
