package io.trainproof.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.signing.Fixture;
import io.trainproof.signing.credential.IssuedCredential;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.status.StatusPurpose;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A status list is only used when its proof was made while its key was valid: a list signed by a
 * retired key after its retirement (a stolen old key publishing a list that clears a revocation)
 * leaves the status unavailable, although its signature verifies.
 */
class StatusListKeyValidityTest {
  private static final Instant ROTATION = Instant.parse("2026-04-01T00:00:00Z");

  @Test
  void aStatusListSignedByAKeyAfterItsRetirementIsNotUsed() {
    Fixture f = new Fixture();
    IssuedCredential cert =
        f.issuer(f.key1, Fixture.ISSUED).issueCertificate(Fixture.certificate());
    SigningKey key2 = SigningKey.generate(KeyAlgorithm.ED25519, Fixture.DID + "#key-2", f.random);
    f.history = f.history.rotate(key2.keyId(), key2.publicKey(), ROTATION);
    Instant afterRetirement = ROTATION.plusSeconds(3600);
    // verified the next day, while the lists signed after the retirement are current
    Instant later = afterRetirement.plus(Duration.ofDays(1));

    TrustBundle byRetiredKey =
        TrustBundle.of(
            List.of(f.history),
            List.of(
                f.issuer(f.key1, afterRetirement).statusListCredential(StatusPurpose.REVOCATION),
                f.issuer(key2, afterRetirement).statusListCredential(StatusPurpose.SUPERSEDED)));
    VerificationResult result = f.verifier(byRetiredKey, later).verify(cert.json());

    assertThat(result.checks(CheckKind.REVOCATION))
        .singleElement()
        .satisfies(c -> assertThat(c.reason()).isEqualTo(FailureReason.STATUS_UNAVAILABLE));
    assertThat(result.checks(CheckKind.SUPERSESSION))
        .singleElement()
        .satisfies(c -> assertThat(c.outcome()).isEqualTo(Outcome.PASSED));
    assertThat(result.checks(CheckKind.PROOF))
        .singleElement()
        .satisfies(c -> assertThat(c.outcome()).isEqualTo(Outcome.PASSED));

    TrustBundle byActiveKey =
        TrustBundle.of(
            List.of(f.history),
            List.of(
                f.issuer(key2, afterRetirement).statusListCredential(StatusPurpose.REVOCATION),
                f.issuer(key2, afterRetirement).statusListCredential(StatusPurpose.SUPERSEDED)));
    VerificationResult ok = f.verifier(byActiveKey, later).verify(cert.json());
    assertThat(ok.verified()).as(ok.checks().toString()).isTrue();
  }
}
