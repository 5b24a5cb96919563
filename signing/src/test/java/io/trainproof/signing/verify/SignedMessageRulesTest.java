package io.trainproof.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.ProofOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the verifier hashes for each proof (VC Data Integrity, "verify proof"): the document with
 * the proof's own {@code @context} in place of the document's, and, for a proof chained with {@code
 * previousProof}, with the earlier proofs as its {@code proof}. Both suites, JCS and RDFC, follow
 * the same rule.
 */
class SignedMessageRulesTest {
  private final Fixture f = new Fixture();
  private final DataIntegrity di = new DataIntegrity();

  private ObjectNode unsignedCertificate() {
    ObjectNode vc =
        (ObjectNode) StrictJson.parse(f.issuer().issueCertificate(Fixture.certificate()).json());
    vc.remove("proof");
    return vc;
  }

  @Test
  void aContextAppendedAfterSigningLeavesAJcsProofValidBecauseTheProofsContextIsHashed() {
    ObjectNode vc =
        di.addProof(
            unsignedCertificate(),
            ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, Fixture.ISSUED),
            f.key1);
    ((ArrayNode) vc.get("@context")).add("https://w3id.org/security/data-integrity/v2");

    VerificationResult result = f.verifier().verify(vc.toString());

    assertThat(result.checks(CheckKind.PROOF))
        .singleElement()
        .satisfies(c -> assertThat(c.outcome()).as(c.detail()).isEqualTo(Outcome.PASSED));
    assertThat(result.verified()).as(result.checks().toString()).isTrue();
  }

  @Test
  void aChangedContextEntryThatTheProofCoversBreaksTheSignature() {
    ObjectNode vc =
        di.addProof(
            unsignedCertificate(),
            ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, Fixture.ISSUED),
            f.key1);
    ObjectNode proof = (ObjectNode) vc.get("proof");
    ((ArrayNode) vc.get("@context")).add("https://w3id.org/security/data-integrity/v2");
    // the proof's context now claims the longer list: still a prefix, but not what was signed
    proof.set("@context", vc.get("@context").deepCopy());

    assertThat(f.verifier().verify(vc.toString()).checks(CheckKind.PROOF).get(0).reason())
        .isEqualTo(FailureReason.TAMPERED_CONTENT);
  }

  @Test
  void anRdfcProofChainedToAnEarlierProofVerifiesAndCoversIt() {
    ObjectNode unsigned = unsignedCertificate();
    ObjectNode first =
        di.addProof(
            unsigned,
            ProofOptions.of(Cryptosuite.EDDSA_RDFC_2022, Fixture.ISSUED).withId("urn:uuid:proof-1"),
            f.key1);
    ObjectNode chained =
        di.addProof(
            first,
            ProofOptions.of(Cryptosuite.EDDSA_RDFC_2022, Fixture.ISSUED.plusSeconds(60))
                .withPreviousProof(List.of("urn:uuid:proof-1")),
            f.key1);

    VerificationResult result = f.verifier().verify(chained.toString());
    assertThat(result.checks(CheckKind.PROOF))
        .hasSize(2)
        .allSatisfy(c -> assertThat(c.outcome()).as(c.detail()).isEqualTo(Outcome.PASSED));
    assertThat(result.verified()).as(result.checks().toString()).isTrue();

    // the chained proof signed the first one: replacing the first with a fresh, valid proof of
    // the same id leaves the first verifying and breaks the second
    ObjectNode swapped = chained.deepCopy();
    ObjectNode resigned =
        (ObjectNode)
            di.addProof(
                    unsigned,
                    ProofOptions.of(Cryptosuite.EDDSA_RDFC_2022, Fixture.ISSUED.plusSeconds(1))
                        .withId("urn:uuid:proof-1"),
                    f.key1)
                .get("proof");
    ((ArrayNode) swapped.get("proof")).set(0, resigned);
    List<Check> proofs = f.verifier().verify(swapped.toString()).checks(CheckKind.PROOF);
    assertThat(proofs.get(0).outcome()).isEqualTo(Outcome.PASSED);
    assertThat(proofs.get(1).reason()).isEqualTo(FailureReason.TAMPERED_CONTENT);
  }

  @Test
  void aProofWithAContextOnADocumentWithoutOneIsRefusedBeforeTheSignatureIsChecked() {
    ObjectNode vc =
        di.addProof(
            unsignedCertificate(),
            ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, Fixture.ISSUED),
            f.key1);
    // why: the signature alone would still verify, since the proof's context is what is hashed
    vc.remove("@context");

    assertThat(f.verifier().verify(vc.toString()).checks(CheckKind.PROOF).get(0).reason())
        .isEqualTo(FailureReason.PROOF_CONTEXT_NOT_PREFIX);
  }
}
