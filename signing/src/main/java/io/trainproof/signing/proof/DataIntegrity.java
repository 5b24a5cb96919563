package io.trainproof.signing.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ValidationException;
import io.trainproof.signing.SigningFailedException;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.credential.CredentialShape;
import io.trainproof.signing.internal.Crypto;
import io.trainproof.signing.internal.Multibase;
import io.trainproof.signing.internal.ProofSigning;
import io.trainproof.signing.internal.RdfCanonicalizer;
import io.trainproof.signing.internal.XsdDateTime;
import io.trainproof.signing.jcs.CanonicalObject;
import io.trainproof.signing.jcs.JsonCanonicalizer;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.Signer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Adds Data Integrity proofs ({@code type: DataIntegrityProof}) to JSON documents and computes
 * every intermediate of a proof, per W3C VC Data Integrity 1.0 and the {@code eddsa-jcs-2022},
 * {@code ecdsa-jcs-2019} and {@code eddsa-rdfc-2022} cryptosuites.
 *
 * <p>Hashing: {@code hashData = SHA-256(canonical proof config) ‖ SHA-256(canonical document)};
 * Ed25519 signs {@code hashData}, ECDSA P-256 signs it as its message (hashing it once more with
 * SHA-256); {@code proofValue = "z" + base58btc(signature)}.
 *
 * <p>{@code eddsa-rdfc-2022} canonicalizes in JSON-LD safe mode and within {@link
 * CanonicalizationLimits}: a document whose expansion would drop data, or whose canonicalization
 * would take too much work, is refused ({@link UnusableInputException}) when signing, and fails
 * verification.
 *
 * <p>JCS suites copy the document's {@code @context} into the proof (so a verifier can check it is
 * a prefix of the document's); {@code eddsa-rdfc-2022} uses the document's context for the proof
 * configuration without writing it into the proof. A VC 1.1 document (credentials v1 context only)
 * gets the data-integrity v2 context appended before signing.
 *
 * <p>Thread-safe.
 */
public final class DataIntegrity {
  /** The last proof configuration hashed by {@link #addProofToJson}, and its hash. */
  private volatile @Nullable ConfigHash lastConfig;

  private final RdfCanonicalizer rdf;

  /** Uses the bundled JSON-LD contexts. */
  public DataIntegrity() {
    this(JsonLdContexts.bundled());
  }

  /**
   * Uses the given JSON-LD contexts for {@code eddsa-rdfc-2022}, with {@link
   * CanonicalizationLimits#DEFAULT}.
   *
   * @param contexts the contexts; nothing else is ever loaded
   */
  public DataIntegrity(JsonLdContexts contexts) {
    this(contexts, CanonicalizationLimits.DEFAULT);
  }

  /**
   * Uses the given JSON-LD contexts for {@code eddsa-rdfc-2022}, and bounds the work of each RDF
   * canonicalization (signing and verifying alike).
   *
   * @param contexts the contexts; nothing else is ever loaded
   * @param limits the bounds on one RDF canonicalization
   */
  public DataIntegrity(JsonLdContexts contexts, CanonicalizationLimits limits) {
    this.rdf = new RdfCanonicalizer(contexts, limits);
  }

