package io.trainproof.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.credential.IssuedCredential;
import io.trainproof.signing.jcs.JsonLimits;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.proof.CanonicalizationLimits;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.ProofOptions;
import io.trainproof.signing.status.StatusBitstring;
import io.trainproof.signing.status.StatusPurpose;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** One test per {@link FailureReason}: each rejection is reported with its own reason. */
class RejectionReasonsTest {
  private final Fixture f = new Fixture();
  private final IssuedCredential certificate = f.issuer().issueCertificate(Fixture.certificate());
  private final TrustBundle bundle = f.bundle();
  private final CredentialVerifier verifier = f.verifier(bundle, Fixture.VERIFIED);

  private VerificationResult verifyMutated(Consumer<ObjectNode> mutation) {
    ObjectNode vc = (ObjectNode) StrictJson.parse(certificate.json());
    mutation.accept(vc);
    return verifier.verify(StrictJson.write(vc));
  }

  private static ObjectNode proof(ObjectNode vc) {
    return (ObjectNode) vc.get("proof");
  }

  private static void assertRejected(VerificationResult result, FailureReason reason) {
    assertThat(result.verified()).isFalse();
    assertThat(result.failureReasons()).as(result.checks().toString()).contains(reason);
  }

  @Test
  void theUnchangedCertificateVerifies() {
    assertThat(verifier.verify(certificate.json()).verified()).isTrue();
  }

  @Test
  void malformedJson() {
    assertRejected(verifier.verify("{\"id\": \"x\", "), FailureReason.MALFORMED_JSON);
    String duplicated = certificate.json().replaceFirst("\\{", "{\"name\":\"Forged\",");
    assertRejected(verifier.verify(duplicated), FailureReason.MALFORMED_JSON);
  }

  @Test
  void inputTooLargeOversizedOrDeeplyNested() {
    assertRejected(
        verifier.verify("[".repeat(100_000) + "]".repeat(100_000)), FailureReason.INPUT_TOO_LARGE);
    CredentialVerifier small =
        new CredentialVerifier(
            bundle,
            Fixture.at(Fixture.VERIFIED),
            new VerificationPolicy(new JsonLimits(1000, 64), true),
            new DataIntegrity());
    assertRejected(small.verify(certificate.json()), FailureReason.INPUT_TOO_LARGE);
  }

  @Test
  void malformedCredential() {
    assertRejected(verifier.verify("[1,2]"), FailureReason.MALFORMED_CREDENTIAL);
    assertRejected(
        verifyMutated(vc -> vc.put("validUntil", "next year")), FailureReason.MALFORMED_CREDENTIAL);
  }

  @Test
  void missingProof() {
    assertRejected(verifyMutated(vc -> vc.remove("proof")), FailureReason.MISSING_PROOF);
  }

  @Test
  void malformedProof() {
    assertRejected(verifyMutated(vc -> proof(vc).remove("created")), FailureReason.MALFORMED_PROOF);
    assertRejected(
        verifyMutated(vc -> proof(vc).put("type", "Ed25519Signature2020")),
        FailureReason.MALFORMED_PROOF);
  }

  @Test
  void unknownCryptosuite() {
    assertRejected(
        verifyMutated(vc -> proof(vc).put("cryptosuite", "bbs-2023")),
        FailureReason.UNKNOWN_CRYPTOSUITE);
  }

  @Test
  void tamperedContent() {
    assertRejected(
        verifyMutated(vc -> vc.put("name", "HIPAA Security Officer certification")),
        FailureReason.TAMPERED_CONTENT);
  }

  @Test
  void wrongKey() {
    // a proof by a did:key that is not the issuer's key, on a credential naming a trusted issuer
    SigningKey stranger = SigningKey.generate(KeyAlgorithm.ED25519, "x", f.random);
    SigningKey asDidKey = stranger.withKeyId(stranger.publicKey().didKeyVerificationMethod());
    ObjectNode unsigned = (ObjectNode) StrictJson.parse(certificate.json());
    unsigned.remove("proof");
    ObjectNode forged =
        new DataIntegrity()
            .addProof(
                unsigned, ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, Fixture.ISSUED), asDidKey);
    VerificationResult result = verifier.verify(forged.toString());
    assertThat(result.checks(CheckKind.PROOF))
        .allSatisfy(c -> assertThat(c.outcome()).isEqualTo(Outcome.PASSED));
    assertRejected(result, FailureReason.WRONG_KEY);

