package io.trainproof.signing.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.internal.Crypto;
import io.trainproof.signing.internal.Multibase;
import io.trainproof.signing.internal.RdfCanonicalizer;
import io.trainproof.signing.internal.Sanitized;
import io.trainproof.signing.internal.XsdDateTime;
import io.trainproof.signing.jcs.JsonCanonicalizer;
import io.trainproof.signing.key.DidKey;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.KeyRecord;
import io.trainproof.signing.key.VerificationKey;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.DataIntegrity;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Verifies single Data Integrity proofs; used by {@link CredentialVerifier}. Thread-safe. */
final class ProofChecker {
  /** The proof configuration of a JCS suite: the proof without its {@code proofValue}. */
  private static final Map<String, @Nullable JsonNode> WITHOUT_PROOF_VALUE =
      Collections.singletonMap("proofValue", null);

  private final TrustBundle bundle;
  private final DataIntegrity dataIntegrity;

  ProofChecker(TrustBundle bundle, DataIntegrity dataIntegrity) {
    this.bundle = bundle;
    this.dataIntegrity = dataIntegrity;
  }

  /**
   * What checking one proof found.
   *
   * @param proof the PROOF check
   * @param keyValidity the KEY_VALIDITY check, or null when no key was resolved
   * @param issuerDid the DID whose trusted history holds the key, or null (did:key, unknown)
   */
  record Result(Check proof, @Nullable Check keyValidity, @Nullable String issuerDid) {
    boolean valid() {
      return proof.outcome() == Outcome.PASSED
          && (keyValidity == null || keyValidity.outcome() != Outcome.FAILED);
    }
  }

  Result check(ObjectNode secured, ObjectNode proof, List<ObjectNode> allProofs, String label) {
    return check(secured, proof, allProofs, label, new DocumentHashes());
  }

