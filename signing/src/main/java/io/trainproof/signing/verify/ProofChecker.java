package io.trainproof.signing.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.internal.Crypto;
import io.trainproof.signing.internal.Multibase;
import io.trainproof.signing.key.DidKey;
import io.trainproof.signing.key.KeyRecord;
import io.trainproof.signing.key.VerificationKey;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.ProofTrace;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Verifies single Data Integrity proofs; used by {@link CredentialVerifier}. Thread-safe. */
final class ProofChecker {
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
    if (!"DataIntegrityProof".equals(proof.path("type").asText())) {
      return fail(FailureReason.MALFORMED_PROOF, label + ": type is not DataIntegrityProof");
    }
    String suiteId = proof.path("cryptosuite").asText("");
    Optional<Cryptosuite> suite = Cryptosuite.fromId(suiteId);
    if (suite.isEmpty()) {
      return fail(FailureReason.UNKNOWN_CRYPTOSUITE, label + ": unknown cryptosuite '" + suiteId + "'");
    }
    for (String member : List.of("verificationMethod", "proofPurpose", "created", "proofValue")) {
      if (!proof.path(member).isTextual()) {
        return fail(FailureReason.MALFORMED_PROOF, label + ": missing '" + member + "'");
      }
    }
    byte[] signature;
    try {
      signature = Multibase.decodeBase58(proof.get("proofValue").textValue());
    } catch (UnusableInputException e) {
      return fail(FailureReason.MALFORMED_MULTIBASE, label + ": proofValue " + e.getMessage());
    }
    Instant created;
    try {
      created = parseDateTime(proof.get("created").textValue());
    } catch (DateTimeParseException e) {
      return fail(FailureReason.MALFORMED_PROOF, label + ": created is not an XML Schema dateTime");
    }
    if (proof.has("@context") && !isPrefix(proof.get("@context"), secured.get("@context"))) {
      return fail(FailureReason.PROOF_CONTEXT_NOT_PREFIX, label + ": proof @context is not a prefix of the document's");
    }

    ObjectNode unsecured = secured.deepCopy();
    unsecured.remove("proof");
    JsonNode previous = proof.get("previousProof");
    if (previous != null) {
      List<String> ids = new ArrayList<>();
      if (previous.isTextual()) {
        ids.add(previous.textValue());
      } else if (previous.isArray()) {
        previous.forEach(p -> ids.add(p.asText()));
      } else {
        return fail(FailureReason.MALFORMED_PROOF, label + ": previousProof is neither a string nor an array");
      }
      try {
        unsecured.set("proof", DataIntegrity.matchingProofs(allProofs, ids));
      } catch (UnusableInputException e) {
        return fail(FailureReason.UNKNOWN_PREVIOUS_PROOF, label + ": " + e.getMessage());
      }
    }
    if (proof.has("@context")) {
      unsecured.set("@context", proof.get("@context").deepCopy());
    }

    String method = proof.get("verificationMethod").textValue();
    VerificationKey key;
    KeyRecord record = null;
    String issuerDid = null;
    if (DidKey.isDidKey(method)) {
      try {
        key = DidKey.resolve(method);
      } catch (UnusableInputException e) {
        return fail(FailureReason.UNKNOWN_KEY, label + ": " + e.getMessage());
      }
    } else {
      Optional<TrustBundle.TrustedKey> trusted = bundle.key(method);
      if (trusted.isEmpty()) {
        return fail(FailureReason.UNKNOWN_KEY, label + ": " + method + " is not in the trust bundle");
      }
      record = trusted.get().record();
      issuerDid = trusted.get().issuerDid();
      key = record.key();
    }
    if (key.algorithm() != suite.get().algorithm()) {
      return fail(FailureReason.WRONG_KEY, label + ": " + suiteId + " needs a " + suite.get().algorithm() + " key");
    }

    ProofTrace trace;
    try {
      ObjectNode withoutValue = proof.deepCopy();
      withoutValue.remove("proofValue");
      trace = dataIntegrity.trace(suite.get(), unsecured, dataIntegrity.proofConfig(suite.get(), withoutValue, unsecured));
    } catch (UnusableInputException e) {
      return fail(FailureReason.UNCANONICALIZABLE_CONTENT, label + ": " + e.getMessage());
    }
    if (!Crypto.verify(key.algorithm(), key.bytes(), trace.hashData(), signature)) {
      return new Result(
          Check.failed(CheckKind.PROOF, FailureReason.TAMPERED_CONTENT, label + ": signature does not verify with " + method),
          null,
          issuerDid);
    }
    Check proofCheck = Check.passed(CheckKind.PROOF, label + ": " + suiteId + " signature by " + method + " verifies");
    Check keyCheck;
    if (record == null) {
      keyCheck = Check.notApplicable(CheckKind.KEY_VALIDITY, label + ": did:key has no validity interval");
    } else if (record.validAt(created)) {
      keyCheck = Check.passed(CheckKind.KEY_VALIDITY, label + ": key valid at " + created);
    } else if (created.isBefore(record.activeFrom())) {
      keyCheck = Check.failed(CheckKind.KEY_VALIDITY, FailureReason.KEY_NOT_YET_ACTIVE,
          label + ": created " + created + " before the key became active at " + record.activeFrom());
    } else {
      keyCheck = Check.failed(CheckKind.KEY_VALIDITY, FailureReason.KEY_RETIRED_BEFORE_PROOF,
          label + ": created " + created + " after the key was retired at " + record.retiredAt());
    }
    return new Result(proofCheck, keyCheck, issuerDid);
  }

  static Instant parseDateTime(String text) {
    return OffsetDateTime.parse(text).toInstant();
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

  private static Result fail(FailureReason reason, String detail) {
    return new Result(Check.failed(CheckKind.PROOF, reason, detail), null, null);
  }
}
