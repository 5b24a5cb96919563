package io.trainproof.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.jcs.StrictJson;
import org.junit.jupiter.api.Test;

/**
 * A check's detail names what was wrong but never carries a hostile value whole: a key id, a
 * cryptosuite or a status list URL from the credential is shown bounded, in printable ASCII.
 */
class BoundedMessagesTest {
  private static final String HOSTILE = "https://x.example/\u0000\u001b[2J" + "a".repeat(100_000);

  private final Fixture f = new Fixture();
  private final String certificate = f.issuer().issueCertificate(Fixture.certificate()).json();

  private static void assertBounded(VerificationResult result) {
    for (Check check : result.checks()) {
      assertThat(check.detail().length()).as(check.kind().toString()).isLessThan(600);
      assertThat(check.detail()).doesNotContain("\u0000").doesNotContain("\u001b");
    }
  }

  @Test
  void aHostileKeyIdOrSuiteIsShownBounded() {
    ObjectNode vc = (ObjectNode) StrictJson.parse(certificate);
    ((ObjectNode) vc.get("proof")).put("verificationMethod", HOSTILE);
    VerificationResult unknownKey = f.verifier().verify(StrictJson.write(vc));
    assertThat(unknownKey.failureReasons()).contains(FailureReason.UNKNOWN_KEY);
    assertBounded(unknownKey);

    ((ObjectNode) vc.get("proof")).put("cryptosuite", HOSTILE);
    VerificationResult unknownSuite = f.verifier().verify(StrictJson.write(vc));
    assertThat(unknownSuite.failureReasons()).contains(FailureReason.UNKNOWN_CRYPTOSUITE);
    assertBounded(unknownSuite);
  }

  @Test
  void aHostileStatusListUrlIsShownBounded() {
    ObjectNode vc = AttackTest.unsigned(certificate);
    ((ObjectNode) vc.withArray("credentialStatus").get(0)).put("statusListCredential", HOSTILE);
    ((ObjectNode) vc.withArray("credentialStatus").get(1)).put("statusPurpose", HOSTILE);
    ObjectNode signed =
        AttackTest.signWithProof(
            vc, AttackTest.proofOptions(f.key1.keyId(), "2026-03-01T09:30:00Z"), f.key1);

    VerificationResult result = f.verifier().verify(StrictJson.write(signed));

    assertThat(result.failureReasons())
        .contains(FailureReason.STATUS_UNAVAILABLE, FailureReason.UNSUPPORTED_STATUS);
    assertBounded(result);
  }
}
