package io.trainproof.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.signing.credential.AchievementInfo;
import io.trainproof.signing.credential.CertificateRequest;
import io.trainproof.signing.credential.UnsignedCredentials;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.ProofOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CertificateJson}'s per-issuer proof-configuration cache is used only for the same key,
 * suite and second, and a certificate larger than the thread's buffer is written whole.
 */
class CertificateJsonCacheAndSizeTest {
  private static final String ID = "urn:uuid:6f1c2a52-4a0e-4a8e-9a55-0d3c6a3c1b11";
  private final Fixture f = new Fixture();

  private static String expected(CertificateRequest request, Cryptosuite suite, SigningKey key) {
    return new DataIntegrity()
        .addProofToJson(
            UnsignedCredentials.certificate(ID, request, List.of()),
            ProofOptions.of(suite, Fixture.ISSUED),
            key);
  }

  @Test
  void anotherKeyInTheSameSecondDoesNotReuseTheCachedConfiguration() {
    SigningKey other = SigningKey.generate(KeyAlgorithm.ED25519, Fixture.DID + "#key-2", f.random);
    CertificateRequest request = Fixture.certificate();
    CertificateJson.ConfigCache configs = new CertificateJson.ConfigCache();

    String first =
        CertificateJson.sign(
            ID, request, List.of(), Cryptosuite.EDDSA_JCS_2022, Fixture.ISSUED, f.key1, configs);
    String second =
        CertificateJson.sign(
            ID, request, List.of(), Cryptosuite.EDDSA_JCS_2022, Fixture.ISSUED, other, configs);

    assertThat(first).isEqualTo(expected(request, Cryptosuite.EDDSA_JCS_2022, f.key1));
    assertThat(second).isEqualTo(expected(request, Cryptosuite.EDDSA_JCS_2022, other));
  }

  @Test
  void anotherSuiteUnderTheSameKeyIdInTheSameSecondDoesNotReuseTheCachedConfiguration() {
    // why: one key id for an Ed25519 and a P-256 key, so only the suite tells the configurations
    // apart
    SigningKey p256 = SigningKey.generate(KeyAlgorithm.P256, f.key1.keyId(), f.random);
    CertificateRequest request = Fixture.certificate();
    CertificateJson.ConfigCache configs = new CertificateJson.ConfigCache();

    String first =
        CertificateJson.sign(
            ID, request, List.of(), Cryptosuite.EDDSA_JCS_2022, Fixture.ISSUED, f.key1, configs);
    String second =
        CertificateJson.sign(
            ID, request, List.of(), Cryptosuite.ECDSA_JCS_2019, Fixture.ISSUED, p256, configs);

    assertThat(first).isEqualTo(expected(request, Cryptosuite.EDDSA_JCS_2022, f.key1));
    assertThat(second).isEqualTo(expected(request, Cryptosuite.ECDSA_JCS_2019, p256));
  }

  @Test
  void aCertificateWithAMemberLargerThanTheKeptBufferIsWrittenWhole() {
    CertificateRequest base = Fixture.certificate();
    // why: 40,000 bytes in one top-level member; the document and its copy for the text need
    // more than the 64 KiB a thread may keep between calls
    String name = "Privacy ".repeat(5_000);
    AchievementInfo achievement =
        new AchievementInfo(
            base.achievement().courseId(),
            base.achievement().courseVersion(),
            name,
            base.achievement().description(),
            base.achievement().criteria());
    CertificateRequest request =
        new CertificateRequest(
            base.issuer(),
            base.subject(),
            achievement,
            base.validFrom(),
            base.validUntil(),
            base.evidence());

    for (int i = 0; i < 3; i++) {
      String actual =
          CertificateJson.sign(
              ID,
              request,
              List.of(),
              Cryptosuite.EDDSA_JCS_2022,
              Fixture.ISSUED,
              f.key1,
              new CertificateJson.ConfigCache());
      assertThat(actual).isEqualTo(expected(request, Cryptosuite.EDDSA_JCS_2022, f.key1));
    }
  }
}
