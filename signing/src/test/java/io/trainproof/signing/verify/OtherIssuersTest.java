package io.trainproof.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.InMemoryKeyProvider;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.JsonLdContexts;
import io.trainproof.signing.proof.ProofOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 17: a trust bundle names an issuer by any URL with its keys. An Open Badges 3.0 credential
 * whose issuer is an {@code https} URL, signed with a key under that URL, verifies when the bundle
 * holds the key, and is not trusted when it does not.
 */
class OtherIssuersTest {
  static final String ISSUER = "https://badges.example.edu/issuers/565049";
  static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

  final SigningKey key =
      SigningKey.generate(KeyAlgorithm.ED25519, ISSUER + "#key-1", Fixture.deterministicRandom(5));

  static ObjectNode openBadge() {
    return (ObjectNode)
        StrictJson.parse(
            "{\"@context\":[\""
                + JsonLdContexts.CREDENTIALS_V2
                + "\",\""
                + JsonLdContexts.OPEN_BADGES_V3
                + "\"],"
                + "\"id\":\"urn:uuid:a63a60be-f4af-491e-87fc-2c8fd3007a58\","
                + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],"
                + "\"name\":\"HIPAA privacy basics\","
                + "\"issuer\":{\"id\":\""
                + ISSUER
                + "\",\"type\":[\"Profile\"],\"name\":\"Example University\"},"
                + "\"validFrom\":\"2026-02-01T00:00:00Z\","
                + "\"credentialSubject\":{\"type\":[\"AchievementSubject\"],"
                + "\"achievement\":{\"id\":\"https://badges.example.edu/achievements/hipaa\","
                + "\"type\":[\"Achievement\"],\"name\":\"HIPAA privacy basics\","
                + "\"description\":\"Completed the course.\","
                + "\"criteria\":{\"narrative\":\"Pass the final quiz.\"}}}}");
  }

  @ParameterizedTest
  @EnumSource(
      value = Cryptosuite.class,
      names = {"EDDSA_JCS_2022", "EDDSA_RDFC_2022"})
  void anOpenBadgeFromAnHttpsIssuerVerifiesWhenTheBundleHoldsItsKey(Cryptosuite suite) {
    String signed =
        StrictJson.write(
            new DataIntegrity()
                .addProof(
                    openBadge(),
                    ProofOptions.of(suite, Instant.parse("2026-02-01T00:00:00Z")),
                    new InMemoryKeyProvider().add(key).signer(key.keyId()).orElseThrow()));
    IssuerKeyHistory history = IssuerKeyHistory.start(ISSUER, key.keyId(), key.publicKey(), FROM);
    TrustBundle bundle = TrustBundle.fromJson(TrustBundle.of(List.of(history), List.of()).toJson());

    VerificationResult trusted = new CredentialVerifier(bundle, CLOCK).verify(signed);
    assertThat(trusted.verified()).as(trusted.toString()).isTrue();
    assertThat(trusted.checks(CheckKind.ISSUER_TRUSTED))
        .singleElement()
        .satisfies(c -> assertThat(c.outcome()).isEqualTo(Outcome.PASSED));

    VerificationResult unknown =
        new CredentialVerifier(TrustBundle.of(List.of(), List.of()), CLOCK).verify(signed);
    assertThat(unknown.verified()).isFalse();
    assertThat(unknown.failureReasons()).contains(FailureReason.UNKNOWN_KEY);
  }
}
