package io.trainproof.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import io.trainproof.core.ValidationException;
import io.trainproof.core.spi.CredentialIssuer.HolderProof;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.JsonLdContexts;
import io.trainproof.signing.proof.ProofOptions;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The time windows of holder proofs, over random offsets between the proof's time and the
 * verifier's clock: a presentation is accepted exactly when its {@code created} is at most 5
 * minutes ahead and its {@code expires}, if any, is still to come; a JWT exactly when its {@code
 * iat} is within 5 minutes either way. A refusal names the field of the time that failed.
 */
class HolderProofTimePropertyTest {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final String CHALLENGE = "c";
  static final String DOMAIN = "https://trainproof.example.org";
  static final long SKEW = HolderProofVerifier.MAX_CLOCK_SKEW.toSeconds();

  final SigningKey ed =
      HolderPresentationTest.holderKey(KeyAlgorithm.ED25519, Fixture.deterministicRandom(2104));
  final DataIntegrity di = new DataIntegrity();
  final HolderProofVerifier verifier = new HolderProofVerifier(Fixture.at(NOW));

  /** The field a refusal names, or null when the proof is accepted. */
  String outcome(HolderProof proof) {
    try {
      verifier.verify(proof);
      return null;
    } catch (ValidationException e) {
      return e.field();
    }
  }

  @Property(tries = 300)
  void aPresentationIsAcceptedExactlyWithinItsWindow(
      @ForAll @IntRange(min = -3_600, max = 3_600) int createdOffset,
      @ForAll @IntRange(min = -1_800, max = 1_800) int expiresOffset,
      @ForAll boolean withExpiry) {
    ProofOptions options =
        ProofOptions.authentication(
            Cryptosuite.EDDSA_JCS_2022, NOW.plusSeconds(createdOffset), CHALLENGE, DOMAIN);
    if (withExpiry) {
      options = options.withExpires(NOW.plusSeconds(expiresOffset));
    }
    String vp =
        di.addProofToJson(
            HolderPresentationTest.unsignedVp(
                JsonLdContexts.CREDENTIALS_V2, ed.publicKey().didKey()),
            options,
            ed);

    String field = outcome(new HolderProof(HolderProof.Kind.PRESENTATION, vp, CHALLENGE, DOMAIN));

    String expected =
        createdOffset > SKEW ? "created" : withExpiry && expiresOffset <= 0 ? "expires" : null;
    assertThat(field).isEqualTo(expected);
  }

  @Property(tries = 300)
  void aJwtIsAcceptedExactlyWhenItsIatIsWithinFiveMinutes(
      @ForAll @IntRange(min = -3_600, max = 3_600) int iatOffset) {
    String jwt =
        JwtKeyProofTest.signed(
            new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                .type(JwtKeyProofTest.TYP)
                .keyID(ed.keyId())
                .build(),
            JwtKeyProofTest.claims(NOW.plusSeconds(iatOffset)).audience(DOMAIN).build(),
            new JwtKeyProofTest.Ed25519Signer(JwtKeyProofTest.okp(ed)));

    String field = outcome(new HolderProof(HolderProof.Kind.JWT, jwt, null, DOMAIN));

    assertThat(field).isEqualTo(Math.abs(iatOffset) > SKEW ? "iat" : null);
  }
}