  /**
   * Checks one proof of a document whose proofs share {@code documentHashes}, so that the proofs of
   * a proof set that sign the same unsecured document canonicalize and hash it once.
   */
  Result check(
      ObjectNode secured,
      ObjectNode proof,
      List<ObjectNode> allProofs,
      String label,
      DocumentHashes documentHashes) {
    if (!"DataIntegrityProof".equals(proof.path("type").asText())) {
      return fail(FailureReason.MALFORMED_PROOF, label + ": type is not DataIntegrityProof");
    }
    String suiteId = proof.path("cryptosuite").asText("");
    Optional<Cryptosuite> suite = Cryptosuite.fromId(suiteId);
    if (suite.isEmpty()) {
      return fail(
          FailureReason.UNKNOWN_CRYPTOSUITE,
          label + ": unknown cryptosuite " + Sanitized.quoted(suiteId, 60));
    }
    for (String member : List.of("verificationMethod", "proofPurpose", "created", "proofValue")) {
      if (!proof.path(member).isTextual()) {
        return fail(FailureReason.MALFORMED_PROOF, label + ": missing '" + member + "'");
      }
    }
    Instant created;
    try {
      created = parseDateTime(proof.get("created").textValue());
    } catch (DateTimeParseException e) {
      return fail(FailureReason.MALFORMED_PROOF, label + ": created is not an XML Schema dateTime");
    }
    if (proof.has("@context") && !isPrefix(proof.get("@context"), secured.get("@context"))) {
      return fail(
          FailureReason.PROOF_CONTEXT_NOT_PREFIX,
          label + ": proof @context is not a prefix of the document's");
    }

    JsonNode chained = null;
    JsonNode previous = proof.get("previousProof");
    if (previous != null) {
      List<String> ids = new ArrayList<>();
      if (previous.isTextual()) {
        ids.add(previous.textValue());
      } else if (previous.isArray()) {
        previous.forEach(p -> ids.add(p.asText()));
      } else {
        return fail(
            FailureReason.MALFORMED_PROOF,
            label + ": previousProof is neither a string nor an array");
      }
      try {
        chained = DataIntegrity.matchingProofs(allProofs, ids);
      } catch (UnusableInputException e) {
        return fail(FailureReason.UNKNOWN_PREVIOUS_PROOF, label + ": " + e.getMessage());
      }
    }

    String method = proof.get("verificationMethod").textValue();
    String shownMethod = Sanitized.text(method, 200);
    VerificationKey key;
    KeyRecord record = null;
    String issuerDid = null;
    if (DidKey.isDidKey(method)) {
      try {
        key = DidKey.resolve(method);
      } catch (UnusableInputException e) {
        return fail(
            VerificationKey.UNSUPPORTED_KEY_TYPE.equals(e.what())
                ? FailureReason.UNSUPPORTED_KEY_TYPE
                : FailureReason.UNKNOWN_KEY,
            label + ": " + e.getMessage());
      }
    } else {
      Optional<TrustBundle.TrustedKey> trusted = bundle.key(method);
      if (trusted.isEmpty()) {
        return fail(
            FailureReason.UNKNOWN_KEY, label + ": " + shownMethod + " is not in the trust bundle");
      }
      record = trusted.get().record();
      issuerDid = trusted.get().issuerDid();
      key = record.key();
    }
    if (!suite.get().supports(key.algorithm())) {
      return fail(
          FailureReason.WRONG_KEY,
          label + ": " + suiteId + " needs a " + suite.get().algorithm() + " key");
    }
    // why: decoded once the key is known, so that a key Trainproof does not support (a P-384
    // signature is longer than any it accepts) is reported as such, not as a malformed value
    byte[] signature;
    try {
      signature = Multibase.decodeBase58(proof.get("proofValue").textValue());
    } catch (UnusableInputException e) {
      return fail(FailureReason.MALFORMED_MULTIBASE, label + ": proofValue " + e.getMessage());
    }

    byte[] hashData;
    try {
      hashData = hashData(suite.get(), key.algorithm(), secured, proof, chained, documentHashes);
    } catch (UnusableInputException e) {
      FailureReason reason =
          RdfCanonicalizer.SAFE_MODE.equals(e.what())
              ? FailureReason.UNSAFE_JSON_LD
              : RdfCanonicalizer.LIMIT.equals(e.what())
                  ? FailureReason.CANONICALIZATION_LIMIT
                  : FailureReason.UNCANONICALIZABLE_CONTENT;
      return fail(reason, label + ": " + e.getMessage());
    }
    if (!Crypto.verify(key.algorithm(), key.bytes(), hashData, signature)) {
      return new Result(
          Check.failed(
              CheckKind.PROOF,
              FailureReason.TAMPERED_CONTENT,
              label + ": signature does not verify with " + shownMethod),
          null,
          issuerDid);
    }
    Check proofCheck =
        Check.passed(
            CheckKind.PROOF, label + ": " + suiteId + " signature by " + shownMethod + " verifies");
    Check keyCheck;
    if (record == null) {
      keyCheck =
          Check.notApplicable(CheckKind.KEY_VALIDITY, label + ": did:key has no validity interval");
    } else if (record.validAt(created)) {
      keyCheck =
          Check.passed(
              CheckKind.KEY_VALIDITY, label + ": key valid at " + XsdDateTime.text(created));
    } else if (created.isBefore(record.activeFrom())) {
      keyCheck =
          Check.failed(
              CheckKind.KEY_VALIDITY,
              FailureReason.KEY_NOT_YET_ACTIVE,
              label
                  + ": created "
                  + created
                  + " before the key became active at "
                  + record.activeFrom());
    } else {
      keyCheck =
          Check.failed(
              CheckKind.KEY_VALIDITY,
              FailureReason.KEY_RETIRED_BEFORE_PROOF,
              label
                  + ": created "
                  + created
                  + " after the key was retired at "
                  + record.retiredAt());
    }
    return new Result(proofCheck, keyCheck, issuerDid);
  }

