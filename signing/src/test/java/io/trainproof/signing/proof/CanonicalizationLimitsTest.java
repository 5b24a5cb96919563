package io.trainproof.signing.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ValidationException;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.credential.IssuedCredential;
import io.trainproof.signing.internal.RdfCanonicalizer;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.verify.CheckKind;
import io.trainproof.signing.verify.CredentialVerifier;
import io.trainproof.signing.verify.FailureReason;
import io.trainproof.signing.verify.VerificationPolicy;
import io.trainproof.signing.verify.VerificationResult;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, finding 2: RDF canonicalization is bounded. A credential of 9 blank nodes each linked
 * to all the others (about 2 KB) took 64 s to canonicalize, and four such posts froze the host; now
 * it is refused, typed and naming the bound, in well under the 2 s these tests allow, whether it is
 * signed, hashed for verification or verified.
 */
class CanonicalizationLimitsTest {
  private static final Duration BOUND = Duration.ofSeconds(2);

  private final Fixture f = new Fixture();
  private final DataIntegrity dataIntegrity = new DataIntegrity();

  @BeforeAll
  static void loadTheJsonLdProcessor() {
    // why: the first canonicalization in a JVM loads Titanium and parses the contexts (seconds on
    // a busy machine); the bound under test is what the hostile document costs, not class loading
    new DataIntegrity().trace(Cryptosuite.EDDSA_RDFC_2022, clique(2), proofConfigFor(clique(2)));
  }

  /**
   * An unsigned credential whose subject knows n blank nodes, each linked to all the others (the
   * shape of the credential is valid; only its graph is hostile).
   */
  static ObjectNode clique(int n) {
    ObjectNode vc = StrictJson.mapper().createObjectNode();
    vc.putArray("@context").add(JsonLdContexts.CREDENTIALS_V2);
    vc.putArray("type").add("VerifiableCredential");
    vc.put("issuer", Fixture.DID);
    vc.put("validFrom", "2026-03-01T00:00:00Z");
    ObjectNode holder = vc.putObject("credentialSubject").put("id", "did:example:subject");
    ArrayNode subjects = holder.putArray("https://example.org/knows");
    for (int i = 0; i < n; i++) {
      ObjectNode subject = subjects.addObject().put("id", "_:b" + i);
      ArrayNode knows = subject.putArray("https://example.org/knows");
      for (int j = 0; j < n; j++) {
        if (j != i) {
          knows.addObject().put("id", "_:b" + j);
        }
      }
    }
    return vc;
  }

  private static void assertStepLimit(Throwable thrown) {
    assertThat(thrown).isInstanceOf(UnusableInputException.class);
    assertThat(((UnusableInputException) thrown).what()).isEqualTo(RdfCanonicalizer.LIMIT);
    assertThat(thrown)
        .hasMessageContaining("maxSteps")
        .hasMessageContaining(Long.toString(CanonicalizationLimits.DEFAULT.maxSteps()));
  }

  @Test
  void theNineNodeGraphIsRefusedQuicklyWhenSigning() {
    ObjectNode hostile = clique(9);
    assertThat(StrictJson.write(hostile).length()).isLessThan(2_500);
    Throwable thrown =
        assertTimeoutPreemptively(
            BOUND,
            () ->
                catchThrowable(
                    () ->
                        dataIntegrity.addProof(
                            hostile,
                            ProofOptions.of(Cryptosuite.EDDSA_RDFC_2022, Fixture.ISSUED),
                            f.key1)));
    assertStepLimit(thrown);
  }

  @Test
  void theNineNodeGraphIsRefusedQuicklyWhenHashedForVerification() {
    ObjectNode hostile = clique(9);
    ObjectNode config = proofConfigFor(hostile);
    Throwable thrown =
        assertTimeoutPreemptively(
            BOUND,
            () ->
                catchThrowable(
                    () -> dataIntegrity.trace(Cryptosuite.EDDSA_RDFC_2022, hostile, config)));
    assertStepLimit(thrown);
  }

