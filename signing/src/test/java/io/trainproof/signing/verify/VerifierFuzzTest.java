package io.trainproof.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.TrainproofException;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.Resources;
import io.trainproof.signing.credential.IssuedCredential;
import io.trainproof.signing.jcs.JsonCanonicalizer;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.proof.DataIntegrity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzz tests of {@link CredentialVerifier#verify(String)} with Jazzer. Properties: verification
 * never throws (for any text it returns a result); a result that is not verified names at least one
 * reason; a verified result is only ever given to the credential exactly as it was signed (the
 * document and each proof canonically equal to the issued ones, whatever the whitespace or member
 * order; the one freedom is what the JCS suites leave unsigned by the spec: entries appended to the
 * document's {@code @context} after the proof's); and verifying leaves no state behind (the trust
 * bundle is unchanged, the issued certificate still verifies with the same verifier).
 *
 * <p>Without {@code JAZZER_FUZZ} these run as regression tests over the inputs committed under
 * {@code src/test/resources/io/trainproof/signing/verify/VerifierFuzzTestInputs/}; see {@code
 * docs/FUZZING.md} for the fuzzing command.
 */
class VerifierFuzzTest {
  private static final Fixture F = new Fixture();
  private static final IssuedCredential CERTIFICATE =
      F.issuer().issueCertificate(Fixture.certificate());
  private static final TrustBundle BUNDLE = F.bundle();
  private static final String BUNDLE_JSON = BUNDLE.toJson();
  private static final CredentialVerifier VERIFIER = F.verifier(BUNDLE, Fixture.VERIFIED);
  private static final String SEEDS =
      "verify/VerifierFuzzTestInputs/anyTextGetsAResultAndOnlyTheSignedCredentialVerifies/";

  /**
   * Every credential key-1 of the fixture ever signed that a fuzz input may legitimately present:
   * the one issued here and the committed seeds (issued by the same deterministic key, with other
   * random ids). Document without proof, canonical, mapped to its canonical proof.
   */
  private static final Map<String, String> SIGNED = new HashMap<>();

  private static long executions;

  static {
    for (String json :
        List.of(
            CERTIFICATE.json(),
            Resources.text("io/trainproof/signing/" + SEEDS + "signed-certificate.json"),
            Resources.text("io/trainproof/signing/" + SEEDS + "signed-attestation.json"))) {
      ObjectNode signed = (ObjectNode) StrictJson.parse(json);
      String proof = JsonCanonicalizer.canonicalize(signed.get("proof"));
      signed.remove("proof");
      SIGNED.put(JsonCanonicalizer.canonicalize(signed), proof);
    }
  }

  /** Any text at all: JSON or not, within the limits or not. */
  @FuzzTest(maxDuration = "10s")
  void anyTextGetsAResultAndOnlyTheSignedCredentialVerifies(byte[] input) {
    check(new String(input, StandardCharsets.UTF_8));
  }

  /**
   * The issued certificate with one to four changes the fuzzer chooses: a member set to another
   * value (text, number, boolean, null, deep nesting, a long string), a member removed, an array
   * element added, or text spliced into the serialized form (duplicate keys, broken JSON).
   */
  @FuzzTest(maxDuration = "10s")
  void aChangedCertificateIsRejectedWithAReason(FuzzedDataProvider data) {
    ObjectNode vc = (ObjectNode) StrictJson.parse(CERTIFICATE.json());
    int edits = data.consumeInt(1, 4);
    for (int i = 0; i < edits && data.remainingBytes() > 0; i++) {
      change(vc, data);
    }
    String text = StrictJson.write(vc);
    if (data.consumeBoolean()) {
      int at = data.consumeInt(0, text.length());
      text = text.substring(0, at) + data.consumeString(64) + text.substring(at);
    }
    check(text);
  }

  private static void check(String text) {
    VerificationResult result = VERIFIER.verify(text);
    if (result.verified()) {
      assertSignedExactly(text);
    } else {
      assertThat(result.failureReasons()).as(result.checks().toString()).isNotEmpty();
    }
    // why: verifying must leave no state; checked on a sample so fuzzing stays fast
    if (executions++ % 64 == 0) {
      assertThat(BUNDLE.toJson()).isEqualTo(BUNDLE_JSON);
      assertThat(VERIFIER.verify(CERTIFICATE.json()).verified()).isTrue();
    }
  }

  private static void assertSignedExactly(String text) {
    ObjectNode vc = (ObjectNode) StrictJson.parse(text);
    List<ObjectNode> proofs;
    try {
      proofs = DataIntegrity.proofs(vc);
    } catch (TrainproofException e) {
      throw new AssertionError("a verified credential has unreadable proofs", e);
    }
    assertThat(proofs).isNotEmpty();
    vc.remove("proof");
    // why: eddsa-jcs-2022 and ecdsa-jcs-2019 verification hashes the document with the proof's
    // @context in place of its own, which need only start with it (VC DI EdDSA 1.0 section
    // 3.3.2 step 4): entries appended to the document's @context are not signed, by the spec
    if (proofs.get(0).has("@context")) {
      vc.set("@context", proofs.get(0).get("@context").deepCopy());
    }
    String document = JsonCanonicalizer.canonicalize(vc);
    assertThat(SIGNED).as("a verified document is one that was signed").containsKey(document);
    for (ObjectNode proof : proofs) {
      assertThat(JsonCanonicalizer.canonicalize(proof))
          .as("a verified proof")
          .isEqualTo(SIGNED.get(document));
    }
  }

  private static void change(ObjectNode root, FuzzedDataProvider data) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    JsonNode target = data.pickValue(containers);
    int op = data.consumeInt(0, 3);
    if (target instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      String name =
          names.isEmpty() || data.consumeBoolean() ? data.consumeString(16) : data.pickValue(names);
      if (op == 0) {
        object.remove(name);
      } else {
        object.set(name, value(data));
      }
    } else if (target instanceof ArrayNode array) {
      if (op == 0 && !array.isEmpty()) {
        array.remove(data.consumeInt(0, array.size() - 1));
      } else {
        array.insert(data.consumeInt(0, array.size()), value(data));
      }
    }
  }

  private static JsonNode value(FuzzedDataProvider data) {
    var nodes = StrictJson.mapper().getNodeFactory();
    switch (data.consumeInt(0, 8)) {
      case 0:
        return nodes.textNode(data.consumeString(32));
      case 1:
        return nodes.numberNode(data.consumeLong());
      case 2:
        return nodes.numberNode(data.consumeDouble());
      case 3:
        return nodes.booleanNode(data.consumeBoolean());
      case 4:
        return nodes.nullNode();
      case 5:
        {
          // nesting up to well past the verifier's depth limit
          JsonNode inner = nodes.textNode("x");
          int depth = data.consumeInt(1, 200);
          for (int i = 0; i < depth; i++) {
            inner =
                data.consumeBoolean()
                    ? nodes.arrayNode().add(inner)
                    : nodes.objectNode().set("a", inner);
          }
          return inner;
        }
      case 6:
        return nodes.textNode("z".repeat(data.consumeInt(0, 5000)));
      case 7:
        return nodes.textNode(
            data.pickValue(
                List.of(
                    "DataIntegrityProof",
                    "eddsa-jcs-2022",
                    "ecdsa-jcs-2019",
                    "eddsa-rdfc-2022",
                    Fixture.DID,
                    Fixture.DID + "#key-1",
                    "assertionMethod",
                    "2026-03-01T09:30:00Z",
                    "BitstringStatusListEntry",
                    "revocation",
                    "https://www.w3.org/ns/credentials/v2")));
      default:
        return nodes.objectNode().set(data.consumeString(8), nodes.textNode(data.consumeString(8)));
    }
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      if (node.isObject()) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          collect(field.getValue(), out);
        }
      } else {
        node.forEach(child -> collect(child, out));
      }
    }
  }
}
