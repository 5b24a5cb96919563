package io.trainproof.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.credential.IssuedCredential;
import io.trainproof.signing.jcs.JsonLimits;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.status.StatusPurpose;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every check the verifier reports, not only the failing ones: the full list for a good
 * certificate, the validity period at its exact ends, issuer forms, and how status entries the
 * verifier does not understand are treated.
 */
class VerifierChecksTest {
  private final Fixture f = new Fixture();
  private final IssuedCredential certificate = f.issuer().issueCertificate(Fixture.certificate());
  private final TrustBundle bundle = f.bundle();

  private VerificationResult verifyAt(Instant now, String json) {
    return f.verifier(bundle, now).verify(json);
  }

  private VerificationResult verifyMutated(Consumer<ObjectNode> mutation) {
    ObjectNode vc = (ObjectNode) StrictJson.parse(certificate.json());
    mutation.accept(vc);
    return verifyAt(Fixture.VERIFIED, StrictJson.write(vc));
  }

  private static Check only(VerificationResult result, CheckKind kind) {
    assertThat(result.checks(kind)).as(result.checks().toString()).hasSize(1);
    return result.checks(kind).get(0);
  }

  @Test
  void aGoodCertificatePassesEveryCheckOnceInOrder() {
    VerificationResult result = verifyAt(Fixture.VERIFIED, certificate.json());
    assertThat(result.verified()).isTrue();
    assertThat(result.failureReasons()).isEmpty();
    assertThat(result.credentialId()).isEqualTo(certificate.credentialId());
    assertThat(result.checks())
        .extracting(Check::kind)
        .containsExactly(
            CheckKind.WELL_FORMED,
            CheckKind.PROOF,
            CheckKind.KEY_VALIDITY,
            CheckKind.ISSUER_TRUSTED,
            CheckKind.VALIDITY_PERIOD,
            CheckKind.REVOCATION,
            CheckKind.SUPERSESSION);
    assertThat(result.checks()).extracting(Check::outcome).containsOnly(Outcome.PASSED);
    assertThat(only(result, CheckKind.PROOF).detail()).startsWith("proof");
    assertThat(only(result, CheckKind.REVOCATION).detail()).contains("is clear");
  }

  @Test
  void theValidityPeriodIncludesItsStartAndExcludesItsEnd() {
    VerificationResult atStart =
        verifyAt(Fixture.ISSUED.truncatedTo(ChronoUnit.SECONDS), certificate.json());
    assertThat(only(atStart, CheckKind.VALIDITY_PERIOD).outcome()).isEqualTo(Outcome.PASSED);
    VerificationResult justBefore = verifyAt(Fixture.ISSUED.minusNanos(1), certificate.json());
    assertThat(only(justBefore, CheckKind.VALIDITY_PERIOD).reason())
        .isEqualTo(FailureReason.NOT_YET_VALID);
    VerificationResult lastInstant =
        verifyAt(Fixture.VALID_UNTIL.minusNanos(1), certificate.json());
    assertThat(only(lastInstant, CheckKind.VALIDITY_PERIOD).outcome()).isEqualTo(Outcome.PASSED);
    VerificationResult atEnd = verifyAt(Fixture.VALID_UNTIL, certificate.json());
    assertThat(only(atEnd, CheckKind.VALIDITY_PERIOD).reason()).isEqualTo(FailureReason.EXPIRED);
    assertThat(atEnd.verified()).isFalse();
  }

