package io.trainproof.signing.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.SigningFailedException;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.verify.CheckKind;
import io.trainproof.signing.verify.FailureReason;
import io.trainproof.signing.verify.Outcome;
import io.trainproof.signing.verify.VerificationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProofSetsAndChainsTest {
  private final Fixture f = new Fixture();
  private final DataIntegrity di = new DataIntegrity();
  private final SigningKey witness =
      SigningKey.generate(KeyAlgorithm.P256, "x", f.random).withKeyId("x");
  private final SigningKey witnessDidKey =
      witness.withKeyId(witness.publicKey().didKeyVerificationMethod());

  private ObjectNode issuerSigned() {
    ObjectNode vc =
        (ObjectNode) StrictJson.parse(f.issuer().issueCertificate(Fixture.certificate()).json());
    vc.remove("proof");
    return di.addProof(
        vc,
        ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, Fixture.ISSUED).withId("urn:uuid:proof-1"),
        f.key1);
  }

  @Test
  void proofSetVerifiesEveryProof() {
    ObjectNode set =
        di.addProof(
            issuerSigned(),
            ProofOptions.of(Cryptosuite.ECDSA_JCS_2019, Fixture.ISSUED),
            witnessDidKey);

    assertThat(set.get("proof")).isInstanceOf(ArrayNode.class).hasSize(2);
    VerificationResult result = f.verifier().verify(set.toString());
    assertThat(result.verified()).as(result.checks().toString()).isTrue();
    assertThat(result.checks(CheckKind.PROOF))
        .hasSize(2)
        .allSatisfy(c -> assertThat(c.outcome()).isEqualTo(Outcome.PASSED));

    ((ObjectNode) set.get("proof").get(1)).put("created", "2026-03-02T00:00:00Z");
    assertThat(f.verifier().verify(set.toString()).failureReasons())
        .contains(FailureReason.TAMPERED_CONTENT);
  }

  @Test
  void proofChainSignsThePreviousProofAndNeedsItPresent() {
    ObjectNode chained =
        di.addProof(
            issuerSigned(),
            ProofOptions.of(Cryptosuite.ECDSA_JCS_2019, Fixture.ISSUED)
                .withPreviousProof(List.of("urn:uuid:proof-1")),
            witnessDidKey);
    assertThat(chained.at("/proof/1/previousProof").asText()).isEqualTo("urn:uuid:proof-1");
    assertThat(f.verifier().verify(chained.toString()).verified()).isTrue();

    // changing the earlier proof breaks both it and the proof chained to it
    ObjectNode altered = chained.deepCopy();
    ((ObjectNode) altered.get("proof").get(0)).put("proofPurpose", "authentication");
    assertThat(f.verifier().verify(altered.toString()).checks(CheckKind.PROOF))
        .allSatisfy(c -> assertThat(c.outcome()).isEqualTo(Outcome.FAILED));

    // dropping the earlier proof leaves a previousProof that names nothing
    ObjectNode dropped = chained.deepCopy();
    ObjectNode second = (ObjectNode) dropped.get("proof").get(1);
    dropped.set("proof", second);
    assertThat(f.verifier().verify(dropped.toString()).failureReasons())
        .contains(FailureReason.UNKNOWN_PREVIOUS_PROOF);

    assertThatThrownBy(
            () ->
                di.addProof(
                    issuerSigned(),
                    ProofOptions.of(Cryptosuite.ECDSA_JCS_2019, Fixture.ISSUED)
                        .withPreviousProof(List.of("urn:uuid:missing")),
                    witnessDidKey))
        .isInstanceOf(UnusableInputException.class);
  }

  @Test
  void keyOfTheWrongTypeForTheSuiteIsRefusedWhenSigning() {
    assertThatThrownBy(
            () ->
                di.addProof(
                    issuerSigned(),
                    ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, Fixture.ISSUED),
                    witness))
        .isInstanceOf(SigningFailedException.class);
  }
}
