package io.trainproof.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.signing.credential.AchievementInfo;
import io.trainproof.signing.credential.CertificateRequest;
import io.trainproof.signing.credential.EvidenceItem;
import io.trainproof.signing.credential.IssuerProfile;
import io.trainproof.signing.credential.SubjectIdentifier;
import io.trainproof.signing.credential.UnsignedCredentials;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.ProofOptions;
import io.trainproof.signing.status.StatusEntry;
import io.trainproof.signing.status.StatusPurpose;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link CertificateJson} writes exactly the text that {@link DataIntegrity#addProofToJson} writes
 * for the tree {@link UnsignedCredentials#certificate} builds, and fails as it does.
 */
class CertificateJsonTest {
  private static final String[] PIECES = {
    "a",
    "Z",
    "0",
    " ",
    "HIPAA",
    "~",
    "\u007f",
    "\"",
    "\\",
    "/",
    "\n",
    "\t",
    "\u0001",
    "\u001f",
    "é",
    "ß",
    "\u00ff",
    "\u0100",
    "\u07ff",
    "\u0800",
    "€",
    "\uffff",
    "😀",
    "\ud83d\ude00x",
    ":",
    "#",
    "?",
    "%",
    "+",
    "{}[]",
  };
  private final Fixture f = new Fixture();
  private final SigningKey p256 =
      SigningKey.generate(KeyAlgorithm.P256, Fixture.DID + "#p256", f.random);

  @ParameterizedTest
  @EnumSource(
      value = Cryptosuite.class,
      names = {"EDDSA_JCS_2022", "ECDSA_JCS_2019"})
  void writesWhatAddProofToJsonWrites(Cryptosuite suite) {
    SigningKey key = suite.algorithm() == KeyAlgorithm.ED25519 ? f.key1 : p256;
    Random random = new Random(7);
    CertificateJson.ConfigCache configs = new CertificateJson.ConfigCache();
    for (int i = 0; i < 300; i++) {
      String id = "urn:uuid:" + text(random);
      CertificateRequest request = request(random);
      List<StatusEntry> status = status(random);
      // why: some calls in the same second as the last, so the cached configuration is used
      Instant created = Fixture.ISSUED.plusSeconds(random.nextInt(3));

      String expected =
          new DataIntegrity()
              .addProofToJson(
                  UnsignedCredentials.certificate(id, request, status),
                  ProofOptions.of(suite, created),
                  key);
      String actual = CertificateJson.sign(id, request, status, suite, created, key, configs);

      assertThat(actual).isEqualTo(expected);
    }
  }

  @Test
  void refusesAnUnpairedSurrogateAsTheCanonicalizerDoes() {
    CertificateRequest request =
        new CertificateRequest(
            Fixture.PROFILE,
            SubjectIdentifier.memberId("m\ud800"),
            Fixture.certificate().achievement(),
            Fixture.ISSUED,
            null,
            List.of());
    DataIntegrity di = new DataIntegrity();

    Throwable expected =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                di.addProofToJson(
                    UnsignedCredentials.certificate("urn:x", request, List.of()),
                    ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, Fixture.ISSUED),
                    f.key1));
    assertThat(expected).isInstanceOf(UnusableInputException.class);
    assertThatThrownBy(
            () ->
                CertificateJson.sign(
                    "urn:x",
                    request,
                    List.of(),
                    Cryptosuite.EDDSA_JCS_2022,
                    Fixture.ISSUED,
                    f.key1,
                    new CertificateJson.ConfigCache()))
        .isInstanceOf(UnusableInputException.class)
        .hasMessage(expected.getMessage());
  }

  private static CertificateRequest request(Random random) {
    IssuerProfile issuer =
        new IssuerProfile(
            // why: never just "did:", which is no URL and which signing refuses
            "did:" + nonBlank(random),
            nonBlank(random),
            random.nextBoolean() ? null : "https://" + text(random));
    SubjectIdentifier subject =
        random.nextBoolean()
            ? SubjectIdentifier.memberId(nonBlank(random))
            : SubjectIdentifier.hashedEmail(
                text(random) + "@" + text(random), "salt-" + text(random) + "123");
    AchievementInfo achievement =
        new AchievementInfo(
            nonBlank(random),
            nonBlank(random),
            nonBlank(random),
            nonBlank(random),
            nonBlank(random));
    Instant from = Fixture.ISSUED.minusSeconds(random.nextInt(1_000_000_000));
    Instant until =
        random.nextBoolean() ? null : from.plusSeconds(1 + random.nextInt(1_000_000_000));
    List<EvidenceItem> evidence = new ArrayList<>();
    for (int k = random.nextInt(3); k > 0; k--) {
      evidence.add(
          new EvidenceItem(
              random.nextBoolean() ? null : text(random),
              nonBlank(random),
              random.nextBoolean() ? null : text(random),
              random.nextBoolean() ? null : text(random)));
    }
    return new CertificateRequest(issuer, subject, achievement, from, until, evidence);
  }

  private static List<StatusEntry> status(Random random) {
    List<StatusEntry> status = new ArrayList<>();
    for (int k = random.nextInt(3); k > 0; k--) {
      status.add(
          new StatusEntry(
              "https://" + text(random),
              random.nextBoolean() ? StatusPurpose.REVOCATION : StatusPurpose.SUPERSEDED,
              random.nextInt(Integer.MAX_VALUE)));
    }
    return status;
  }

  private static String nonBlank(Random random) {
    return "x" + text(random);
  }

  private static String text(Random random) {
    StringBuilder out = new StringBuilder();
    for (int k = random.nextInt(8); k > 0; k--) {
      out.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return out.toString();
  }
}