  @Test
  void validityDatesFallBackToTheirVersionOneNamesAndMustBeStrings() {
    VerificationResult v1 =
        verifyMutated(
            vc -> {
              vc.set("issuanceDate", vc.remove("validFrom"));
              vc.set("expirationDate", vc.remove("validUntil"));
              vc.put("expirationDate", "2026-05-01T00:00:00Z");
            });
    assertThat(only(v1, CheckKind.VALIDITY_PERIOD).reason())
        .as("the v1 expiry is read")
        .isEqualTo(FailureReason.EXPIRED);
    VerificationResult none =
        verifyMutated(
            vc -> {
              vc.remove("validFrom");
              vc.remove("validUntil");
            });
    assertThat(only(none, CheckKind.VALIDITY_PERIOD).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    VerificationResult onlyEnd = verifyMutated(vc -> vc.remove("validFrom"));
    assertThat(only(onlyEnd, CheckKind.VALIDITY_PERIOD).outcome()).isEqualTo(Outcome.PASSED);
    VerificationResult onlyStart = verifyMutated(vc -> vc.remove("validUntil"));
    assertThat(only(onlyStart, CheckKind.VALIDITY_PERIOD).outcome()).isEqualTo(Outcome.PASSED);
    VerificationResult number = verifyMutated(vc -> vc.put("validFrom", 20260301));
    assertThat(only(number, CheckKind.VALIDITY_PERIOD).reason())
        .isEqualTo(FailureReason.MALFORMED_CREDENTIAL);
    VerificationResult offset =
        verifyMutated(vc -> vc.put("validUntil", "2026-06-01T14:00:00+02:00"));
    assertThat(only(offset, CheckKind.VALIDITY_PERIOD).reason())
        .as("12:00Z is the end")
        .isEqualTo(FailureReason.EXPIRED);
  }

  @Test
  void theIssuerMayBeAStringOrAnObjectWithAnId() {
    ObjectNode edited = (ObjectNode) StrictJson.parse(certificate.json());
    edited.put("issuer", Fixture.DID);
    String asString = StrictJson.write(edited);
    // The edit breaks the signature: with the issuer's key required, no verifying proof is the
    // issuer's.
    assertThat(only(verifyAt(Fixture.VERIFIED, asString), CheckKind.ISSUER_TRUSTED).reason())
        .isEqualTo(FailureReason.WRONG_KEY);
    CredentialVerifier lenient =
        new CredentialVerifier(
            bundle,
            Fixture.at(Fixture.VERIFIED),
            new VerificationPolicy(JsonLimits.DEFAULT, false),
            new DataIntegrity());
    assertThat(only(lenient.verify(asString), CheckKind.ISSUER_TRUSTED).outcome())
        .isEqualTo(Outcome.PASSED);
    VerificationResult noId = verifyMutated(vc -> ((ObjectNode) vc.get("issuer")).remove("id"));
    assertThat(only(noId, CheckKind.ISSUER_TRUSTED).reason())
        .isEqualTo(FailureReason.MALFORMED_CREDENTIAL);
    VerificationResult missing = verifyMutated(vc -> vc.remove("issuer"));
    assertThat(only(missing, CheckKind.ISSUER_TRUSTED).reason())
        .isEqualTo(FailureReason.MALFORMED_CREDENTIAL);
    VerificationResult numeric = verifyMutated(vc -> ((ObjectNode) vc.get("issuer")).put("id", 7));
    assertThat(only(numeric, CheckKind.ISSUER_TRUSTED).reason())
        .isEqualTo(FailureReason.MALFORMED_CREDENTIAL);
  }

  @Test
  void aProofByATrustedKeyOfAnotherIssuerDoesNotMakeTheIssuerTrusted() {
    CredentialVerifier lenient =
        new CredentialVerifier(
            bundle,
            Fixture.at(Fixture.VERIFIED),
            new VerificationPolicy(JsonLimits.DEFAULT, false),
            new DataIntegrity());
    ObjectNode vc = (ObjectNode) StrictJson.parse(certificate.json());
    // The issuer claims another DID that the bundle does not know: unknown issuer, whatever the
    // policy.
    ((ObjectNode) vc.get("issuer")).put("id", "did:web:unknown.example");
    assertThat(only(lenient.verify(StrictJson.write(vc)), CheckKind.ISSUER_TRUSTED).reason())
        .isEqualTo(FailureReason.UNKNOWN_ISSUER);
  }

  @Test
  void statusEntriesTheVerifierDoesNotUnderstandFailClosed() {
    // why: this test once asserted that such entries were NOT_APPLICABLE, which let a credential
    // with a status the verifier cannot check pass as valid (issue #17, finding 7)
    VerificationResult single =
        verifyMutated(
            vc -> vc.set("credentialStatus", ((ArrayNode) vc.get("credentialStatus")).get(0)));
    assertThat(only(single, CheckKind.REVOCATION).outcome())
        .as("one entry, not in an array")
        .isEqualTo(Outcome.PASSED);
    assertThat(only(single, CheckKind.SUPERSESSION).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(single.checks(CheckKind.STATUS)).isEmpty();
    VerificationResult otherType =
        verifyMutated(
            vc ->
                vc.withArray("credentialStatus")
                    .forEach(e -> ((ObjectNode) e).put("type", "StatusList2021Entry")));
    assertThat(only(otherType, CheckKind.REVOCATION).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(only(otherType, CheckKind.SUPERSESSION).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(otherType.checks(CheckKind.STATUS))
        .hasSize(2)
        .allSatisfy(c -> assertThat(c.reason()).isEqualTo(FailureReason.UNSUPPORTED_STATUS));
    VerificationResult otherPurpose =
        verifyMutated(
            vc ->
                vc.withArray("credentialStatus")
                    .forEach(e -> ((ObjectNode) e).put("statusPurpose", "suspension")));
    assertThat(only(otherPurpose, CheckKind.REVOCATION).outcome())
        .isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(otherPurpose.checks(CheckKind.STATUS))
        .hasSize(2)
        .allSatisfy(c -> assertThat(c.detail()).contains("'suspension'"));
    VerificationResult none = verifyMutated(vc -> vc.remove("credentialStatus"));
    assertThat(only(none, CheckKind.REVOCATION).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(only(none, CheckKind.SUPERSESSION).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(none.checks(CheckKind.STATUS)).isEmpty();
  }

  @Test
  void aStatusIndexMustBeANumberInsideTheList() {
    VerificationResult text =
        verifyMutated(
            vc ->
                ((ObjectNode) vc.withArray("credentialStatus").get(0))
                    .put("statusListIndex", "seven"));
    assertThat(only(text, CheckKind.REVOCATION).reason())
        .isEqualTo(FailureReason.MALFORMED_CREDENTIAL);
    VerificationResult negative =
        verifyMutated(
            vc ->
                ((ObjectNode) vc.withArray("credentialStatus").get(0))
                    .put("statusListIndex", "-1"));
    assertThat(only(negative, CheckKind.REVOCATION).reason())
        .isEqualTo(FailureReason.MALFORMED_CREDENTIAL);
    int size = f.statusLists.size();
    VerificationResult past =
        verifyMutated(
            vc ->
                ((ObjectNode) vc.withArray("credentialStatus").get(0))
                    .put("statusListIndex", Integer.toString(size)));
    assertThat(only(past, CheckKind.REVOCATION).reason())
        .isEqualTo(FailureReason.MALFORMED_CREDENTIAL);
    VerificationResult last =
        verifyMutated(
            vc ->
                ((ObjectNode) vc.withArray("credentialStatus").get(0))
                    .put("statusListIndex", Integer.toString(size - 1)));
    assertThat(only(last, CheckKind.REVOCATION).outcome())
        .as("the last index is inside")
        .isEqualTo(Outcome.PASSED);
    VerificationResult zero =
        verifyMutated(
            vc ->
                ((ObjectNode) vc.withArray("credentialStatus").get(0)).put("statusListIndex", "0"));
    assertThat(only(zero, CheckKind.REVOCATION).outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test
  void aStatusListThatDoesNotMatchItsPurposeOrIssuerIsUnavailable() {
    // The revocation entry pointed at the superseded list: the list's own purpose does not match.
    VerificationResult crossed =
        verifyMutated(
            vc ->
                ((ObjectNode) vc.withArray("credentialStatus").get(0))
                    .put(
                        "statusListCredential",
                        f.statusLists.listCredentialUrl(StatusPurpose.SUPERSEDED)));
    assertThat(only(crossed, CheckKind.REVOCATION).reason())
        .isEqualTo(FailureReason.STATUS_UNAVAILABLE);
    assertThat(only(crossed, CheckKind.SUPERSESSION).outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test
  void notAnObjectOrNotJsonStopsAfterTheFirstCheck() {
    VerificationResult array = verifyAt(Fixture.VERIFIED, "[]");
    assertThat(array.checks())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.kind()).isEqualTo(CheckKind.WELL_FORMED);
              assertThat(c.reason()).isEqualTo(FailureReason.MALFORMED_CREDENTIAL);
            });
    assertThat(array.credentialId()).isNull();
    VerificationResult broken = verifyAt(Fixture.VERIFIED, "{");
    assertThat(broken.checks())
        .singleElement()
        .satisfies(c -> assertThat(c.reason()).isEqualTo(FailureReason.MALFORMED_JSON));
    VerificationResult numericId = verifyMutated(vc -> vc.put("id", 5));
    assertThat(numericId.credentialId()).isNull();
    assertThat(new VerificationResult(null, List.of()).verified())
        .as("no checks is not verified")
        .isFalse();
  }
}