  /**
   * Signs a document: returns a copy with one more proof. Existing proofs stay; a single proof
   * becomes a proof set (array). With {@link ProofOptions#previousProof()} the new proof also signs
   * the proofs it names (a proof chain).
   *
   * @param document the document, with or without proofs
   * @param options the proof options
   * @param signer the key that signs; its id becomes {@code verificationMethod}
   * @return the signed copy
   * @throws UnusableInputException when the document holds a non-integer number, cannot be
   *     canonicalized (for {@code eddsa-rdfc-2022}: JSON-LD safe mode refuses a document from which
   *     expansion would drop a term, a type or a value, and a document past the {@link
   *     CanonicalizationLimits} is refused), or {@code previousProof} names a proof that is not
   *     present
   * @throws ValidationException when the document's first {@code @context} is the VC 2.0 or VC 1.1
   *     context but it does not have a credential's shape ({@link CredentialShape}: no {@code
   *     credentialSubject}, a {@code type} without {@code VerifiableCredential}, a malformed date,
   *     ...), naming the field
   * @throws SigningFailedException when the signer's key does not fit the suite or fails
   */
  public ObjectNode addProof(ObjectNode document, ProofOptions options, Signer signer) {
    ProofSigning.checkSigner(options.cryptosuite(), signer);
    JsonCanonicalizer.requireIntegersOnly(document);
    requireCredentialShape(document);
    ObjectNode secured = document.deepCopy();
    addDataIntegrityContextToV1(secured);
    List<ObjectNode> existing = proofs(secured);
    ObjectNode unsecured = secured.deepCopy();
    unsecured.remove("proof");

    ObjectNode proof = newProof(options, signer, unsecured);
    if (!options.previousProof().isEmpty()) {
      unsecured.set("proof", matchingProofs(existing, options.previousProof()));
    }
    if (!options.cryptosuite().rdfCanonicalization() && unsecured.has("@context")) {
      proof.set("@context", unsecured.get("@context").deepCopy());
    }

    ProofTrace trace =
        trace(
            options.cryptosuite(),
            signer.publicKey().algorithm(),
            unsecured,
            proofConfig(options.cryptosuite(), proof, unsecured));
    proof.put("proofValue", Multibase.encodeBase58(ProofSigning.sign(signer, trace.hashData())));

    if (existing.isEmpty()) {
      secured.set("proof", proof);
    } else {
      ArrayNode set = secured.arrayNode();
      existing.forEach(set::add);
      set.add(proof);
      secured.set("proof", set);
    }
    return secured;
  }

  /**
   * Signs a document and returns the signed document as compact JSON text: the proof {@link
   * #addProof} makes, with the same checks and failures. For a JCS suite, a document without proofs
   * and a proof without {@code previousProof}, it canonicalizes the document once and copies
   * nothing; the text then keeps the document's top-level member order with {@code proof} last, and
   * writes nested objects with their members in RFC 8785 order. Otherwise it is {@link #addProof}
   * followed by {@link StrictJson#write}.
   *
   * @param document the document, with or without proofs (not changed)
   * @param options the proof options
   * @param signer the key that signs; its id becomes {@code verificationMethod}
   * @return the signed document as JSON text
   * @throws UnusableInputException as {@link #addProof}
   * @throws ValidationException as {@link #addProof}
   * @throws SigningFailedException as {@link #addProof}
   */
  public String addProofToJson(ObjectNode document, ProofOptions options, Signer signer) {
    if (options.cryptosuite().rdfCanonicalization()
        || signer.publicKey().algorithm() == KeyAlgorithm.P384
        || document.has("proof")
        || !options.previousProof().isEmpty()
        || !contextIsKept(document)) {
      return StrictJson.write(addProof(document, options, signer));
    }
    ProofSigning.checkSigner(options.cryptosuite(), signer);
    requireCredentialShape(document);
    CanonicalObject canonical = CanonicalObject.ofSignedPayload(document);
    ObjectNode proof = newProof(options, signer, document);
    if (document.has("@context")) {
      // why: not copied; the proof node is written and dropped here, never handed out
      proof.set("@context", document.get("@context"));
    }
    // why: for JCS suites the proof configuration is the proof without proofValue, as it is now
    byte[] hashData = concat(configHash(proof), Crypto.sha256(canonical.canonicalBytes()));
    proof.put("proofValue", Multibase.encodeBase58(ProofSigning.sign(signer, hashData)));
    return canonical.textWithMember("proof", proof);
  }

  /** A document that claims a credentials context must have a credential's shape. */
  private static void requireCredentialShape(ObjectNode document) {
    if (CredentialShape.claimsToBeACredential(document)) {
      CredentialShape.check(document);
    }
  }

