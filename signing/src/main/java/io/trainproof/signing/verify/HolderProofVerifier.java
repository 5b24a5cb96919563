package io.trainproof.signing.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ValidationException;
import io.trainproof.core.spi.CredentialIssuer.HolderProof;
import io.trainproof.core.spi.CredentialIssuer.HolderProofResult;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.internal.Crypto;
import io.trainproof.signing.internal.Multibase;
import io.trainproof.signing.internal.Sanitized;
import io.trainproof.signing.jcs.JsonLimits;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.DidKey;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.VerificationKey;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.JsonLdContexts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a holder's proof of control of a {@code did:key} DID, offline, at the time of an
 * injected {@link Clock}: a DID Authentication Verifiable Presentation (VC API exchanges) or an
 * OpenID for Verifiable Credential Issuance 1.0 key proof of type {@code jwt}. It checks the
 * signature, the purpose, the challenge or audience and the proof's age, and keeps no state: the
 * caller checks that the challenge or nonce is one it issued and has not been used.
 *
 * <p><b>Presentations</b> ({@link HolderProof.Kind#PRESENTATION}): one JSON object within {@link
 * JsonLimits}, first {@code @context} VC 2.0 ({@value JsonLdContexts#CREDENTIALS_V2}) or VC 1.1
 * ({@value JsonLdContexts#CREDENTIALS_V1}), {@code type} holding {@code VerifiablePresentation},
 * and exactly one proof: a {@code DataIntegrityProof} of a suite this module implements ({@code
 * eddsa-rdfc-2022}, {@code eddsa-jcs-2022}, {@code ecdsa-jcs-2019}, {@code ecdsa-rdfc-2019}), or an
 * {@code Ed25519Signature2020} proof (what the Learner Credential Wallet sends; the presentation
 * must name {@value JsonLdContexts#ED25519_SIGNATURE_2020_V1}), with RDF canonicalization within
 * the {@link DataIntegrity}'s limits and bundled contexts (nothing is fetched), and with {@code
 * proofPurpose} {@code authentication}, {@code challenge} the expected one, {@code domain} the
 * expected one (or an array holding it), {@code created} no more than {@link #MAX_CLOCK_SKEW} ahead
 * of the clock, {@code expires} (when present) not passed, and {@code verificationMethod} an
 * Ed25519 or P-256 {@code did:key} DID URL, resolved locally, whose key verifies the signature. A
 * {@code holder} the presentation states must be that DID. Credentials it carries are not verified
 * here ({@link CredentialVerifier#verifyPresentation} does).
 *
 * <p><b>JWT key proofs</b> ({@link HolderProof.Kind#JWT}), parsed and checked with Nimbus JOSE+JWT:
 * at most {@link #MAX_JWT_CHARS} chars; header {@code typ} {@code openid4vci-proof+jwt}, {@code
 * alg} {@code EdDSA} (Ed25519) or {@code ES256} (P-256), never {@code none} or a MAC; the key from
 * exactly one of {@code kid} (a {@code did:key} DID URL) and {@code jwk} (a public Ed25519 or P-256
 * key, whose {@code did:key} becomes the holder); no {@code crit}; {@code aud} holding the expected
 * audience (the credential issuer identifier); {@code iat} within {@link #MAX_CLOCK_SKEW} of the
 * clock either way. Its {@code nonce} claim is returned for the caller to check.
 *
 * <p>Every refusal is a {@link ValidationException} whose field names what failed ({@code proof},
 * {@code challenge}, {@code domain}, {@code created}, {@code expires}, {@code holder}, {@code typ},
 * {@code alg}, {@code aud}, {@code iat}, {@code nonce}) and whose reason says why without echoing
 * the proof.
 *
 * <p>Thread-safe.
 */
public final class HolderProofVerifier {
  /** How far a proof's {@code created} or a JWT's {@code iat} may differ from the clock. */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  /** The longest JWT key proof accepted, in chars (16 KiB). */
  public static final int MAX_JWT_CHARS = 16 * 1024;

  /** The longest holder DID accepted, in chars. */
  public static final int MAX_HOLDER_CHARS = 500;

  /** The proof type of the Ed25519Signature2020 suite (jsonld-signatures). */
  static final String ED25519_SIGNATURE_2020 = "Ed25519Signature2020";

  /** The proof purpose of a DID Authentication presentation. */
  static final String AUTHENTICATION = "authentication";

  /** What a refusal shows in place of a value taken from the proof. */
  static final String NOT_SHOWN = "(not shown)";

  private final Clock clock;
  private final JsonLimits limits;
  private final ProofChecker proofs;
  private final DataIntegrity dataIntegrity;
  private final JwtKeyProofs jwts;

  /**
   * A verifier with the bundled JSON-LD contexts and {@link JsonLimits#DEFAULT}.
   *
   * @param clock the verification time
   */
  public HolderProofVerifier(Clock clock) {
    this(clock, new DataIntegrity(), JsonLimits.DEFAULT);
  }

  /**
   * A verifier.
   *
   * @param clock the verification time
   * @param dataIntegrity the proof machinery (with its JSON-LD contexts and canonicalization
   *     limits)
   * @param limits the size and depth limits of a presentation
   */
  public HolderProofVerifier(Clock clock, DataIntegrity dataIntegrity, JsonLimits limits) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.limits = Objects.requireNonNull(limits, "limits");
    // why: the holder's key is a did:key, resolved from its id; no issuer is trusted here
    this.dataIntegrity = Objects.requireNonNull(dataIntegrity, "dataIntegrity");
    this.proofs = new ProofChecker(TrustBundle.of(List.of(), List.of()), dataIntegrity);
    this.jwts = new JwtKeyProofs(clock);
  }

  /**
   * Verifies a holder's proof.
   *
   * @param proof the proof and what it must be bound to
   * @return the holder's DID and the nonce the proof carries (a presentation's challenge, a JWT's
   *     {@code nonce} claim or null)
   * @throws ValidationException when the proof is refused, naming what failed
   */
  public HolderProofResult verify(HolderProof proof) {
    if (proof == null) {
      throw new ValidationException("proof", null, "is required");
    }
    return switch (proof.kind()) {
      case PRESENTATION -> {
        String challenge = proof.challenge();
        if (challenge == null || challenge.isEmpty()) {
          throw new ValidationException(
              "challenge", null, "a presentation is verified against a challenge");
        }
        yield new HolderProofResult(
            verifyPresentation(proof.proof(), challenge, proof.domain()).holder(), challenge);
      }
      case JWT -> jwts.verify(proof.proof(), proof.domain());
    };
  }

  /**
   * A presentation whose proof verified.
   *
   * @param holder the DID whose key signed it
   * @param presentation the parsed presentation
   */
  record VerifiedPresentation(String holder, ObjectNode presentation) {}

  /**
   * Verifies a DID Authentication presentation.
   *
   * @throws ValidationException when it is refused
   */
  VerifiedPresentation verifyPresentation(String json, String challenge, String domain) {
    if (json == null) {
      throw new ValidationException("proof", null, "is required");
    }
    JsonNode parsed;
    try {
      parsed = StrictJson.parse(json, limits);
    } catch (UnusableInputException e) {
      throw refuse(
          "proof",
          StrictJson.LIMIT.equals(e.what())
              ? "the presentation is larger or deeper than "
                  + limits.maxChars()
                  + " chars and "
                  + limits.maxDepth()
                  + " levels"
              : "the presentation is not well-formed JSON");
    }
    if (!parsed.isObject()) {
      throw refuse("proof", "the presentation is not a JSON object");
    }
    ObjectNode vp = (ObjectNode) parsed;
    String context = firstContext(vp);
    if (!JsonLdContexts.CREDENTIALS_V2.equals(context)
        && !JsonLdContexts.CREDENTIALS_V1.equals(context)) {
      throw refuse("proof", "the presentation's first @context is not VC 2.0 or VC 1.1");
    }
    if (!hasType(vp.get("type"), "VerifiablePresentation")) {
      throw refuse("proof", "the presentation's type does not hold VerifiablePresentation");
    }
    List<ObjectNode> all;
    try {
      all = DataIntegrity.proofs(vp);
    } catch (UnusableInputException e) {
      throw refuse("proof", "the presentation's proof is neither an object nor objects");
    }
    if (all.size() != 1) {
      throw refuse("proof", "the presentation must carry exactly one proof, not " + all.size());
    }
    ObjectNode proof = all.get(0);
    boolean ed25519Signature2020 = ED25519_SIGNATURE_2020.equals(proof.path("type").asText());
    if (!ed25519Signature2020 && !"DataIntegrityProof".equals(proof.path("type").asText())) {
      throw refuse("proof", "the proof is not a DataIntegrityProof or an Ed25519Signature2020");
    }
    if (!ed25519Signature2020
        && Cryptosuite.fromId(proof.path("cryptosuite").asText("")).isEmpty()) {
      throw refuse("proof", "the proof's cryptosuite is not one this verifier implements");
    }
    if (!AUTHENTICATION.equals(proof.path("proofPurpose").asText(""))) {
      throw refuse("proof", "the proof's proofPurpose is not authentication");
    }
    checkChallenge(proof.get("challenge"), challenge);
    checkDomain(proof.get("domain"), domain);
    checkTimes(proof);
    String holder = holderOf(proof.get("verificationMethod"));
    JsonNode stated = vp.get("holder");
    if (stated != null) {
      JsonNode statedId = stated.isObject() ? stated.get("id") : stated;
      if (statedId == null || !statedId.isTextual() || !holder.equals(statedId.textValue())) {
        throw refuse("holder", "the presentation's holder is not the DID whose key signed it");
      }
    }
    if (ed25519Signature2020) {
      verifyEd25519Signature2020(vp, proof);
      return new VerifiedPresentation(holder, vp);
    }
    ProofChecker.Result result = proofs.check(vp, proof, all, "proof");
    if (!result.valid()) {
      FailureReason reason = Objects.requireNonNull(result.proof().reason());
      throw refuse(
          "proof", "the presentation's signature does not verify: " + reason.description());
    }
    return new VerifiedPresentation(holder, vp);
  }

  /**
   * An {@code Ed25519Signature2020} proof (jsonld-signatures): hashed as {@code eddsa-rdfc-2022}
   * hashes, the proof configuration taking the document's {@code @context}, which must hold the
   * suite's context; an Ed25519 key.
   */
  private void verifyEd25519Signature2020(ObjectNode vp, ObjectNode proof) {
    if (!contexts(vp).contains(JsonLdContexts.ED25519_SIGNATURE_2020_V1)) {
      throw refuse("proof", "an Ed25519Signature2020 presentation must name the suite's context");
    }
    VerificationKey key = DidKey.resolve(proof.get("verificationMethod").textValue());
    if (key.algorithm() != KeyAlgorithm.ED25519) {
      throw refuse("proof", "an Ed25519Signature2020 proof needs an Ed25519 key");
    }
    JsonNode value = proof.get("proofValue");
    if (value == null || !value.isTextual()) {
      throw refuse("proof", "the proof carries no proofValue");
    }
    byte[] hashData;
    byte[] signature;
    try {
      signature = Multibase.decodeBase58(value.textValue());
      ObjectNode unsecured = vp.deepCopy();
      unsecured.remove("proof");
      Cryptosuite suite = Cryptosuite.EDDSA_RDFC_2022;
      hashData =
          dataIntegrity
              .trace(
                  suite,
                  KeyAlgorithm.ED25519,
                  unsecured,
                  dataIntegrity.proofConfig(suite, proof, unsecured))
              .hashData();
    } catch (UnusableInputException e) {
      throw refuse(
          "proof",
          "the presentation's signature does not verify: its proof or content cannot be put in"
              + " the form that was signed");
    }
    if (!Crypto.verify(KeyAlgorithm.ED25519, key.bytes(), hashData, signature)) {
      throw refuse(
          "proof",
          "the presentation's signature does not verify: "
              + FailureReason.TAMPERED_CONTENT.description());
    }
  }

  private static List<String> contexts(ObjectNode document) {
    JsonNode context = document.get("@context");
    List<String> urls = new ArrayList<>();
    if (context != null && context.isTextual()) {
      urls.add(context.textValue());
    } else if (context != null && context.isArray()) {
      context.forEach(c -> urls.add(c.asText("")));
    }
    return urls;
  }

  private static void checkChallenge(@Nullable JsonNode value, String expected) {
    if (value == null || !value.isTextual()) {
      throw refuse("challenge", "the proof carries no challenge");
    }
    if (!expected.equals(value.textValue())) {
      throw refuse("challenge", "the proof is made for another challenge");
    }
  }

  private static void checkDomain(@Nullable JsonNode value, String expected) {
    if (value == null) {
      throw refuse("domain", "the proof carries no domain");
    }
    boolean found = value.isTextual() && expected.equals(value.textValue());
    if (value.isArray()) {
      for (JsonNode item : value) {
        found |= item.isTextual() && expected.equals(item.textValue());
      }
    }
    if (!found) {
      throw refuse("domain", "the proof is made for another domain");
    }
  }

  private void checkTimes(ObjectNode proof) {
    Instant now = clock.instant();
    Instant created = instant(proof.get("created"), "created");
    if (created == null) {
      throw refuse("created", "the proof carries no created time");
    }
    if (created.isAfter(now.plus(MAX_CLOCK_SKEW))) {
      throw refuse("created", "the proof is created more than 5 minutes in the future");
    }
    Instant expires = instant(proof.get("expires"), "expires");
    if (expires != null && !now.isBefore(expires)) {
      throw refuse("expires", "the proof has expired");
    }
  }

  private static @Nullable Instant instant(@Nullable JsonNode value, String field) {
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw refuse(field, "is not an XML Schema dateTime");
    }
    try {
      return ProofChecker.parseDateTime(value.textValue());
    } catch (DateTimeParseException e) {
      throw refuse(field, "is not an XML Schema dateTime");
    }
  }

  /** The DID of a did:key verification method of an Ed25519 or P-256 key. */
  private static String holderOf(@Nullable JsonNode method) {
    if (method == null || !method.isTextual() || !DidKey.isDidKey(method.textValue())) {
      throw refuse("proof", "the proof's verificationMethod is not a did:key DID URL");
    }
    String id = method.textValue();
    VerificationKey key;
    try {
      key = DidKey.resolve(id);
    } catch (UnusableInputException e) {
      throw refuse("proof", "the proof's verificationMethod is not a well-formed did:key");
    }
    if (key.algorithm() == KeyAlgorithm.P384) {
      throw refuse("proof", "a holder's did:key must be an Ed25519 or P-256 key");
    }
    int hash = id.indexOf('#');
    return hash < 0 ? id : id.substring(0, hash);
  }

  /**
   * Checks a holder DID before a credential is bound to it: a {@code did:key} of an Ed25519 ({@code
   * did:key:z6Mk…}) or P-256 ({@code did:key:zDn…}) public key, written as this module writes it
   * (no fragment, no other encoding of the same key), at most {@link #MAX_HOLDER_CHARS} chars.
   *
   * @param holder the DID
   * @return the DID's key
   * @throws ValidationException (field {@code holder}) when it is anything else
   */
  public static VerificationKey requireHolder(String holder) {
    if (holder == null) {
      throw new ValidationException("holder", null, "is required");
    }
    if (holder.length() > MAX_HOLDER_CHARS) {
      throw new ValidationException(
          "holder", Sanitized.text(holder, 60), "is longer than " + MAX_HOLDER_CHARS + " chars");
    }
    String reason = "is not a did:key DID of an Ed25519 or P-256 key";
    if (!DidKey.isDidKey(holder) || holder.indexOf('#') >= 0) {
      throw new ValidationException("holder", Sanitized.text(holder, 60), reason);
    }
    VerificationKey key;
    try {
      key = DidKey.resolve(holder);
    } catch (UnusableInputException e) {
      throw new ValidationException("holder", Sanitized.text(holder, 60), reason);
    }
    if (key.algorithm() == KeyAlgorithm.P384 || !key.didKey().equals(holder)) {
      throw new ValidationException("holder", Sanitized.text(holder, 60), reason);
    }
    return key;
  }

  private static @Nullable String firstContext(ObjectNode document) {
    JsonNode context = document.get("@context");
    if (context != null && context.isArray() && !context.isEmpty()) {
      context = context.get(0);
    }
    return context != null && context.isTextual() ? context.textValue() : null;
  }

  private static boolean hasType(@Nullable JsonNode type, String wanted) {
    if (type == null) {
      return false;
    }
    if (type.isTextual()) {
      return wanted.equals(type.textValue());
    }
    if (type.isArray()) {
      for (JsonNode item : type) {
        if (item.isTextual() && wanted.equals(item.textValue())) {
          return true;
        }
      }
    }
    return false;
  }

  static ValidationException refuse(String field, String reason) {
    return new ValidationException(field, NOT_SHOWN, reason);
  }
}