  /**
   * The signed message: the unsecured document is the secured one without {@code proof} (or with
   * the chained proofs as {@code proof}), with the proof's {@code @context} when it has one.
   */
  private byte[] hashData(
      Cryptosuite suite,
      KeyAlgorithm algorithm,
      ObjectNode secured,
      ObjectNode proof,
      @Nullable JsonNode chained,
      DocumentHashes documentHashes) {
    if (suite.rdfCanonicalization()) {
      ObjectNode unsecured = secured.deepCopy();
      unsecured.remove("proof");
      if (chained != null) {
        unsecured.set("proof", chained);
      }
      if (proof.has("@context")) {
        unsecured.set("@context", proof.get("@context").deepCopy());
      }
      ObjectNode withoutValue = proof.deepCopy();
      withoutValue.remove("proofValue");
      return dataIntegrity
          .trace(
              suite,
              algorithm,
              unsecured,
              dataIntegrity.proofConfig(suite, withoutValue, unsecured))
          .hashData();
    }
    // why: for JCS suites the proof configuration is the proof without proofValue; both
    // canonical forms are written from views, without copying the credential
    JsonNode context = proof.get("@context");
    byte[] configHash =
        Crypto.proofHash(algorithm, JsonCanonicalizer.canonicalBytes(proof, WITHOUT_PROOF_VALUE));
    // why: the unsecured document of a proof that chains no other is the same for every such
    // proof with the same @context, so a proof set hashes it once per hash function
    byte[] documentHash = chained == null ? documentHashes.find(algorithm, context) : null;
    if (documentHash == null) {
      Map<String, @Nullable JsonNode> documentChanges = new HashMap<>(4);
      documentChanges.put("proof", chained);
      if (context != null) {
        documentChanges.put("@context", context);
      }
      documentHash =
          Crypto.proofHash(algorithm, JsonCanonicalizer.canonicalBytes(secured, documentChanges));
      if (chained == null) {
        documentHashes.add(algorithm, context, documentHash);
      }
    }
    byte[] out = Arrays.copyOf(configHash, configHash.length + documentHash.length);
    System.arraycopy(documentHash, 0, out, configHash.length, documentHash.length);
    return out;
  }

  /**
   * Parses an XML Schema dateTime with an offset, as {@link OffsetDateTime#parse} does; the common
   * {@code yyyy-MM-ddTHH:mm:ssZ} form (every Trainproof date) is read directly.
   *
   * @throws DateTimeParseException when it is not one
   */
  static Instant parseDateTime(String text) {
    if (text.length() == 20
        && text.charAt(4) == '-'
        && text.charAt(7) == '-'
        && text.charAt(10) == 'T'
        && text.charAt(13) == ':'
        && text.charAt(16) == ':'
        && text.charAt(19) == 'Z') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 2);
      int day = digits(text, 8, 2);
      int hour = digits(text, 11, 2);
      int minute = digits(text, 14, 2);
      int second = digits(text, 17, 2);
      if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0) {
        try {
          return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
          // why: out-of-range fields; the full parser below reports them as it always has
        }
      }
    }
    return OffsetDateTime.parse(text).toInstant();
  }

  /** The value of {@code count} ASCII digits at {@code from}, or -1 when one is not a digit. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isPrefix(JsonNode proofContext, @Nullable JsonNode documentContext) {
    if (documentContext == null) {
      return false;
    }
    List<JsonNode> prefix = asList(proofContext);
    List<JsonNode> whole = asList(documentContext);
    if (prefix.size() > whole.size()) {
      return false;
    }
    for (int i = 0; i < prefix.size(); i++) {
      if (!prefix.get(i).equals(whole.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static List<JsonNode> asList(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(out::add);
    } else {
      out.add(node);
    }
    return out;
  }

  /**
   * The document hashes of one verification, by hash function and the proof's {@code @context}: for
   * proofs that chain no other proof. One per document; not thread-safe.
   */
  static final class DocumentHashes {
    private final List<KeyAlgorithm> algorithms = new ArrayList<>(2);
    private final List<@Nullable JsonNode> contexts = new ArrayList<>(2);
    private final List<byte[]> hashes = new ArrayList<>(2);

    byte @Nullable [] find(KeyAlgorithm algorithm, @Nullable JsonNode context) {
      for (int i = 0; i < hashes.size(); i++) {
        if (sameHash(algorithms.get(i), algorithm) && Objects.equals(contexts.get(i), context)) {
          return hashes.get(i);
        }
      }
      return null;
    }

    void add(KeyAlgorithm algorithm, @Nullable JsonNode context, byte[] hash) {
      algorithms.add(algorithm);
      contexts.add(context);
      hashes.add(hash);
    }

    /** Whether two algorithms hash documents alike ({@link Crypto#proofHash}). */
    private static boolean sameHash(KeyAlgorithm a, KeyAlgorithm b) {
      return (a == KeyAlgorithm.P384) == (b == KeyAlgorithm.P384);
    }
  }

  private static Result fail(FailureReason reason, String detail) {
    return new Result(Check.failed(CheckKind.PROOF, reason, detail), null, null);
  }
}
