package io.trainproof.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ValidationException;
import io.trainproof.core.spi.CredentialIssuer.HolderProof;
import io.trainproof.core.spi.CredentialIssuer.HolderProofResult;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.jcs.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Presentations signed by an independent implementation (Digital Bazaar's {@code @digitalbazaar/vc}
 * with the {@code Ed25519Signature2020}, {@code eddsa-rdfc-2022} and {@code ecdsa-rdfc-2019}
 * suites, from the npm registry; {@code src/test/resources/vectors/SOURCES.md} says how they were
 * made) verify here, and the same presentations changed, or checked against another challenge or
 * domain, do not.
 */
class HolderPresentationVectorsTest {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final String DOMAIN = "https://trainproof.example.org";

  final HolderProofVerifier verifier = new HolderProofVerifier(Fixture.at(NOW));

  static String vector(String name) {
    try (InputStream in =
        HolderPresentationVectorsTest.class.getResourceAsStream(
            "/vectors/holder-presentations/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing vector " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  HolderProofResult verify(String vp, String challenge, String domain) {
    return verifier.verify(new HolderProof(HolderProof.Kind.PRESENTATION, vp, challenge, domain));
  }

  static void refused(Runnable call, String field) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "ed25519-signature-2020-vc1.json, lcw-challenge-2101",
    "ed25519-signature-2020-vc2.json, lcw-challenge-2101",
    "eddsa-rdfc-2022-vc2.json, dbvc-challenge-2101",
    "ecdsa-rdfc-2019-p256-vc2.json, dbvc-challenge-2101"
  })
  void verifiesAPresentationSignedByDigitalBazaarsLibraries(String name, String challenge) {
    String vp = vector(name);
    String holder = StrictJson.parse(vp).get("holder").asText();

    HolderProofResult result = verify(vp, challenge, DOMAIN);
    assertThat(result.holder()).isEqualTo(holder);
    assertThat(result.nonce()).isEqualTo(challenge);

    refused(() -> verify(vp, "another-challenge", DOMAIN), "challenge");
    refused(() -> verify(vp, challenge, "https://evil.example"), "domain");

    ObjectNode changed = (ObjectNode) StrictJson.parse(vp);
    ((ObjectNode) changed.get("proof")).put("created", "2026-06-01T11:59:31Z");
    refused(() -> verify(StrictJson.write(changed), challenge, DOMAIN), "proof");

    ObjectNode otherHolder = (ObjectNode) StrictJson.parse(vp);
    otherHolder.put("holder", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK");
    refused(() -> verify(StrictJson.write(otherHolder), challenge, DOMAIN), "holder");

    // six minutes later the proof is still accepted (no expires): core refuses a used challenge
    HolderProofVerifier later = new HolderProofVerifier(Fixture.at(NOW.plusSeconds(360)));
    assertThat(
            later
                .verify(new HolderProof(HolderProof.Kind.PRESENTATION, vp, challenge, DOMAIN))
                .holder())
        .isEqualTo(holder);
    // made more than five minutes ahead of this verifier's clock
    HolderProofVerifier earlier = new HolderProofVerifier(Fixture.at(NOW.minusSeconds(331)));
    refused(
        () -> earlier.verify(new HolderProof(HolderProof.Kind.PRESENTATION, vp, challenge, DOMAIN)),
        "created");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"ed25519-signature-2020-vc1.json", "ed25519-signature-2020-vc2.json"})
  void refusesAnEd25519Signature2020PresentationWithoutTheSuiteContext(String name) {
    ObjectNode vp = (ObjectNode) StrictJson.parse(vector(name));
    ObjectNode withoutSuite = vp.deepCopy();
    withoutSuite.putArray("@context").add(vp.get("@context").get(0).asText());
    refused(() -> verify(StrictJson.write(withoutSuite), "lcw-challenge-2101", DOMAIN), "proof");
  }
}
