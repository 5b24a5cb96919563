package io.trainproof.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ConflictException;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.credential.AchievementInfo;
import io.trainproof.signing.credential.CertificateRequest;
import io.trainproof.signing.credential.IssuedCredential;
import io.trainproof.signing.credential.StandaloneCredentialIssuer;
import io.trainproof.signing.internal.Multibase;
import io.trainproof.signing.jcs.JsonCanonicalizer;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.ProofOptions;
import io.trainproof.signing.proof.ProofTrace;
import io.trainproof.signing.status.StatusBitstring;
import io.trainproof.signing.status.StatusPurpose;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the verifier (issue 10, "hostile input"): each is rejected, and with a reason of its
 * own. SECURITY.md lists these tests against the threats they answer.
 */
class AttackTest {
  static final String OTHER_DID = "did:web:other-clinic.example.org";
  static final Duration FAST = Duration.ofSeconds(5);

  final Fixture f = new Fixture();
  final SigningKey otherKey =
      SigningKey.generate(
          KeyAlgorithm.ED25519, OTHER_DID + "#key-1", Fixture.deterministicRandom(7));
  final IssuerKeyHistory other =
      IssuerKeyHistory.start(OTHER_DID, otherKey.keyId(), otherKey.publicKey(), Fixture.KEY1_FROM);
  final IssuedCredential certificate = f.issuer().issueCertificate(Fixture.certificate());

  /** Both issuers trusted, with the status lists of the first as published at VERIFIED. */
  TrustBundle twoIssuers() {
    return TrustBundle.of(
        List.of(f.history, other),
        List.of(
            f.issuer(f.key1, Fixture.VERIFIED).statusListCredential(StatusPurpose.REVOCATION),
            f.issuer(f.key1, Fixture.VERIFIED).statusListCredential(StatusPurpose.SUPERSEDED)));
  }

  static ObjectNode unsigned(String json) {
    ObjectNode vc = (ObjectNode) StrictJson.parse(json);
    vc.remove("proof");
    return vc;
  }

  /** Signs with a proof whose members are written as given (for offsets and forged key ids). */
  static ObjectNode signWithProof(
      ObjectNode document, ObjectNode proofWithoutValue, SigningKey key) {
    DataIntegrity di = new DataIntegrity();
    ObjectNode proof = proofWithoutValue.deepCopy();
    proof.set("@context", document.get("@context").deepCopy());
    ProofTrace trace =
        di.trace(
            Cryptosuite.EDDSA_JCS_2022,
            document,
            di.proofConfig(Cryptosuite.EDDSA_JCS_2022, proof, document));
    proof.put("proofValue", Multibase.encodeBase58(key.sign(trace.hashData())));
    ObjectNode signed = document.deepCopy();
    signed.set("proof", proof);
    return signed;
  }

  static ObjectNode proofOptions(String verificationMethod, String created) {
    ObjectNode proof = StrictJson.mapper().createObjectNode();
    proof.put("type", "DataIntegrityProof");
    proof.put("cryptosuite", "eddsa-jcs-2022");
    proof.put("created", created);
    proof.put("verificationMethod", verificationMethod);
    proof.put("proofPurpose", "assertionMethod");
    return proof;
  }

  static void assertRejected(VerificationResult result, FailureReason reason) {
    assertThat(result.verified()).as(result.checks().toString()).isFalse();
    assertThat(result.failureReasons()).as(result.checks().toString()).contains(reason);
  }

  @Nested
  class AnotherIssuersKey {
    @Test
    void aCredentialNamingOneTrustedIssuerSignedWithAnotherTrustedIssuersKeyIsWrongKey() {
      ObjectNode forged =
          new DataIntegrity()
              .addProof(
                  unsigned(certificate.json()),
                  ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, Fixture.ISSUED),
                  otherKey);
      VerificationResult result =
          f.verifier(twoIssuers(), Fixture.VERIFIED).verify(forged.toString());
      // the signature itself is fine: the other issuer's key made it
      assertThat(result.checks(CheckKind.PROOF))
          .singleElement()
          .satisfies(c -> assertThat(c.outcome()).isEqualTo(Outcome.PASSED));
      assertThat(result.failureReasons()).containsExactly(FailureReason.WRONG_KEY);
    }

