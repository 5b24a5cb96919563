package io.trainproof.signing.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.SigningFailedException;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.credential.UnsignedCredentials;
import io.trainproof.signing.jcs.CanonicalObject;
import io.trainproof.signing.jcs.JsonCanonicalizer;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link DataIntegrity#addProofToJson} (one canonicalization pass, no copies) makes the proof
 * {@link DataIntegrity#addProof} makes, keeps the document's top-level order with the proof last,
 * leaves the document alone, and falls back to {@code addProof} where its shortcut does not apply.
 */
class AddProofToJsonTest {
  private final Fixture f = new Fixture();
  private final DataIntegrity di = new DataIntegrity();

  private static ObjectNode certificate() {
    return UnsignedCredentials.certificate(
        "urn:uuid:0e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a", Fixture.certificate(), List.of());
  }

  @ParameterizedTest
  @EnumSource(value = Cryptosuite.class)
  void makesTheProofAddProofMakes(Cryptosuite suite) {
    SigningKey key =
        suite.algorithm() == KeyAlgorithm.ED25519
            ? f.key1
            : SigningKey.generate(KeyAlgorithm.P256, Fixture.DID + "#p256", f.random);
    ObjectNode document = certificate();
    String before = document.toString();
    ProofOptions options = ProofOptions.of(suite, Fixture.ISSUED);

    String json = di.addProofToJson(document, options, key);

    assertThat(document.toString()).isEqualTo(before);
    JsonNode expected = di.addProof(document, options, key);
    JsonNode actual = StrictJson.parse(json);
    if (suite.algorithm() == KeyAlgorithm.ED25519) {
      // why: Ed25519 and RFC 6979 ECDSA are deterministic, so the trees are equal, proofValue too
      assertThat(actual).isEqualTo(expected);
    } else {
      assertThat(JsonCanonicalizer.canonicalize(actual))
          .isEqualTo(JsonCanonicalizer.canonicalize(expected));
    }
    List<String> names = new ArrayList<>();
    actual.fieldNames().forEachRemaining(names::add);
    List<String> expectedNames = new ArrayList<>();
    document.fieldNames().forEachRemaining(expectedNames::add);
    expectedNames.add("proof");
    assertThat(names).containsExactlyElementsOf(expectedNames);
  }

  @Test
  void signedTextVerifies() {
    String json =
        di.addProofToJson(
            certificate(), ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, Fixture.ISSUED), f.key1);

    assertThat(f.verifier().verify(json).verified()).isTrue();
  }

  @Test
  void fallsBackToAddProofWhereTheShortcutDoesNotApply() {
    ProofOptions options = ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, Fixture.ISSUED);
    ObjectNode v1 = certificate();
    v1.putArray("@context").add(JsonLdContexts.CREDENTIALS_V1);
    // a VC 1.1 credential states issuanceDate and expirationDate
    v1.set("issuanceDate", v1.remove("validFrom"));
    v1.set("expirationDate", v1.remove("validUntil"));
    ObjectNode signedOnce = di.addProof(certificate(), options.withId("urn:uuid:p1"), f.key1);

    for (ObjectNode document : List.of(v1, signedOnce)) {
      assertThat(di.addProofToJson(document, options, f.key1))
          .isEqualTo(StrictJson.write(di.addProof(document, options, f.key1)));
    }
    ProofOptions chained = options.withPreviousProof(List.of("urn:uuid:p1"));
    assertThat(di.addProofToJson(signedOnce, chained, f.key1))
        .isEqualTo(StrictJson.write(di.addProof(signedOnce, chained, f.key1)));
  }

  @Test
  void refusesAsAddProofDoes() {
    ObjectNode fractional = certificate();
    fractional.put("score", 92.5);
    ProofOptions options = ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, Fixture.ISSUED);
    assertThatThrownBy(() -> di.addProofToJson(fractional, options, f.key1))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("/score");
    ObjectNode both = certificate();
    both.put("lone", "\uD800");
    both.putObject("deep").putArray("n").add(1).add(Long.MAX_VALUE);
    assertThatThrownBy(() -> di.addProofToJson(both, options, f.key1))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("/deep/n/1");
    ObjectNode lone = certificate();
    lone.put("lone", "\uD800");
    assertThatThrownBy(() -> di.addProofToJson(lone, options, f.key1))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("surrogate");
    SigningKey p256 = SigningKey.generate(KeyAlgorithm.P256, Fixture.DID + "#p256", f.random);
    assertThatThrownBy(() -> di.addProofToJson(certificate(), options, p256))
        .isInstanceOf(SigningFailedException.class);
  }

  @Test
  void canonicalObjectKeepsOrderInTextAndSortsForHashing() {
    ObjectNode object = StrictJson.mapper().createObjectNode();
    object.put("b", 1).putObject("a").put("z", "\u00e9").put("y", 2);
    object.putArray("@c").add("x");

    CanonicalObject canonical = CanonicalObject.of(object);

    assertThat(new String(canonical.canonicalBytes(), StandardCharsets.UTF_8))
        .isEqualTo(JsonCanonicalizer.canonicalize(object))
        .isEqualTo("{\"@c\":[\"x\"],\"a\":{\"y\":2,\"z\":\"\u00e9\"},\"b\":1}");
    assertThat(canonical.textWithMember("p", StrictJson.parse("{\"k\":2,\"j\":1}")))
        .isEqualTo(
            "{\"b\":1,\"a\":{\"y\":2,\"z\":\"\u00e9\"},\"@c\":[\"x\"],\"p\":{\"j\":1,\"k\":2}}");
    assertThat(
            CanonicalObject.of(StrictJson.mapper().createObjectNode())
                .textWithMember("p", StrictJson.parse("1")))
        .isEqualTo("{\"p\":1}");
    assertThatThrownBy(() -> canonical.textWithMember("a", StrictJson.parse("1")))
        .isInstanceOf(IllegalArgumentException.class);
    ObjectNode wide = StrictJson.mapper().createObjectNode();
    for (int i = 40; i > 0; i--) {
      wide.put("m" + i, i);
    }
    assertThat(new String(CanonicalObject.of(wide).canonicalBytes(), StandardCharsets.UTF_8))
        .isEqualTo(JsonCanonicalizer.canonicalize(wide));
  }
}
