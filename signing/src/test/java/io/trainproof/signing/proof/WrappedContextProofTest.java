package io.trainproof.signing.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.credential.UnsignedCredentials;
import io.trainproof.signing.jcs.StrictJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A credential whose {@code @context} array holds a wrapped context ({@code {"@context": {...}}},
 * as the W3C suites' proof-chain fixtures do) signs and verifies under eddsa-rdfc-2022, and the
 * signature covers the wrapped definitions: changing one breaks it.
 */
class WrappedContextProofTest {
  private final Fixture f = new Fixture();
  private final DataIntegrity di = new DataIntegrity();

  private static ObjectNode credential(String noteIri) {
    ObjectNode vc =
        UnsignedCredentials.certificate(
            "urn:uuid:0e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a", Fixture.certificate(), List.of());
    vc.withArray("@context")
        .addObject()
        .putObject("@context")
        .putObject("note")
        .put("@id", noteIri);
    vc.put("note", "signed with a wrapped context");
    return vc;
  }

  @Test
  void signsAndVerifies() {
    String json =
        StrictJson.write(
            di.addProof(
                credential("https://schema.org/description"),
                ProofOptions.of(Cryptosuite.EDDSA_RDFC_2022, Fixture.ISSUED),
                f.key1));

    assertThat(f.verifier().verify(json).verified()).isTrue();
  }

  @Test
  void changingAWrappedDefinitionBreaksTheSignature() {
    ObjectNode signed =
        di.addProof(
            credential("https://schema.org/description"),
            ProofOptions.of(Cryptosuite.EDDSA_RDFC_2022, Fixture.ISSUED),
            f.key1);
    ObjectNode forged = signed.deepCopy();
    ObjectNode wrapped =
        (ObjectNode) forged.withArray("@context").get(forged.withArray("@context").size() - 1);
    ((ObjectNode) wrapped.get("@context").get("note"))
        .put("@id", "https://schema.org/disambiguatingDescription");

    assertThat(f.verifier().verify(StrictJson.write(signed)).verified()).isTrue();
    assertThat(f.verifier().verify(StrictJson.write(forged)).verified()).isFalse();
  }
}