  @Test
  void aLargerGraphIsRefusedAsQuickly() {
    ObjectNode hostile = clique(16);
    Throwable thrown =
        assertTimeoutPreemptively(
            BOUND,
            () ->
                catchThrowable(
                    () ->
                        dataIntegrity.trace(
                            Cryptosuite.EDDSA_RDFC_2022, hostile, proofConfigFor(hostile))));
    assertStepLimit(thrown);
  }

  @Test
  void theVerifierAnswersTheNineNodeGraphQuicklyWithAReason() {
    IssuedCredential signed =
        f.issuer()
            .withCryptosuite(Cryptosuite.EDDSA_RDFC_2022)
            .issueCertificate(Fixture.certificate());
    ObjectNode vc = (ObjectNode) StrictJson.parse(signed.json());
    vc.set("credentialSubject", clique(9).get("credentialSubject"));
    CredentialVerifier verifier = f.verifier();

    VerificationResult result =
        assertTimeoutPreemptively(BOUND, () -> verifier.verify(StrictJson.write(vc)));

    assertThat(result.verified()).isFalse();
    assertThat(result.failureReasons()).contains(FailureReason.CANONICALIZATION_LIMIT);
    assertThat(result.checks(CheckKind.PROOF).get(0).detail()).contains("maxSteps");
  }

  @Test
  void theVerifierWithAHostsOwnLimitsAnswersLargerGraphsAsQuickly() {
    CanonicalizationLimits tight =
        new CanonicalizationLimits(Duration.ofMillis(500), 1_000, 100, 10_000);
    CredentialVerifier verifier =
        new CredentialVerifier(
            f.bundle(),
            Fixture.at(Fixture.VERIFIED),
            VerificationPolicy.DEFAULT,
            new DataIntegrity(JsonLdContexts.bundled(), tight));
    ObjectNode vc = clique(20);
    vc.set(
        "proof",
        StrictJson.parse(
                f.issuer()
                    .withCryptosuite(Cryptosuite.EDDSA_RDFC_2022)
                    .issueCertificate(Fixture.certificate())
                    .json())
            .get("proof"));

    VerificationResult result =
        assertTimeoutPreemptively(BOUND, () -> verifier.verify(StrictJson.write(vc)));

    assertThat(result.failureReasons()).contains(FailureReason.CANONICALIZATION_LIMIT);
    assertThat(result.checks(CheckKind.PROOF).get(0).detail()).contains("10000");
  }

  @Test
  void theTimeBoundStopsWhatTheStepCountAllows() {
    CanonicalizationLimits timeOnly =
        new CanonicalizationLimits(Duration.ofMillis(200), 2_000, 500, Long.MAX_VALUE);
    DataIntegrity bounded = new DataIntegrity(JsonLdContexts.bundled(), timeOnly);
    ObjectNode hostile = clique(9);

    Throwable thrown =
        assertTimeoutPreemptively(
            BOUND,
            () ->
                catchThrowable(
                    () ->
                        bounded.trace(
                            Cryptosuite.EDDSA_RDFC_2022, hostile, proofConfigFor(hostile))));

    assertThat(thrown).isInstanceOf(UnusableInputException.class);
    assertThat(((UnusableInputException) thrown).what()).isEqualTo(RdfCanonicalizer.LIMIT);
    assertThat(thrown).hasMessageContaining("maxDuration").hasMessageContaining("200 ms");
  }

  @Test
  void tooManyValuesAreRefusedBeforeExpansion() {
    DataIntegrity bounded =
        new DataIntegrity(
            JsonLdContexts.bundled(),
            new CanonicalizationLimits(Duration.ofSeconds(2), 50, 500, 100_000));
    ObjectNode vc = clique(1);
    ArrayNode names = vc.putArray("name");
    for (int i = 0; i < 60; i++) {
      names.add("name " + i);
    }

    assertThatThrownBy(
            () ->
                bounded.addProof(
                    vc, ProofOptions.of(Cryptosuite.EDDSA_RDFC_2022, Fixture.ISSUED), f.key1))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("more than 50 values")
        .hasMessageContaining("maxQuads")
        .hasMessageContaining("not expanded");
  }