    @Test
    void theOtherIssuersSignatureUnderTheIssuersKeyIdIsTampered() {
      ObjectNode forged =
          signWithProof(
              unsigned(certificate.json()),
              proofOptions(f.key1.keyId(), "2026-03-01T09:30:00Z"),
              otherKey);
      assertRejected(
          f.verifier(twoIssuers(), Fixture.VERIFIED).verify(forged.toString()),
          FailureReason.TAMPERED_CONTENT);
    }
  }

  @Nested
  class KeyIdReuse {
    @Test
    void aKeyIdOfTheIssuerOverAnotherKeysSignatureDoesNotVerify() {
      SigningKey stolenId =
          SigningKey.generate(KeyAlgorithm.ED25519, f.key1.keyId(), Fixture.deterministicRandom(9));
      IssuedCredential forged =
          f.issuer(stolenId, Fixture.ISSUED).issueCertificate(Fixture.certificate());
      assertThat(StrictJson.parse(forged.json()).at("/proof/verificationMethod").asText())
          .isEqualTo(f.key1.keyId());
      assertRejected(f.verifier().verify(forged.json()), FailureReason.TAMPERED_CONTENT);
    }

    @Test
    void aKeyIdFromAnotherDidIsNotTheIssuersKey() {
      // the issuer's own key, named under the other DID's fragment: that DID holds no such key
      // bytes
      ObjectNode forged =
          signWithProof(
              unsigned(certificate.json()),
              proofOptions(OTHER_DID + "#key-1", "2026-03-01T09:30:00Z"),
              f.key1);
      assertRejected(
          f.verifier(twoIssuers(), Fixture.VERIFIED).verify(forged.toString()),
          FailureReason.TAMPERED_CONTENT);
      // a fragment no history holds
      ObjectNode unknown =
          signWithProof(
              unsigned(certificate.json()),
              proofOptions(OTHER_DID + "#key-2", "2026-03-01T09:30:00Z"),
              f.key1);
      assertRejected(
          f.verifier(twoIssuers(), Fixture.VERIFIED).verify(unknown.toString()),
          FailureReason.UNKNOWN_KEY);
    }

    @Test
    void aKeyHistoryCannotClaimAKeyIdOfAnotherDidNorReuseAnId() {
      String history = other.toJson().replace(OTHER_DID + "#key-1", Fixture.DID + "#key-1");
      assertThatThrownBy(() -> IssuerKeyHistory.fromJson(history))
          .isInstanceOf(UnusableInputException.class)
          .hasMessageContaining("must be " + OTHER_DID + "#<fragment>");
      SigningKey fresh =
          SigningKey.generate(
              KeyAlgorithm.ED25519, f.key1.keyId(), Fixture.deterministicRandom(11));
      assertThatThrownBy(() -> f.history.rotate(f.key1.keyId(), fresh.publicKey(), Fixture.ISSUED))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("key id already used");
      String twice =
          f.history
              .rotate(Fixture.DID + "#key-2", fresh.publicKey(), Fixture.ISSUED)
              .toJson()
              .replace(Fixture.DID + "#key-2", f.key1.keyId());
      assertThatThrownBy(() -> IssuerKeyHistory.fromJson(twice))
          .isInstanceOf(UnusableInputException.class)
          .hasMessageContaining("key id appears twice");
    }

    @Test
    void aDidKeyWhoseFragmentNamesAnotherKeyIsUnknown() {
      String method = f.key1.publicKey().didKey() + "#" + otherKey.publicKey().multibase();
      ObjectNode forged =
          signWithProof(
              unsigned(certificate.json()), proofOptions(method, "2026-03-01T09:30:00Z"), f.key1);
      assertRejected(f.verifier().verify(forged.toString()), FailureReason.UNKNOWN_KEY);
    }
  }

  @Nested
  class CreatedAfterRetirement {
    final Instant rotation = Instant.parse("2026-02-01T00:00:00Z");
    final SigningKey key2 =
        SigningKey.generate(
            KeyAlgorithm.ED25519, Fixture.DID + "#key-2", Fixture.deterministicRandom(13));

    TrustBundle rotated() {
      f.history = f.history.rotate(key2.keyId(), key2.publicKey(), rotation);
      return f.bundle(f.issuer(key2, Fixture.VERIFIED));
    }

    @Test
    void aProofByTheRetiredKeyCreatedAfterItsRetirementIsRejected() {
      TrustBundle bundle = rotated();
      IssuedCredential late =
          f.issuer(f.key1, Fixture.ISSUED).issueCertificate(Fixture.certificate());
      assertThat(f.verifier(bundle, Fixture.VERIFIED).verify(late.json()).failureReasons())
          .containsExactly(FailureReason.KEY_RETIRED_BEFORE_PROOF);
    }

    @Test
    void anOffsetThatMakesTheLocalTimeLookEarlierDoesNotHideIt() {
      TrustBundle bundle = rotated();
      // 23:30 on the 31st in New York is 04:30 UTC on the 1st: after the retirement at 00:00 UTC
      ObjectNode late =
          signWithProof(
              unsigned(certificate.json()),
              proofOptions(f.key1.keyId(), "2026-01-31T23:30:00-05:00"),
              f.key1);
      VerificationResult result = f.verifier(bundle, Fixture.VERIFIED).verify(late.toString());
      assertThat(result.failureReasons()).containsExactly(FailureReason.KEY_RETIRED_BEFORE_PROOF);
      assertThat(result.checks(CheckKind.KEY_VALIDITY).get(0).detail())
          .contains("2026-02-01T04:30:00Z");
      // a created without an offset is not a point in time
      ObjectNode local =
          signWithProof(
              unsigned(certificate.json()),
              proofOptions(f.key1.keyId(), "2026-01-31T23:30:00"),
              f.key1);
      assertRejected(
          f.verifier(bundle, Fixture.VERIFIED).verify(local.toString()),
          FailureReason.MALFORMED_PROOF);
    }
  }

  @Nested
  class ReplayedStatusList {
    // lists are valid for a week: the replay happens while the old list is still within it
    final Instant published = Instant.parse("2026-04-30T12:00:00Z");
    final Instant revokedAt = Instant.parse("2026-05-01T00:00:00Z");
    final Instant verified = Instant.parse("2026-05-02T00:00:00Z");

    TrustBundle bundleAt(Instant at) {
      StandaloneCredentialIssuer publisher = f.issuer(f.key1, at);
      return f.bundle(publisher);
    }

    @Test
    void aListFromBeforeTheRevocationIsRefusedOnceANewerOneWasSeen() {
      TrustBundle before = bundleAt(published);
      f.issuer().revoke(certificate.statusIndex(), "issued to the wrong person");
      TrustBundle after = bundleAt(revokedAt);
      SeenStatusLists seen = new SeenStatusLists();

      VerificationResult current =
          new CredentialVerifier(
                  after,
                  Fixture.at(verified),
                  VerificationPolicy.DEFAULT,
                  new DataIntegrity(),
                  seen)
              .verify(certificate.json());
      assertThat(current.failureReasons()).containsExactly(FailureReason.REVOKED);

      // a stale or substituted bundle (the list of April, signed, genuine) is presented later
      VerificationResult replayed =
          new CredentialVerifier(
                  before,
                  Fixture.at(verified),
                  VerificationPolicy.DEFAULT,
                  new DataIntegrity(),
                  seen)
              .verify(certificate.json());
      assertRejected(replayed, FailureReason.STALE_STATUS_LIST);
      assertThat(replayed.checks(CheckKind.REVOCATION).get(0).detail())
          .contains("older than the one of " + revokedAt);
      assertThat(replayed.failureReasons()).doesNotContain(FailureReason.REVOKED);
    }

    @Test
    void aListOfTheSameSecondThatClearsASeenRevocationIsRefused() {
      TrustBundle before = bundleAt(revokedAt);
      f.issuer().revoke(certificate.statusIndex(), "issued to the wrong person");
      TrustBundle after = bundleAt(revokedAt);
      SeenStatusLists seen = new SeenStatusLists();
      new CredentialVerifier(
              after, Fixture.at(verified), VerificationPolicy.DEFAULT, new DataIntegrity(), seen)
          .verify(certificate.json());
      VerificationResult replayed =
          new CredentialVerifier(
                  before,
                  Fixture.at(verified),
                  VerificationPolicy.DEFAULT,
                  new DataIntegrity(),
                  seen)
              .verify(certificate.json());
      assertRejected(replayed, FailureReason.STALE_STATUS_LIST);
      assertThat(replayed.checks(CheckKind.REVOCATION).get(0).detail())
          .contains("clears entry " + certificate.statusIndex());
    }

    @Test
    void aNewerListIsAcceptedAfterAnOlderOne() {
      SeenStatusLists seen = new SeenStatusLists();
      assertThat(
              new CredentialVerifier(
                      bundleAt(published),
                      Fixture.at(verified),
                      VerificationPolicy.DEFAULT,
                      new DataIntegrity(),
                      seen)
                  .verify(certificate.json())
                  .verified())
          .isTrue();
      assertThat(
              new CredentialVerifier(
                      bundleAt(revokedAt),
                      Fixture.at(verified),
                      VerificationPolicy.DEFAULT,
                      new DataIntegrity(),
                      seen)
                  .verify(certificate.json())
                  .verified())
          .isTrue();
    }

    @Test
    void aListPastItsOwnValidUntilIsRefused() {
      ObjectNode list =
          (ObjectNode) StrictJson.parse(f.issuer().statusListCredential(StatusPurpose.REVOCATION));
      ObjectNode expiring = unsigned(list.toString());
      expiring.put("validUntil", "2026-05-01T00:00:00Z");
      ObjectNode signed =
          new DataIntegrity()
              .addProof(
                  expiring, ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, Fixture.ISSUED), f.key1);
      TrustBundle bundle =
          TrustBundle.of(
              List.of(f.history),
              List.of(
                  signed.toString(),
                  f.issuer(f.key1, Instant.parse("2026-04-29T00:00:00Z"))
                      .statusListCredential(StatusPurpose.SUPERSEDED)));
      assertThat(
              f.verifier(bundle, Instant.parse("2026-04-30T00:00:00Z"))
                  .verify(certificate.json())
                  .verified())
          .isTrue();
      VerificationResult later = f.verifier(bundle, Fixture.VERIFIED).verify(certificate.json());
      assertThat(later.failureReasons()).containsExactly(FailureReason.STALE_STATUS_LIST);
    }
  }

  @Nested
  class OversizedInputs {
    @Test
    void textOverTheLimitIsTooLarge() {
      String padded =
          certificate
              .json()
              .replaceFirst("\\{", "{\"padding\":\"" + "x".repeat(2 * 1024 * 1024) + "\",");
      assertRejected(f.verifier().verify(padded), FailureReason.INPUT_TOO_LARGE);
    }

    @Test
    void aHugeProofValueIsRejectedQuicklyAsMalformedMultibase() {
      // why: base58 decoding is quadratic; 1.5 MB of it took minutes before the length limit
      ObjectNode vc = (ObjectNode) StrictJson.parse(certificate.json());
      ((ObjectNode) vc.get("proof")).put("proofValue", "z" + "2".repeat(1_500_000));
      VerificationResult result =
          assertTimeoutPreemptively(FAST, () -> f.verifier().verify(vc.toString()));
      assertRejected(result, FailureReason.MALFORMED_MULTIBASE);
    }

    @Test
    void aHugeDidKeyIsRejectedQuicklyAsUnknownKey() {
      ObjectNode vc = (ObjectNode) StrictJson.parse(certificate.json());
      String huge = "did:key:z" + "2".repeat(1_500_000);
      ((ObjectNode) vc.get("proof")).put("verificationMethod", huge);
      VerificationResult result =
          assertTimeoutPreemptively(FAST, () -> f.verifier().verify(vc.toString()));
      assertRejected(result, FailureReason.UNKNOWN_KEY);
    }

    @Test
    void aDidKeyOf32BytesThatAreNotACurvePointIsAnUnknownKeyNotAnException() {
      // why: Bouncy Castle refuses such bytes with an IllegalArgumentException, which escaped
      // verify (found by mutation testing)
      byte[] notAPoint = new byte[32];
      notAPoint[0] = 0x02;
      String multibase = Multibase.encodeWithCodec(Multibase.ED25519_PUB, notAPoint);
      ObjectNode vc = (ObjectNode) StrictJson.parse(certificate.json());
      ((ObjectNode) vc.get("proof"))
          .put("verificationMethod", "did:key:" + multibase + "#" + multibase);
      assertRejected(f.verifier().verify(vc.toString()), FailureReason.UNKNOWN_KEY);
    }

    @Test
    void aNumberOfThousandsOfDigitsIsTooLarge() {
      String big = certificate.json().replaceFirst("\\{", "{\"n\":" + "9".repeat(5000) + ",");
      assertRejected(f.verifier().verify(big), FailureReason.INPUT_TOO_LARGE);
    }

    @Test
    void aHugeStatusListIndexIsMalformed() {
      ObjectNode vc = (ObjectNode) StrictJson.parse(certificate.json());
      vc.get("credentialStatus")
          .forEach(entry -> ((ObjectNode) entry).put("statusListIndex", "99999999999999999999"));
      VerificationResult result = f.verifier().verify(vc.toString());
      assertRejected(result, FailureReason.MALFORMED_CREDENTIAL);
    }

    @Test
    void aSignedStatusListThatInflatesPastTheLimitIsUnavailableNotAnOutOfMemory() throws Exception {
      ByteArrayOutputStream gz = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
        out.write(new byte[StatusBitstring.MAX_SIZE / 8 + 1024 * 1024]);
      }
      ObjectNode list = unsigned(f.issuer().statusListCredential(StatusPurpose.REVOCATION));
      list.withObject("/credentialSubject")
          .put(
              "encodedList",
              "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(gz.toByteArray()));
      ObjectNode signed =
          new DataIntegrity()
              .addProof(list, ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, Fixture.ISSUED), f.key1);
      TrustBundle bomb =
          TrustBundle.of(
              List.of(f.history),
              List.of(
                  signed.toString(), f.issuer().statusListCredential(StatusPurpose.SUPERSEDED)));
      assertRejected(
          f.verifier(bomb, Fixture.VERIFIED).verify(certificate.json()),
          FailureReason.STATUS_UNAVAILABLE);
    }
  }

  @Nested
  class DeeplyNested {
    @Test
    void nestingFarBeyondTheLimitIsTooLargeWithoutAStackOverflow() {
      assertRejected(
          f.verifier().verify("{\"a\":".repeat(500_000) + "1" + "}".repeat(500_000)),
          FailureReason.INPUT_TOO_LARGE);
      assertRejected(f.verifier().verify("[".repeat(1_000_000)), FailureReason.INPUT_TOO_LARGE);
    }

    @Test
    void nestingJustPastTheLimitInsideTheSubjectIsTooLarge() {
      String deep = "[".repeat(64) + "]".repeat(64);
      String json = certificate.json().replaceFirst("\\{", "{\"deep\":" + deep + ",");
      assertRejected(f.verifier().verify(json), FailureReason.INPUT_TOO_LARGE);
    }

    @Test
    void aDeepTrustBundleIsATypedError() {
      assertThatThrownBy(() -> TrustBundle.fromJson("[".repeat(100_000)))
          .isInstanceOf(UnusableInputException.class)
          .hasMessageContaining("too deep");
    }
  }

  @Nested
  class DuplicateKeys {
    @Test
    void aRepeatedMemberAnywhereIsMalformed() {
      String top = certificate.json().replaceFirst("\\{", "{\"name\":\"HIPAA Security Officer\",");
      assertRejected(f.verifier().verify(top), FailureReason.MALFORMED_JSON);
      String inProof =
          certificate
              .json()
              .replace(
                  "\"proofPurpose\":", "\"created\":\"2025-01-01T00:00:00Z\",\"proofPurpose\":");
      assertRejected(f.verifier().verify(inProof), FailureReason.MALFORMED_JSON);
    }

    @Test
    void aRepeatedMemberSpelledWithEscapesIsStillARepeat() {
      ObjectNode vc = (ObjectNode) StrictJson.parse(certificate.json());
      String issuer = StrictJson.write(vc.get("issuer"));
      // why: not replaceFirst, whose replacement text would eat the backslash
      String json =
          "{\"\\u0069ssuer\":"
              + issuer.replace("Example Health Clinic", "Forged")
              + ","
              + certificate.json().substring(1);
      assertThat(json).startsWith("{\"\\u0069ssuer\":");
      VerificationResult result = f.verifier().verify(json);
      assertRejected(result, FailureReason.MALFORMED_JSON);
      assertThat(result.checks(CheckKind.WELL_FORMED).get(0).detail()).contains("issuer");
    }

    @Test
    void aRepeatedMemberInATrustBundleIsATypedError() {
      String bundle = f.bundle().toJson().replaceFirst("\\{", "{\"version\": 2,");
      assertThatThrownBy(() -> TrustBundle.fromJson(bundle))
          .isInstanceOf(UnusableInputException.class)
          .hasMessageContaining("Duplicate field 'version'");
    }
  }

  @Nested
  class UnicodeNormalization {
    static final String NFC = "Jos\u00e9 Mu\u00f1oz";
    static final String NFD = Normalizer.normalize(NFC, Normalizer.Form.NFD);

    IssuedCredential signedWithName(String name) {
      var request = Fixture.certificate();
      var achievement = request.achievement();
      return f.issuer()
          .issueCertificate(
              new CertificateRequest(
                  request.issuer(),
                  request.subject(),
                  new AchievementInfo(
                      achievement.courseId(),
                      achievement.courseVersion(),
                      name,
                      achievement.description(),
                      achievement.criteria()),
                  request.validFrom(),
                  request.validUntil(),
                  request.evidence()));
    }

    @Test
    void theNfdFormOfAnNfcSignedNameDoesNotVerify() {
      IssuedCredential nfc = signedWithName(NFC);
      assertThat(NFD).isNotEqualTo(NFC);
      assertThat(nfc.json()).contains(NFC);
      assertRejected(
          f.verifier().verify(nfc.json().replace(NFC, NFD)), FailureReason.TAMPERED_CONTENT);
      // and the other way round
      IssuedCredential nfd = signedWithName(NFD);
      assertThat(f.verifier().verify(nfd.json()).verified()).isTrue();
      assertRejected(
          f.verifier().verify(nfd.json().replace(NFD, NFC)), FailureReason.TAMPERED_CONTENT);
    }

    @Test
    void aHomoglyphIsTampering() {
      IssuedCredential signed = signedWithName("HIPAA Privacy Rule essentials");
      // Cyrillic capital A (U+0410) looks like Latin A
      assertRejected(
          f.verifier().verify(signed.json().replace("HIPAA Privacy", "HIP\u0410A Privacy")),
          FailureReason.TAMPERED_CONTENT);
    }

    @Test
    void whatVerifiesIsTheExactSignedTextNeverANormalizedForm() {
      IssuedCredential nfd = signedWithName(NFD);
      VerificationResult result = f.verifier().verify(nfd.json());
      assertThat(result.verified()).isTrue();
      // the canonical bytes that were hashed hold the decomposed code points as sent
      String canonical =
          new String(
              JsonCanonicalizer.canonicalBytes(StrictJson.parse(nfd.json())),
              StandardCharsets.UTF_8);
      assertThat(canonical).contains(NFD).doesNotContain(NFC);
      // a JSON escape is the same string, not another one: it verifies (the signature covers the
      // value)
      String escaped = nfd.json().replace(NFD, NFD.replace("e\u0301", "e\\u0301"));
      assertThat(escaped).isNotEqualTo(nfd.json());
      assertThat(f.verifier().verify(escaped).verified()).isTrue();
    }
  }
}
