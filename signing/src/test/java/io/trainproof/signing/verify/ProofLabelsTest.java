package io.trainproof.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.ProofOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each proof check says which proof it is about, so a reader of a failure knows which to look at.
 */
class ProofLabelsTest {
  private final Fixture f = new Fixture();
  private final DataIntegrity di = new DataIntegrity();

  @Test
  void aSingleProofIsTheProofAndAProofSetCountsItsMembers() {
    String single = f.issuer().issueCertificate(Fixture.certificate()).json();
    VerificationResult one = f.verifier().verify(single);
    assertThat(one.checks(CheckKind.PROOF))
        .singleElement()
        .satisfies(c -> assertThat(c.detail()).startsWith("proof: "));
    assertThat(one.checks(CheckKind.KEY_VALIDITY))
        .singleElement()
        .satisfies(c -> assertThat(c.detail()).startsWith("proof: key valid at "));

    SigningKey witness = SigningKey.generate(KeyAlgorithm.P256, "w", f.random);
    SigningKey witnessDidKey = witness.withKeyId(witness.publicKey().didKeyVerificationMethod());
    ObjectNode set =
        di.addProof(
            (ObjectNode) StrictJson.parse(single),
            ProofOptions.of(Cryptosuite.ECDSA_JCS_2019, Fixture.ISSUED),
            witnessDidKey);
    VerificationResult two = f.verifier().verify(set.toString());
    assertThat(two.verified()).as(two.checks().toString()).isTrue();
    assertThat(two.checks(CheckKind.PROOF))
        .extracting(Check::detail)
        .satisfiesExactly(
            d -> assertThat(d).startsWith("proof 1 of 2: "),
            d -> assertThat(d).startsWith("proof 2 of 2: "));
    assertThat(two.checks(CheckKind.KEY_VALIDITY))
        .extracting(Check::outcome)
        .containsExactly(Outcome.PASSED, Outcome.NOT_APPLICABLE);
  }

  @Test
  void aProofChainedOntoTwoEarlierProofsVerifiesAndNeedsBoth() {
    ObjectNode vc =
        (ObjectNode) StrictJson.parse(f.issuer().issueCertificate(Fixture.certificate()).json());
    vc.remove("proof");
    ObjectNode one =
        di.addProof(
            vc,
            ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, Fixture.ISSUED).withId("urn:uuid:p1"),
            f.key1);
    ObjectNode two =
        di.addProof(
            one,
            ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, Fixture.ISSUED).withId("urn:uuid:p2"),
            f.key1);
    ObjectNode chained =
        di.addProof(
            two,
            ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, Fixture.ISSUED)
                .withPreviousProof(List.of("urn:uuid:p1", "urn:uuid:p2")),
            f.key1);
    VerificationResult result = f.verifier().verify(chained.toString());
    assertThat(result.verified()).as(result.checks().toString()).isTrue();
    assertThat(result.checks(CheckKind.PROOF)).hasSize(3);
    chained.withArray("proof").remove(1);
    assertThat(f.verifier().verify(chained.toString()).failureReasons())
        .contains(FailureReason.UNKNOWN_PREVIOUS_PROOF);
  }
}