  @Test
  void tooManyQuadsAreRefused() {
    // a list item is one value and two quads (rdf:first, rdf:rest): 24 values, 40 quads
    DataIntegrity bounded =
        new DataIntegrity(
            JsonLdContexts.bundled(),
            new CanonicalizationLimits(Duration.ofSeconds(2), 30, 500, 100_000));
    ObjectNode vc = StrictJson.mapper().createObjectNode();
    vc.putArray("@context").add(JsonLdContexts.CREDENTIALS_V2);
    vc.put("id", "urn:uuid:0f6a4c52-1d0e-4b43-9f0c-5b5a8f4f2a11");
    ArrayNode items = vc.putObject("https://example.org/list").putArray("@list");
    for (int i = 0; i < 20; i++) {
      items.add("item " + i);
    }

    assertThatThrownBy(() -> bounded.trace(Cryptosuite.EDDSA_RDFC_2022, vc, proofConfigFor(vc)))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("more than 30 quads")
        .hasMessageContaining("maxQuads");
  }

  @Test
  void tooManyBlankNodesAreRefused() {
    DataIntegrity bounded =
        new DataIntegrity(
            JsonLdContexts.bundled(),
            new CanonicalizationLimits(Duration.ofSeconds(2), 2_000, 3, 100_000));
    ObjectNode vc = clique(4);

    assertThatThrownBy(() -> bounded.trace(Cryptosuite.EDDSA_RDFC_2022, vc, proofConfigFor(vc)))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("more than 3 blank nodes")
        .hasMessageContaining("maxBlankNodes");
  }

  @Test
  void theDefaultsLetTrainproofsOwnCredentialsAndSmallGraphsThrough() {
    var rdf = f.issuer().withCryptosuite(Cryptosuite.EDDSA_RDFC_2022);
    CredentialVerifier verifier = f.verifier();
    assertThat(verifier.verify(rdf.issueCertificate(Fixture.certificate()).json()).verified())
        .isTrue();
    assertThat(verifier.verify(rdf.issueAttestation(Fixture.attestation()).json()).verified())
        .isTrue();
    // five look-alike blank nodes, all linked, are within the default steps
    ObjectNode five = clique(5);
    assertThat(dataIntegrity.trace(Cryptosuite.EDDSA_RDFC_2022, five, proofConfigFor(five)))
        .isNotNull();
    // 1,500 values (a long evidence list) are within the default size
    ObjectNode longList = clique(1);
    ArrayNode names = longList.putArray("name");
    for (int i = 0; i < 1_500; i++) {
      names.add("name " + i);
    }
    assertThat(
            dataIntegrity
                .trace(Cryptosuite.EDDSA_RDFC_2022, longList, proofConfigFor(longList))
                .canonicalDocument()
                .split("\n"))
        .hasSizeGreaterThan(1_500);
  }

  @Test
  void limitsAreValidated() {
    assertThatThrownBy(() -> new CanonicalizationLimits(Duration.ZERO, 1, 0, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("maxDuration");
    assertThatThrownBy(() -> new CanonicalizationLimits(Duration.ofSeconds(1), 0, 0, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("maxQuads");
    assertThatThrownBy(() -> new CanonicalizationLimits(Duration.ofSeconds(1), 1, -1, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("maxBlankNodes");
    assertThatThrownBy(() -> new CanonicalizationLimits(Duration.ofSeconds(1), 1, 0, 0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("maxSteps");
    assertThat(new CanonicalizationLimits(Duration.ofMillis(1), 1, 0, 1).maxQuads()).isEqualTo(1);
  }

  private static ObjectNode proofConfigFor(ObjectNode document) {
    ObjectNode config = StrictJson.mapper().createObjectNode();
    config.set("@context", document.get("@context").deepCopy());
    config.put("type", "DataIntegrityProof");
    config.put("cryptosuite", "eddsa-rdfc-2022");
    config.put("created", "2026-03-01T09:30:00Z");
    config.put("verificationMethod", Fixture.DID + "#key-1");
    config.put("proofPurpose", "assertionMethod");
    return config;
  }

  private static Throwable catchThrowable(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("no exception was thrown");
  }
}
