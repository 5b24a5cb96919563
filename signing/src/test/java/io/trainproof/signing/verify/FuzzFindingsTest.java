package io.trainproof.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.credential.IssuedCredential;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.proof.Cryptosuite;
import org.junit.jupiter.api.Test;

/** What fuzzing the verifier and the VC API found in the signing module, as plain tests. */
class FuzzFindingsTest {
  @Test
  void aValueSpelledLikeAJsonLdKeywordInAnRdfcProofIsUncanonicalizableNotANullPointerException() {
    // VcApiFuzzTest input crash-e87285f5...: "proofPurpose": "@asstieron" made the JSON-LD
    // processor throw a NullPointerException out of verify(), which never throws
    Fixture f = new Fixture();
    IssuedCredential signed =
        f.issuer()
            .withCryptosuite(Cryptosuite.EDDSA_RDFC_2022)
            .issueCertificate(Fixture.certificate());
    ObjectNode vc = (ObjectNode) StrictJson.parse(signed.json());
    ((ObjectNode) vc.get("proof")).put("proofPurpose", "@asstieron");
    VerificationResult result = f.verifier().verify(vc.toString());
    assertThat(result.verified()).isFalse();
    assertThat(result.failureReasons()).contains(FailureReason.UNCANONICALIZABLE_CONTENT);
    assertThat(result.checks(CheckKind.PROOF).get(0).detail())
        .contains("json-ld", "NullPointerException");
  }
}
