package io.trainproof.signing.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ValidationException;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.SigningFailedException;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.Signer;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.key.VerificationKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Data Integrity proofs at their edges: what may stand in {@code proof}, how previous proofs are
 * found, the v1 context extension, proof options, and a signer that misbehaves.
 */
class DataIntegrityRulesTest {
  private static final Instant CREATED = Instant.parse("2026-03-01T09:30:00.750Z");
  private final DataIntegrity di = new DataIntegrity();
  private final SigningKey key =
      SigningKey.generate(
          KeyAlgorithm.ED25519, Fixture.DID + "#key-1", Fixture.deterministicRandom(5));

  private static ObjectNode doc(String json) {
    return (ObjectNode) StrictJson.parse(json);
  }

  /**
   * A minimal credential under a {@code @context} (JSON text): VC 1.1-shaped when that starts with
   * the VC 1.1 context, VC 2.0-shaped otherwise (signing refuses what is not shaped like one).
   */
  private static ObjectNode credential(String context) {
    ObjectNode vc = doc("{\"@context\":" + context + "}");
    vc.putArray("type").add("VerifiableCredential");
    vc.put("issuer", "did:example:issuer");
    if (context.replace("[", "").startsWith("\"" + JsonLdContexts.CREDENTIALS_V1)) {
      vc.put("issuanceDate", "2026-03-01T09:30:00Z");
    }
    vc.putObject("credentialSubject").put("name", "x");
    return vc;
  }

  /** A signer that hands the key's signature through a function. */
  private Signer signer(UnaryOperator<byte[]> signature) {
    return new Signer() {
      @Override
      public String keyId() {
        return key.keyId();
      }

      @Override
      public VerificationKey publicKey() {
        return key.publicKey();
      }

      @Override
      public byte[] sign(byte[] message) {
        return signature.apply(key.sign(message));
      }
    };
  }

  @Test
  void aProofIsAnObjectOrAnArrayOfObjects() {
    assertThat(DataIntegrity.proofs(doc("{}"))).isEmpty();
    assertThat(DataIntegrity.proofs(doc("{\"proof\":{\"id\":\"a\"}}"))).hasSize(1);
    assertThat(DataIntegrity.proofs(doc("{\"proof\":[{\"id\":\"a\"},{\"id\":\"b\"}]}")))
        .extracting(p -> p.get("id").asText())
        .containsExactly("a", "b");
    assertThat(DataIntegrity.proofs(doc("{\"proof\":[]}"))).isEmpty();
    assertThatThrownBy(() -> DataIntegrity.proofs(doc("{\"proof\":[{\"id\":\"a\"},\"b\"]}")))
        .isInstanceOfSatisfying(
            UnusableInputException.class, e -> assertThat(e.what()).isEqualTo("proof"));
    assertThatThrownBy(() -> DataIntegrity.proofs(doc("{\"proof\":\"z3FXQ\"}")))
        .isInstanceOf(UnusableInputException.class);
  }

  @Test
  void previousProofsAreFoundByIdInTheOrderNamed() {
    List<ObjectNode> all =
        List.of(doc("{\"id\":\"a\",\"n\":1}"), doc("{\"id\":\"b\",\"n\":2}"), doc("{\"n\":3}"));
    ArrayNode found = DataIntegrity.matchingProofs(all, List.of("b", "a"));
    assertThat(found).extracting(p -> p.get("n").asInt()).containsExactly(2, 1);
    found.get(0).withObject("/x");
    assertThat(all.get(1).has("x")).as("copies, not the originals").isFalse();
    assertThatThrownBy(() -> DataIntegrity.matchingProofs(all, List.of("a", "c")))
        .isInstanceOfSatisfying(
            UnusableInputException.class, e -> assertThat(e.what()).isEqualTo("previousProof"));
    assertThat(DataIntegrity.matchingProofs(all, List.of())).isEmpty();
  }

