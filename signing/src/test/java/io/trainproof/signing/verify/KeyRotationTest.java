package io.trainproof.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.signing.Fixture;
import io.trainproof.signing.credential.IssuedCredential;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeyRotationTest {
  private static final Instant ROTATION = Instant.parse("2026-07-01T00:00:00Z");

  @Test
  void retiredKeyStillVerifiesWhatItSignedWhileActiveAndNothingAfter() {
    Fixture f = new Fixture();
    IssuedCredential before =
        f.issuer(f.key1, Fixture.ISSUED).issueCertificate(Fixture.certificate());

    SigningKey key2 = SigningKey.generate(KeyAlgorithm.ED25519, Fixture.DID + "#key-2", f.random);
    f.history = f.history.rotate(key2.keyId(), key2.publicKey(), ROTATION);
    // the verifier loads the history from its published JSON form, offline
    f.history = IssuerKeyHistory.fromJson(f.history.toJson());
    Instant later = Instant.parse("2026-12-01T00:00:00Z");
    // status lists signed by the new key, as published when the verifier runs
    TrustBundle bundle = TrustBundle.fromJson(f.bundle(f.issuer(key2, later)).toJson());

    VerificationResult old = f.verifier(bundle, later).verify(before.json());
    assertThat(old.verified()).as(old.checks().toString()).isTrue();
    assertThat(old.checks(CheckKind.KEY_VALIDITY))
        .singleElement()
        .satisfies(c -> assertThat(c.outcome()).isEqualTo(Outcome.PASSED));

    IssuedCredential byNewKey =
        f.issuer(key2, ROTATION.plusSeconds(3600)).issueCertificate(Fixture.certificate());
    assertThat(f.verifier(bundle, later).verify(byNewKey.json()).verified()).isTrue();

    IssuedCredential byRetiredKey =
        f.issuer(f.key1, ROTATION.plusSeconds(3600)).issueCertificate(Fixture.certificate());
    VerificationResult rejected = f.verifier(bundle, later).verify(byRetiredKey.json());
    assertThat(rejected.verified()).isFalse();
    assertThat(rejected.failureReasons()).containsExactly(FailureReason.KEY_RETIRED_BEFORE_PROOF);

    IssuedCredential atTheInstant =
        f.issuer(f.key1, ROTATION).issueCertificate(Fixture.certificate());
    assertThat(f.verifier(bundle, later).verify(atTheInstant.json()).failureReasons())
        .containsExactly(FailureReason.KEY_RETIRED_BEFORE_PROOF);
  }
}