    // a P-256 key named for an Ed25519 suite
    SigningKey p256 = SigningKey.generate(KeyAlgorithm.P256, "x", f.random);
    assertRejected(
        verifyMutated(
            vc -> proof(vc).put("verificationMethod", p256.publicKey().didKeyVerificationMethod())),
        FailureReason.WRONG_KEY);
  }

  @Test
  void unknownKey() {
    assertRejected(
        verifyMutated(vc -> proof(vc).put("verificationMethod", Fixture.DID + "#key-99")),
        FailureReason.UNKNOWN_KEY);
  }

  @Test
  void malformedMultibase() {
    assertRejected(
        verifyMutated(
            vc ->
                proof(vc)
                    .put("proofValue", "u" + proof(vc).get("proofValue").asText().substring(1))),
        FailureReason.MALFORMED_MULTIBASE);
    assertRejected(
        verifyMutated(vc -> proof(vc).put("proofValue", "z0OIl")),
        FailureReason.MALFORMED_MULTIBASE);
  }

  @Test
  void proofContextNotPrefix() {
    assertRejected(
        verifyMutated(
            vc -> ((ArrayNode) proof(vc).get("@context")).insert(0, "https://example.org/other")),
        FailureReason.PROOF_CONTEXT_NOT_PREFIX);
  }

  @Test
  void unknownPreviousProof() {
    assertRejected(
        verifyMutated(vc -> proof(vc).put("previousProof", "urn:uuid:not-here")),
        FailureReason.UNKNOWN_PREVIOUS_PROOF);
  }

  @Test
  void uncanonicalizableContent() {
    Fixture rdf = new Fixture();
    IssuedCredential signed =
        rdf.issuer()
            .withCryptosuite(Cryptosuite.EDDSA_RDFC_2022)
            .issueCertificate(Fixture.certificate());
    ObjectNode vc = (ObjectNode) StrictJson.parse(signed.json());
    ((ArrayNode) vc.get("@context")).add("https://contexts.example.org/not-bundled");
    assertRejected(rdf.verifier().verify(vc.toString()), FailureReason.UNCANONICALIZABLE_CONTENT);
  }

  @Test
  void unsafeJsonLdATermOrTypeNoContextDefines() {
    Fixture rdf = new Fixture();
    IssuedCredential signed =
        rdf.issuer()
            .withCryptosuite(Cryptosuite.EDDSA_RDFC_2022)
            .issueCertificate(Fixture.certificate());
    ObjectNode vc = (ObjectNode) StrictJson.parse(signed.json());
    vc.put("notInAnyContext", "x");
    assertRejected(rdf.verifier().verify(vc.toString()), FailureReason.UNSAFE_JSON_LD);
    ObjectNode typed = (ObjectNode) StrictJson.parse(signed.json());
    ((ArrayNode) typed.get("type")).add("UndefinedType");
    assertRejected(rdf.verifier().verify(typed.toString()), FailureReason.UNSAFE_JSON_LD);
  }

  @Test
  void canonicalizationLimit() {
    Fixture rdf = new Fixture();
    IssuedCredential signed =
        rdf.issuer()
            .withCryptosuite(Cryptosuite.EDDSA_RDFC_2022)
            .issueCertificate(Fixture.certificate());
    ObjectNode vc = (ObjectNode) StrictJson.parse(signed.json());
    ArrayNode names = vc.putArray("description");
    for (int i = 0; i <= CanonicalizationLimits.DEFAULT.maxQuads(); i++) {
      names.add("line " + i);
    }
    assertRejected(rdf.verifier().verify(vc.toString()), FailureReason.CANONICALIZATION_LIMIT);
  }

  @Test
  void expired() {
    assertRejected(
        f.verifier(bundle, Fixture.VALID_UNTIL).verify(certificate.json()), FailureReason.EXPIRED);
  }

  @Test
  void notYetValid() {
    assertRejected(
        f.verifier(bundle, Fixture.ISSUED.minusSeconds(1)).verify(certificate.json()),
        FailureReason.NOT_YET_VALID);
  }

  @Test
  void revoked() {
    f.issuer().revoke(certificate.statusIndex(), "issued in error");
    // the lists as published when the verifier runs
    assertRejected(
        f.verifier(f.bundle(), Fixture.VERIFIED).verify(certificate.json()), FailureReason.REVOKED);
  }

  @Test
  void superseded() {
    f.issuer().supersede(certificate.statusIndex(), "urn:uuid:renewal");
    VerificationResult result = f.verifier(f.bundle(), Fixture.VERIFIED).verify(certificate.json());
    assertRejected(result, FailureReason.SUPERSEDED);
    assertThat(result.failureReasons()).doesNotContain(FailureReason.REVOKED);
  }

  @Test
  void statusUnavailable() {
    TrustBundle noLists = TrustBundle.of(List.of(f.history), List.of());
    assertRejected(
        f.verifier(noLists, Fixture.VERIFIED).verify(certificate.json()),
        FailureReason.STATUS_UNAVAILABLE);
    // a status list whose encodedList was altered does not verify, so it is not used
    var publisher = f.issuer(f.key1, Fixture.VERIFIED);
    ObjectNode list =
        (ObjectNode) StrictJson.parse(publisher.statusListCredential(StatusPurpose.REVOCATION));
    ((ObjectNode) list.get("credentialSubject"))
        .put(
            "encodedList",
            StatusBitstring.empty(131_072).withBit(certificate.statusIndex()).encode());
    TrustBundle forgedList =
        TrustBundle.of(
            List.of(f.history),
            List.of(list.toString(), publisher.statusListCredential(StatusPurpose.SUPERSEDED)));
    assertRejected(
        f.verifier(forgedList, Fixture.VERIFIED).verify(certificate.json()),
        FailureReason.STATUS_UNAVAILABLE);
  }

  @Test
  void staleStatusList() {
    // the list of before the revocation, presented to a verifier that has seen the newer one
    String before =
        f.issuer(f.key1, Fixture.VERIFIED.minusSeconds(60))
            .statusListCredential(StatusPurpose.REVOCATION);
    var issuer = f.issuer(f.key1, Fixture.VERIFIED);
    issuer.revoke(certificate.statusIndex(), "issued in error");
    SeenStatusLists seen = new SeenStatusLists();
    new CredentialVerifier(
            f.bundle(issuer),
            Fixture.at(Fixture.VERIFIED),
            VerificationPolicy.DEFAULT,
            new DataIntegrity(),
            seen)
        .verify(certificate.json());
    TrustBundle replayed =
        TrustBundle.of(
            List.of(f.history),
            List.of(before, issuer.statusListCredential(StatusPurpose.SUPERSEDED)));
    assertRejected(
        new CredentialVerifier(
                replayed,
                Fixture.at(Fixture.VERIFIED),
                VerificationPolicy.DEFAULT,
                new DataIntegrity(),
                seen)
            .verify(certificate.json()),
        FailureReason.STALE_STATUS_LIST);
  }

  @Test
  void unsupportedKeyTypeP521() {
    assertRejected(
        verifier.verify(P384KeyTest.signedWithP521(certificate.json())),
        FailureReason.UNSUPPORTED_KEY_TYPE);
  }

  @Test
  void unsupportedStatus() {
    // a status entry of another kind, signed with the credential: its status cannot be checked
    ObjectNode vc = (ObjectNode) StrictJson.parse(certificate.json());
    vc.remove("proof");
    ((ObjectNode) vc.withArray("credentialStatus").get(0)).put("statusPurpose", "suspension");
    ObjectNode signed =
        new DataIntegrity()
            .addProof(vc, ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, Fixture.ISSUED), f.key1);
    VerificationResult result = verifier.verify(StrictJson.write(signed));
    assertRejected(result, FailureReason.UNSUPPORTED_STATUS);
    assertThat(result.failureReasons()).containsExactly(FailureReason.UNSUPPORTED_STATUS);
  }

  @Test
  void unknownIssuer() {
    TrustBundle empty = TrustBundle.of(List.of(), List.of());
    assertRejected(
        f.verifier(empty, Fixture.VERIFIED).verify(certificate.json()),
        FailureReason.UNKNOWN_ISSUER);
  }

  @Test
  void keyRetiredBeforeProofAndKeyNotYetActive() {
    SigningKey key2 = SigningKey.generate(KeyAlgorithm.ED25519, Fixture.DID + "#key-2", f.random);
    Instant rotation = Instant.parse("2026-02-01T00:00:00Z");
    f.history = f.history.rotate(key2.keyId(), key2.publicKey(), rotation);
    TrustBundle rotated = f.bundle(f.issuer(key2, Fixture.ISSUED));

    // key-1 signed after its retirement
    IssuedCredential late =
        f.issuer(f.key1, Fixture.ISSUED).issueCertificate(Fixture.certificate());
    assertRejected(
        f.verifier(rotated, Fixture.VERIFIED).verify(late.json()),
        FailureReason.KEY_RETIRED_BEFORE_PROOF);

    // key-2 signed before it became active
    IssuedCredential early =
        f.issuer(key2, rotation.minusSeconds(60)).issueCertificate(Fixture.certificate());
    assertRejected(
        f.verifier(rotated, Fixture.VERIFIED).verify(early.json()),
        FailureReason.KEY_NOT_YET_ACTIVE);
  }

  @Test
  void everyReasonHasATestHere() {
    List<String> methods =
        Arrays.stream(getClass().getDeclaredMethods())
            .map(m -> m.getName().toLowerCase(Locale.ROOT))
            .toList();
    for (FailureReason reason : FailureReason.values()) {
      String camel = reason.name().toLowerCase(Locale.ROOT).replace("_", "");
      boolean covered = methods.stream().anyMatch(m -> m.contains(camel));
      assertThat(covered).as("a test for " + reason).isTrue();
    }
  }
}