  @Test
  void aVersionOneCredentialGetsTheDataIntegrityContextAndNothingElseDoes() {
    ObjectNode v1 =
        di.addProof(
            credential("[\"" + JsonLdContexts.CREDENTIALS_V1 + "\"]"),
            ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, CREATED),
            key);
    assertThat(v1.get("@context").toString())
        .isEqualTo(
            "[\""
                + JsonLdContexts.CREDENTIALS_V1
                + "\",\""
                + JsonLdContexts.DATA_INTEGRITY_V2
                + "\"]");
    assertThat(v1.get("proof").get("@context")).isEqualTo(v1.get("@context"));
    ObjectNode v1Text =
        di.addProof(
            credential("\"" + JsonLdContexts.CREDENTIALS_V1 + "\""),
            ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, CREATED),
            key);
    assertThat(v1Text.get("@context").toString())
        .isEqualTo(
            "[\""
                + JsonLdContexts.CREDENTIALS_V1
                + "\",\""
                + JsonLdContexts.DATA_INTEGRITY_V2
                + "\"]");
    for (String already :
        List.of(JsonLdContexts.CREDENTIALS_V2, JsonLdContexts.DATA_INTEGRITY_V2)) {
      ObjectNode kept =
          di.addProof(
              credential("[\"" + JsonLdContexts.CREDENTIALS_V1 + "\",\"" + already + "\"]"),
              ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, CREATED),
              key);
      assertThat(kept.get("@context")).hasSize(2);
    }
    ObjectNode v2 =
        di.addProof(
            credential(
                "[\"" + JsonLdContexts.CREDENTIALS_V2 + "\",{\"ex\":\"https://x.example/\"}]"),
            ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, CREATED),
            key);
    assertThat(v2.get("@context")).hasSize(2);
    ObjectNode none =
        di.addProof(
            doc("{\"name\":\"x\"}"), ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, CREATED), key);
    assertThat(none.has("@context")).isFalse();
    assertThat(none.get("proof").has("@context")).isFalse();
    assertThatThrownBy(
            () ->
                di.addProof(
                    doc("{\"@context\":42}"),
                    ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, CREATED),
                    key))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("@context"));
  }

  @Test
  void theProofCarriesItsOptionsCreatedToTheSecond() {
    ObjectNode secured =
        di.addProof(
            doc("{\"name\":\"x\"}"),
            ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, CREATED).withId("urn:uuid:p1"),
            key);
    ObjectNode proof = (ObjectNode) secured.get("proof");
    assertThat(proof.get("id").asText()).isEqualTo("urn:uuid:p1");
    assertThat(proof.get("type").asText()).isEqualTo("DataIntegrityProof");
    assertThat(proof.get("cryptosuite").asText()).isEqualTo("eddsa-jcs-2022");
    assertThat(proof.get("created").asText()).isEqualTo("2026-03-01T09:30:00Z");
    assertThat(proof.get("verificationMethod").asText()).isEqualTo(key.keyId());
    assertThat(proof.get("proofPurpose").asText()).isEqualTo("assertionMethod");
    assertThat(proof.get("proofValue").asText()).startsWith("z");
    assertThat(
            di.addProof(doc("{}"), ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, CREATED), key)
                .get("proof")
                .has("id"))
        .isFalse();
    assertThatThrownBy(
            () -> new ProofOptions(Cryptosuite.EDDSA_JCS_2022, CREATED, " ", null, List.of()))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("proofPurpose"));

    // Chained onto two earlier proofs: previousProof becomes an array; onto one, a string.
    ObjectNode second =
        di.addProof(
            secured,
            ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, CREATED).withId("urn:uuid:p2"),
            key);
    ObjectNode one =
        di.addProof(
            second,
            ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, CREATED)
                .withPreviousProof(List.of("urn:uuid:p2")),
            key);
    assertThat(one.get("proof")).hasSize(3);
    assertThat(one.get("proof").get(2).get("previousProof").isTextual()).isTrue();
    ObjectNode both =
        di.addProof(
            second,
            ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, CREATED)
                .withPreviousProof(List.of("urn:uuid:p1", "urn:uuid:p2")),
            key);
    assertThat(both.get("proof").get(2).get("previousProof").toString())
        .isEqualTo("[\"urn:uuid:p1\",\"urn:uuid:p2\"]");
    assertThatThrownBy(
            () ->
                di.addProof(
                    second,
                    ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, CREATED)
                        .withPreviousProof(List.of("urn:uuid:p9")),
                    key))
        .isInstanceOf(UnusableInputException.class);
  }

  @Test
  void aSignerThatFailsOrReturnsTheWrongLengthIsASigningFailure() {
    ProofOptions options = ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, CREATED);
    assertThatThrownBy(() -> di.addProof(doc("{}"), options, signer(sig -> Arrays.copyOf(sig, 63))))
        .isInstanceOf(SigningFailedException.class)
        .hasMessageContaining("63 bytes");
    assertThatThrownBy(() -> di.addProof(doc("{}"), options, signer(sig -> Arrays.copyOf(sig, 65))))
        .isInstanceOf(SigningFailedException.class)
        .hasMessageContaining("65 bytes");
    assertThatThrownBy(
            () ->
                di.addProof(
                    doc("{}"),
                    options,
                    signer(
                        sig -> {
                          throw new IllegalStateException("HSM unavailable");
                        })))
        .isInstanceOfSatisfying(
            SigningFailedException.class,
            e -> assertThat(e.getCause()).isInstanceOf(IllegalStateException.class));
    SigningFailedException own = new SigningFailedException("already typed");
    assertThatThrownBy(
            () ->
                di.addProof(
                    doc("{}"),
                    options,
                    signer(
                        sig -> {
                          throw own;
                        })))
        .isSameAs(own);
    assertThat(
            di.addProof(doc("{}"), options, signer(sig -> sig))
                .get("proof")
                .get("proofValue")
                .asText())
        .startsWith("z");
    assertThatThrownBy(
            () -> di.addProof(doc("{}"), ProofOptions.of(Cryptosuite.ECDSA_JCS_2019, CREATED), key))
        .isInstanceOf(SigningFailedException.class);
  }
}
