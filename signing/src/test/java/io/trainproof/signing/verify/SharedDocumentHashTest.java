package io.trainproof.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.ProofOptions;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The verifier canonicalizes and hashes the unsecured document once for all proofs of a proof set
 * that sign the same document: a proof hashed with SHA-384 (P-384) beside proofs hashed with
 * SHA-256 still gets its own hash, and every proof is still checked on its own. The status list
 * index is read by hand, exactly as the pattern it replaced.
 */
class SharedDocumentHashTest {
  private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]{0,9}");

  private final Fixture f = new Fixture();
  private final DataIntegrity di = new DataIntegrity();

  private ObjectNode proofSet() {
    ObjectNode vc =
        (ObjectNode) StrictJson.parse(f.issuer().issueCertificate(Fixture.certificate()).json());
    SigningKey p256 = SigningKey.generate(KeyAlgorithm.P256, "x", f.random);
    SigningKey p384 = SigningKey.generate(KeyAlgorithm.P384, "y", f.random);
    ObjectNode set =
        di.addProof(
            vc,
            ProofOptions.of(Cryptosuite.ECDSA_JCS_2019, Fixture.ISSUED),
            p384.withKeyId(p384.publicKey().didKeyVerificationMethod()));
    return di.addProof(
        set,
        ProofOptions.of(Cryptosuite.ECDSA_JCS_2019, Fixture.ISSUED),
        p256.withKeyId(p256.publicKey().didKeyVerificationMethod()));
  }

  @Test
  void everyProofOfASetWithTwoHashFunctionsVerifies() {
    ObjectNode set = proofSet();
    assertThat(set.get("proof")).isInstanceOf(ArrayNode.class).hasSize(3);

    VerificationResult result = f.verifier().verify(set.toString());

    assertThat(result.verified()).as(result.checks().toString()).isTrue();
    assertThat(result.checks(CheckKind.PROOF))
        .hasSize(3)
        .allSatisfy(c -> assertThat(c.outcome()).isEqualTo(Outcome.PASSED));
  }

  @Test
  void eachProofOfASetIsStillCheckedOnItsOwn() {
    for (int tampered = 0; tampered < 3; tampered++) {
      ObjectNode set = proofSet();
      ((ObjectNode) set.get("proof").get(tampered)).put("created", "2026-03-02T00:00:00Z");

      VerificationResult result = f.verifier().verify(set.toString());

      for (int i = 0; i < 3; i++) {
        assertThat(result.checks(CheckKind.PROOF).get(i).outcome())
            .as("proof %s with proof %s tampered", i, tampered)
            .isEqualTo(i == tampered ? Outcome.FAILED : Outcome.PASSED);
      }
    }
  }

  @Test
  void aChangedDocumentFailsEveryProofOfTheSet() {
    ObjectNode set = proofSet();
    set.put("name", "changed");

    VerificationResult result = f.verifier().verify(set.toString());

    assertThat(result.checks(CheckKind.PROOF))
        .hasSize(3)
        .allSatisfy(c -> assertThat(c.reason()).isEqualTo(FailureReason.TAMPERED_CONTENT));
  }

  @Property
  void theIndexIsReadAsThePatternReadIt(@ForAll("indexes") String text) {
    assertThat(StatusChecker.isIndex(text)).isEqualTo(INDEX.matcher(text).matches());
  }

  @Provide
  Arbitrary<String> indexes() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("0123456789").ofMinLength(0).ofMaxLength(12),
        Arbitraries.strings().withChars("0123456789-+.eE x").ofMinLength(0).ofMaxLength(12),
        Arbitraries.longs().map(n -> Long.toString(n)),
        Arbitraries.of("", "0", "00", "01", "9999999999", "10000000000", "1.0", "-1", " 1"));
  }
}
