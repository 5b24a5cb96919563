package io.trainproof.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.ProofOptions;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A JCS proof carries the document's {@code @context}; the verifier accepts a proof context that is
 * a prefix of the document's and refuses one that is not, before it looks at the signature.
 */
class ProofContextTest {
  private final Fixture f = new Fixture();

  private ObjectNode jcsSigned() {
    ObjectNode vc =
        (ObjectNode) StrictJson.parse(f.issuer().issueCertificate(Fixture.certificate()).json());
    vc.remove("proof");
    return new DataIntegrity()
        .addProof(vc, ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, Fixture.ISSUED), f.key1);
  }

  private FailureReason proofReasonWith(Consumer<ObjectNode> editProof) {
    ObjectNode vc = jcsSigned();
    editProof.accept((ObjectNode) vc.get("proof"));
    VerificationResult result = f.verifier().verify(vc.toString());
    return result.checks(CheckKind.PROOF).get(0).reason();
  }

  @Test
  void aJcsProofWithTheDocumentsContextVerifies() {
    ObjectNode vc = jcsSigned();
    assertThat(vc.get("proof").get("@context")).isEqualTo(vc.get("@context"));
    VerificationResult result = f.verifier().verify(vc.toString());
    assertThat(result.verified()).as(result.checks().toString()).isTrue();
  }

  @Test
  void aShorterPrefixPassesThePrefixRuleAndOnlyTheSignatureFails() {
    // The proof context is part of what was signed, so any edit breaks the signature; the point
    // is which check reports it.
    assertThat(proofReasonWith(p -> ((ArrayNode) p.get("@context")).remove(1)))
        .isEqualTo(FailureReason.TAMPERED_CONTENT);
    assertThat(proofReasonWith(p -> p.put("@context", p.get("@context").get(0).asText())))
        .as("a single string is a one-element prefix")
        .isEqualTo(FailureReason.TAMPERED_CONTENT);
  }

  @Test
  void aContextThatIsNotAPrefixIsRefusedAsSuch() {
    assertThat(proofReasonWith(p -> ((ArrayNode) p.get("@context")).add("https://x.example/extra")))
        .as("longer than the document's")
        .isEqualTo(FailureReason.PROOF_CONTEXT_NOT_PREFIX);
    assertThat(
            proofReasonWith(p -> ((ArrayNode) p.get("@context")).set(1, "https://x.example/other")))
        .isEqualTo(FailureReason.PROOF_CONTEXT_NOT_PREFIX);
    assertThat(proofReasonWith(p -> p.put("@context", "https://x.example/other")))
        .isEqualTo(FailureReason.PROOF_CONTEXT_NOT_PREFIX);
  }
}
