package io.trainproof.signing.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ValidationException;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.internal.XsdDateTime;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.proof.DataIntegrity;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies credentials offline against a {@link TrustBundle}, at the time of an injected {@link
 * Clock}. Returns a {@link VerificationResult} with every check; for any input text it never throws
 * (unusable input is a failed {@link CheckKind#WELL_FORMED} check).
 *
 * <p>Checks: each proof (well formed, known suite, {@code proofValue} multibase, proof
 * {@code @context} a prefix of the document's, {@code previousProof} present, key known and of the
 * suite's type, signature valid); each key valid at its proof's {@code created} (retired keys
 * verify what they signed while active); the issuer in the bundle and, under {@link
 * VerificationPolicy#requireIssuerKey()}, signing with its own key; {@code validFrom}/{@code
 * validUntil} (or VC 1.1 {@code issuanceDate}/{@code expirationDate}); revocation and supersession
 * through the bundle's status lists, whose own proofs are verified first, which must be valid now
 * (within their {@code validFrom}/{@code validUntil}; a list that states no {@code validUntil} is
 * taken as valid for {@link VerificationPolicy#statusListMaxAge()} from its {@code validFrom}), and
 * which must not be older than a list already seen ({@link SeenStatusLists}: a replayed list from
 * before a revocation is {@link FailureReason#STALE_STATUS_LIST}). Status is fail-closed: a {@code
 * credentialStatus} entry the verifier does not understand (another type or purpose, a value that
 * is not an object) fails with {@link FailureReason#UNSUPPORTED_STATUS}, never passes. All proofs
 * of a proof set must verify.
 *
 * <p>Limitation: a proof's {@code created} is what the signer wrote; a stolen retired key could
 * back-date. Retire a compromised key's history entry by publishing a new bundle and re-issuing,
 * not by relying on {@code created} alone.
 *
 * <p>Thread-safe.
 */
public final class CredentialVerifier {
  private static final Logger LOG = LoggerFactory.getLogger(CredentialVerifier.class);

  private final TrustBundle bundle;
  private final Clock clock;
  private final VerificationPolicy policy;
  private final ProofChecker proofs;
  private final StatusChecker status;
  private final VerificationObserver observer;
  private final HolderProofVerifier holderProofs;

  /**
   * Creates a verifier with {@link VerificationPolicy#DEFAULT}.
   *
   * @param bundle what it trusts
   * @param clock the verification time
   */
  public CredentialVerifier(TrustBundle bundle, Clock clock) {
    this(bundle, clock, VerificationPolicy.DEFAULT, new DataIntegrity());
  }

  /**
   * Creates a verifier.
   *
   * @param bundle what it trusts
   * @param clock the verification time
   * @param policy what it demands
   * @param dataIntegrity the proof machinery (with the JSON-LD contexts it may use)
   */
  public CredentialVerifier(
      TrustBundle bundle, Clock clock, VerificationPolicy policy, DataIntegrity dataIntegrity) {
    this(bundle, clock, policy, dataIntegrity, new SeenStatusLists());
  }

  /**
   * Creates a verifier that shares its memory of status lists with other verifiers, so that a
   * refreshed trust bundle holding an older status list is refused.
   *
   * @param bundle what it trusts
   * @param clock the verification time
   * @param policy what it demands
   * @param dataIntegrity the proof machinery (with the JSON-LD contexts it may use)
   * @param seen the status lists seen so far, shared
   */
  public CredentialVerifier(
      TrustBundle bundle,
      Clock clock,
      VerificationPolicy policy,
      DataIntegrity dataIntegrity,
      SeenStatusLists seen) {
    this.bundle = bundle;
    this.clock = clock;
    this.policy = policy;
    this.proofs = new ProofChecker(bundle, dataIntegrity);
    this.status = new StatusChecker(bundle, clock, policy, proofs, seen);
    this.observer = VerificationObserver.NONE;
    this.holderProofs = new HolderProofVerifier(clock, dataIntegrity, policy.limits());
  }

  private CredentialVerifier(CredentialVerifier verifier, VerificationObserver observer) {
    this.bundle = verifier.bundle;
    this.clock = verifier.clock;
    this.policy = verifier.policy;
    this.proofs = verifier.proofs;
    this.status = verifier.status;
    this.observer = observer;
    this.holderProofs = verifier.holderProofs;
  }

  /**
   * The same verifier (same trust, clock, policy and memory of status lists), with each
   * verification run through an observer, e.g. to time and count it.
   *
   * @param observer wraps each verification
   * @return the observed verifier; this one is unchanged
   * @throws ValidationException when {@code observer} is null
   */
  public CredentialVerifier observedBy(VerificationObserver observer) {
    if (observer == null) {
      throw new ValidationException("observer", null, "is required");
    }
    return new CredentialVerifier(this, observer);
  }

  /**
   * Verifies a credential received as bytes. The bytes must be UTF-8: a malformed sequence is a
   * failed {@link CheckKind#WELL_FORMED} check ({@link FailureReason#MALFORMED_JSON}, naming the
   * byte offset), never replaced by U+FFFD.
   *
   * @param credentialUtf8 the credential's JSON text as UTF-8, as received
   * @return every check and its outcome
   */
  public VerificationResult verify(byte[] credentialUtf8) {
    return observer.observe(() -> verifyUtf8(credentialUtf8));
  }

  private VerificationResult verifyUtf8(byte[] credentialUtf8) {
    String text;
    try {
      if (credentialUtf8.length / 3 > policy.limits().maxChars()) {
        throw new UnusableInputException(
            StrictJson.LIMIT,
            "input of "
                + credentialUtf8.length
                + " bytes exceeds the limit of "
                + policy.limits().maxChars());
      }
      text = StrictJson.decodeUtf8(credentialUtf8);
    } catch (UnusableInputException e) {
      FailureReason reason =
          StrictJson.LIMIT.equals(e.what())
              ? FailureReason.INPUT_TOO_LARGE
              : FailureReason.MALFORMED_JSON;
      return new VerificationResult(
          null, List.of(Check.failed(CheckKind.WELL_FORMED, reason, e.getMessage())));
    }
    return verifyText(text);
  }

  /**
   * Verifies a credential.
   *
   * @param credentialJson the credential's JSON text, as received
   * @return every check and its outcome
   */
  public VerificationResult verify(String credentialJson) {
    return observer.observe(() -> verifyText(credentialJson));
  }

  private VerificationResult verifyText(String credentialJson) {
    List<Check> checks = new ArrayList<>();
    JsonNode parsed;
    try {
      parsed = StrictJson.parse(credentialJson, policy.limits());
    } catch (UnusableInputException e) {
      FailureReason reason =
          StrictJson.LIMIT.equals(e.what())
              ? FailureReason.INPUT_TOO_LARGE
              : FailureReason.MALFORMED_JSON;
      checks.add(Check.failed(CheckKind.WELL_FORMED, reason, e.getMessage()));
      return new VerificationResult(null, checks);
    }
    if (!parsed.isObject()) {
      checks.add(
          Check.failed(
              CheckKind.WELL_FORMED, FailureReason.MALFORMED_CREDENTIAL, "not a JSON object"));
      return new VerificationResult(null, checks);
    }
    return verifyParsed((ObjectNode) parsed, checks);
  }

  private VerificationResult verifyParsed(ObjectNode credential, List<Check> checks) {
    String id = credential.path("id").isTextual() ? credential.get("id").textValue() : null;
    checks.add(Check.passed(CheckKind.WELL_FORMED, "one JSON object, no duplicate keys"));

    List<ProofChecker.Result> proofResults = checkProofs(credential, checks);
    checkIssuer(credential, proofResults, checks);
    checkValidityPeriod(credential, checks);
    status.check(credential, checks);

    VerificationResult result = new VerificationResult(id, checks);
    if (!result.verified()) {
      LOG.debug("credential {} not verified: {}", id, result.failureReasons());
    }
    return result;
  }

  /**
   * Verifies a Verifiable Presentation a holder made for this verifier: its proof as {@link
   * HolderProofVerifier} verifies a DID Authentication presentation (a Data Integrity proof with
   * purpose {@code authentication} by a {@code did:key} the holder controls, over the expected
   * challenge and domain, not created more than 5 minutes ahead of this verifier's clock, not
   * expired; within this verifier's {@link VerificationPolicy#limits()}), then each credential in
   * its {@code verifiableCredential} exactly as {@link #verify(String)} does, then the holder
   * binding: each credential must name the holder's DID as the {@code id} of its {@code
   * credentialSubject} (of one of them, when it has several). The caller checks that the challenge
   * is one it issued and has not been used. Never throws for any presentation text.
   *
   * @param presentationJson the presentation's JSON text, as received
   * @param challenge the challenge the verifier gave the holder
   * @param domain the verifier's domain
   * @return the holder, what was refused if anything, and each credential's checks
   */
  public PresentationResult verifyPresentation(
      String presentationJson, String challenge, String domain) {
    HolderProofVerifier.VerifiedPresentation presentation;
    try {
      if (challenge == null || challenge.isEmpty()) {
        throw new ValidationException(
            "challenge", null, "a presentation is verified against a challenge");
      }
      presentation = holderProofs.verifyPresentation(presentationJson, challenge, domain);
    } catch (ValidationException e) {
      LOG.debug("presentation refused: {}", e.getMessage());
      return new PresentationResult(null, e.field(), e.getMessage(), List.of());
    }
    String holder = presentation.holder();
    List<JsonNode> embedded = new ArrayList<>();
    JsonNode vcs = presentation.presentation().get("verifiableCredential");
    if (vcs != null && vcs.isArray()) {
      vcs.forEach(embedded::add);
    } else if (vcs != null) {
      embedded.add(vcs);
    }
    List<VerificationResult> results = new ArrayList<>();
    String unbound = null;
    for (int i = 0; i < embedded.size(); i++) {
      JsonNode item = embedded.get(i);
      if (!item.isObject()) {
        results.add(
            new VerificationResult(
                null,
                List.of(
                    Check.failed(
                        CheckKind.WELL_FORMED,
                        FailureReason.MALFORMED_CREDENTIAL,
                        "not a JSON object"))));
      } else {
        ObjectNode credential = (ObjectNode) item;
        results.add(observer.observe(() -> verifyParsed(credential, new ArrayList<>())));
      }
      if (unbound == null && !isSubject(item, holder)) {
        unbound =
            "credential "
                + (i + 1)
                + " of "
                + embedded.size()
                + " is not issued to the presentation's holder";
      }
    }
    return new PresentationResult(
        holder,
        unbound == null ? null : "holder",
        unbound == null ? null : "holder=" + holder + ": " + unbound,
        results);
  }

  /** Whether a credential names the DID as the id of its subject, or of one of its subjects. */
  private static boolean isSubject(JsonNode credential, String did) {
    JsonNode subject = credential.get("credentialSubject");
    if (subject == null) {
      return false;
    }
    if (subject.isArray()) {
      for (JsonNode one : subject) {
        if (did.equals(one.path("id").asText(null))) {
          return true;
        }
      }
      return false;
    }
    return did.equals(subject.path("id").asText(null));
  }

  private List<ProofChecker.Result> checkProofs(ObjectNode credential, List<Check> checks) {
    List<ObjectNode> all;
    try {
      all = DataIntegrity.proofs(credential);
    } catch (UnusableInputException e) {
      checks.add(Check.failed(CheckKind.PROOF, FailureReason.MALFORMED_PROOF, e.getMessage()));
      return List.of();
    }
    if (all.isEmpty()) {
      checks.add(
          Check.failed(
              CheckKind.PROOF, FailureReason.MISSING_PROOF, "the credential carries no proof"));
      return List.of();
    }
    List<ProofChecker.Result> results = new ArrayList<>();
    ProofChecker.DocumentHashes documentHashes = new ProofChecker.DocumentHashes();
    for (int i = 0; i < all.size(); i++) {
      String label = all.size() == 1 ? "proof" : "proof " + (i + 1) + " of " + all.size();
      ProofChecker.Result result = proofs.check(credential, all.get(i), all, label, documentHashes);
      results.add(result);
      checks.add(result.proof());
      if (result.keyValidity() != null) {
        checks.add(result.keyValidity());
      }
    }
    return results;
  }

  private void checkIssuer(
      ObjectNode credential, List<ProofChecker.Result> results, List<Check> checks) {
    JsonNode issuerNode = credential.get("issuer");
    String issuer =
        issuerNode == null
            ? null
            : issuerNode.isTextual()
                ? issuerNode.textValue()
                : issuerNode.path("id").isTextual() ? issuerNode.get("id").textValue() : null;
    if (issuer == null) {
      checks.add(
          Check.failed(
              CheckKind.ISSUER_TRUSTED, FailureReason.MALFORMED_CREDENTIAL, "no issuer id"));
      return;
    }
    if (bundle.issuer(issuer).isEmpty()) {
      checks.add(
          Check.failed(
              CheckKind.ISSUER_TRUSTED,
              FailureReason.UNKNOWN_ISSUER,
              issuer + " is not in the trust bundle"));
      return;
    }
    if (policy.requireIssuerKey() && !signedBy(issuer, results)) {
      // why: key validity is its own check; here only whose key made a verifying signature
      checks.add(
          Check.failed(
              CheckKind.ISSUER_TRUSTED,
              FailureReason.WRONG_KEY,
              "no verifying proof is made with a key of " + issuer));
      return;
    }
    checks.add(Check.passed(CheckKind.ISSUER_TRUSTED, issuer + " is trusted"));
  }

  /** Whether a proof that passed was made with a key of the issuer. */
  private static boolean signedBy(String issuer, List<ProofChecker.Result> results) {
    for (ProofChecker.Result r : results) {
      if (r.proof().outcome() == Outcome.PASSED && issuer.equals(r.issuerDid())) {
        return true;
      }
    }
    return false;
  }

  private void checkValidityPeriod(ObjectNode credential, List<Check> checks) {
    Instant now = clock.instant();
    Instant from;
    Instant until;
    try {
      from = date(credential, "validFrom", "issuanceDate");
      until = date(credential, "validUntil", "expirationDate");
    } catch (DateTimeParseException e) {
      checks.add(
          Check.failed(
              CheckKind.VALIDITY_PERIOD,
              FailureReason.MALFORMED_CREDENTIAL,
              "a validity date does not parse"));
      return;
    }
    if (from != null && now.isBefore(from)) {
      checks.add(
          Check.failed(
              CheckKind.VALIDITY_PERIOD,
              FailureReason.NOT_YET_VALID,
              "valid from " + from + ", now " + now));
    } else if (until != null && !now.isBefore(until)) {
      checks.add(
          Check.failed(
              CheckKind.VALIDITY_PERIOD,
              FailureReason.EXPIRED,
              "valid until " + until + ", now " + now));
    } else if (from == null && until == null) {
      checks.add(Check.notApplicable(CheckKind.VALIDITY_PERIOD, "no validity period stated"));
    } else {
      checks.add(Check.passed(CheckKind.VALIDITY_PERIOD, "valid at " + XsdDateTime.text(now)));
    }
  }

  /**
   * A credential's date, its VC 2.0 name first, else its VC 1.1 name.
   *
   * @throws DateTimeParseException when it is not a string holding an XML Schema dateTime
   */
  static @Nullable Instant date(ObjectNode credential, String v2, String v1) {
    JsonNode node = credential.has(v2) ? credential.get(v2) : credential.get(v1);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      throw new DateTimeParseException("not a string", node.toString(), 0);
    }
    return ProofChecker.parseDateTime(node.textValue());
  }
}