  /**
   * SHA-256 of a canonical proof configuration. An issuer signs many documents with the same
   * configuration (it changes with the second of {@code created}), so the last one is kept.
   */
  private byte[] configHash(ObjectNode config) {
    ConfigHash last = lastConfig;
    if (last != null && last.config().equals(config)) {
      return last.hash();
    }
    byte[] hash = Crypto.sha256(JsonCanonicalizer.canonicalBytes(config));
    // why: a private deep copy, never changed, so a later equals() compares what was hashed
    lastConfig = new ConfigHash(config.deepCopy(), hash);
    return hash;
  }

  /** A proof configuration (never changed after construction) and its hash. */
  @SuppressWarnings("ArrayRecordComponent") // why: a cache entry, never compared
  private record ConfigHash(ObjectNode config, byte[] hash) {}

  /** The proof's options as they appear in it, without {@code @context} and {@code proofValue}. */
  private static ObjectNode newProof(ProofOptions options, Signer signer, ObjectNode factory) {
    ObjectNode proof = factory.objectNode();
    if (options.id() != null) {
      proof.put("id", options.id());
    }
    proof.put("type", "DataIntegrityProof");
    proof.put("cryptosuite", options.cryptosuite().id());
    proof.put("created", XsdDateTime.format(options.created()));
    proof.put("verificationMethod", signer.keyId());
    proof.put("proofPurpose", options.proofPurpose());
    if (options.expires() != null) {
      proof.put("expires", XsdDateTime.format(options.expires()));
    }
    if (options.challenge() != null) {
      proof.put("challenge", options.challenge());
    }
    if (options.domain() != null) {
      proof.put("domain", options.domain());
    }
    if (!options.previousProof().isEmpty()) {
      if (options.previousProof().size() == 1) {
        proof.put("previousProof", options.previousProof().get(0));
      } else {
        ArrayNode ids = proof.putArray("previousProof");
        options.previousProof().forEach(ids::add);
      }
    }
    return proof;
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] out = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, out, first.length, second.length);
    return out;
  }

  /**
   * Builds the proof configuration a suite hashes from a proof (without {@code proofValue}): for
   * RDF the document's {@code @context} is set on it; for JCS it is used as it is.
   *
   * @param suite the suite
   * @param proofWithoutValue the proof options as they appear in the proof
   * @param unsecuredDocument the document the proof is for
   * @return the proof configuration
   */
  public ObjectNode proofConfig(
      Cryptosuite suite, ObjectNode proofWithoutValue, ObjectNode unsecuredDocument) {
    ObjectNode config = proofWithoutValue.deepCopy();
    config.remove("proofValue");
    if (suite.rdfCanonicalization() && unsecuredDocument.has("@context")) {
      config.set("@context", unsecuredDocument.get("@context").deepCopy());
    }
    return config;
  }

  /**
   * Computes every intermediate of a proof.
   *
   * @param suite the suite
   * @param unsecuredDocument the document as signed (no proof, or the chained proofs)
   * @param proofConfig the proof configuration from {@link #proofConfig}
   * @return canonical forms and hashes
   */
  public ProofTrace trace(Cryptosuite suite, ObjectNode unsecuredDocument, ObjectNode proofConfig) {
    return trace(suite, suite.algorithm(), unsecuredDocument, proofConfig);
  }

  /**
   * Computes every intermediate of a proof made with a key of a given algorithm (the ECDSA suites
   * hash with SHA-384 for P-384 keys).
   *
   * @param suite the suite
   * @param algorithm the signing key's algorithm
   * @param unsecuredDocument the document as signed (no proof, or the chained proofs)
   * @param proofConfig the proof configuration from {@link #proofConfig}
   * @return canonical forms and hashes
   */
  public ProofTrace trace(
      Cryptosuite suite,
      KeyAlgorithm algorithm,
      ObjectNode unsecuredDocument,
      ObjectNode proofConfig) {
    String canonicalConfig;
    String canonicalDocument;
    if (suite.rdfCanonicalization()) {
      canonicalConfig = rdf.canonicalize(proofConfig);
      canonicalDocument = rdf.canonicalize(unsecuredDocument);
    } else {
      canonicalConfig = JsonCanonicalizer.canonicalize(proofConfig);
      canonicalDocument = JsonCanonicalizer.canonicalize(unsecuredDocument);
    }
    return new ProofTrace(
        canonicalConfig,
        canonicalDocument,
        Crypto.proofHash(algorithm, canonicalConfig.getBytes(StandardCharsets.UTF_8)),
        Crypto.proofHash(algorithm, canonicalDocument.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The proofs on a document, in order.
   *
   * @param document the document
   * @return its proofs; empty when it has none
   * @throws UnusableInputException when {@code proof} is neither an object nor an array of objects
   */
  public static List<ObjectNode> proofs(ObjectNode document) {
    JsonNode proof = document.get("proof");
    List<ObjectNode> out = new ArrayList<>();
    if (proof == null) {
      return out;
    }
    if (proof.isObject()) {
      out.add((ObjectNode) proof);
      return out;
    }
    if (proof.isArray()) {
      for (JsonNode item : proof) {
        if (!item.isObject()) {
          throw new UnusableInputException("proof", "a proof set holds only objects");
        }
        out.add((ObjectNode) item);
      }
      return out;
    }
    throw new UnusableInputException("proof", "proof must be an object or an array");
  }

  /**
   * The proofs a {@code previousProof} names, as the array that is signed with the document.
   *
   * @param all the proofs on the document
   * @param ids the ids named
   * @return the matching proofs, without any that is not named
   * @throws UnusableInputException when an id names no proof present
   */
  public static ArrayNode matchingProofs(List<ObjectNode> all, List<String> ids) {
    ArrayNode matching = StrictJson.mapper().createArrayNode();
    for (String id : ids) {
      ObjectNode found = null;
      for (ObjectNode proof : all) {
        if (id.equals(proof.path("id").asText(null))) {
          found = proof;
        }
      }
      if (found == null) {
        throw new UnusableInputException("previousProof", "names no proof present: " + id);
      }
      matching.add(found.deepCopy());
    }
    return matching;
  }

  /** Whether {@link #addDataIntegrityContextToV1} leaves the document as it is. */
  private static boolean contextIsKept(ObjectNode document) {
    JsonNode context = document.get("@context");
    if (context == null) {
      return true;
    }
    if (context.isTextual()) {
      return !JsonLdContexts.CREDENTIALS_V1.equals(context.textValue());
    }
    if (!context.isArray()) {
      return false;
    }
    boolean v1 = false;
    for (JsonNode url : context) {
      if (url.isTextual()) {
        String text = url.textValue();
        if (JsonLdContexts.CREDENTIALS_V2.equals(text)
            || JsonLdContexts.DATA_INTEGRITY_V2.equals(text)) {
          return true;
        }
        v1 |= JsonLdContexts.CREDENTIALS_V1.equals(text);
      }
    }
    return !v1;
  }

  private static void addDataIntegrityContextToV1(ObjectNode document) {
    JsonNode context = document.get("@context");
    if (context == null) {
      return;
    }
    List<String> urls = new ArrayList<>();
    if (context.isTextual()) {
      urls.add(context.textValue());
    } else if (context.isArray()) {
      context.forEach(c -> urls.add(c.isTextual() ? c.textValue() : ""));
    } else {
      throw new ValidationException(
          "@context", context.getNodeType(), "must be a string or an array");
    }
    if (urls.contains(JsonLdContexts.CREDENTIALS_V1)
        && !urls.contains(JsonLdContexts.CREDENTIALS_V2)
        && !urls.contains(JsonLdContexts.DATA_INTEGRITY_V2)) {
      ArrayNode extended = document.arrayNode();
      if (context.isTextual()) {
        extended.add(context.textValue());
      } else {
        context.forEach(extended::add);
      }
      extended.add(JsonLdContexts.DATA_INTEGRITY_V2);
      document.set("@context", extended);
    }
  }
}
