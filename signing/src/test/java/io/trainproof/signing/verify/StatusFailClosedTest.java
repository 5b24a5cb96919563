package io.trainproof.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.credential.IssuedCredential;
import io.trainproof.signing.jcs.JsonLimits;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.ProofOptions;
import io.trainproof.signing.status.StatusListCredentials;
import io.trainproof.signing.status.StatusPurpose;
import io.trainproof.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, finding 7: status is fail-closed. A {@code credentialStatus} the verifier does not
 * understand, or cannot check against a current, verified status list, makes the credential
 * not-valid with a reason, never VALID. Each credential here is signed after its status was
 * changed, so the proof verifies and only the status is in question.
 */
class StatusFailClosedTest {
  private final Fixture f = new Fixture();
  private final IssuedCredential certificate = f.issuer().issueCertificate(Fixture.certificate());
  private final CredentialVerifier verifier = f.verifier();

  /**
   * The certificate with its status changed, signed again by the issuer's key (with the proof made
   * by hand: Trainproof's own signing refuses a credentialStatus that is not an object with a type,
   * but another issuer's credential may carry one).
   */
  private String signedWith(Consumer<ObjectNode> change) {
    ObjectNode vc = AttackTest.unsigned(certificate.json());
    change.accept(vc);
    return StrictJson.write(
        AttackTest.signWithProof(
            vc, AttackTest.proofOptions(f.key1.keyId(), "2026-03-01T09:30:00Z"), f.key1));
  }

  private static Consumer<ObjectNode> firstEntry(Consumer<ObjectNode> change) {
    return vc -> change.accept((ObjectNode) vc.withArray("credentialStatus").get(0));
  }

  private static void assertFailsOnlyOnStatus(VerificationResult result, FailureReason reason) {
    assertThat(result.verified()).as(result.checks().toString()).isFalse();
    assertThat(result.failureReasons()).as(result.checks().toString()).containsExactly(reason);
    assertThat(result.checks(CheckKind.PROOF))
        .allSatisfy(c -> assertThat(c.outcome()).isEqualTo(Outcome.PASSED));
  }

  @Test
  void theUnchangedCertificateVerifies() {
    assertThat(verifier.verify(signedWith(vc -> {})).verified()).isTrue();
  }

  @Test
  void aPurposeInAnotherCaseIsNotRevocation() {
    VerificationResult result =
        verifier.verify(signedWith(firstEntry(e -> e.put("statusPurpose", "Revocation"))));
    assertFailsOnlyOnStatus(result, FailureReason.UNSUPPORTED_STATUS);
    assertThat(result.checks(CheckKind.STATUS).get(0).detail()).contains("'Revocation'");
  }

  @Test
  void suspensionIsNotChecked() {
    assertFailsOnlyOnStatus(
        verifier.verify(signedWith(firstEntry(e -> e.put("statusPurpose", "suspension")))),
        FailureReason.UNSUPPORTED_STATUS);
  }

  @Test
  void anOlderStatusList2021EntryIsNotChecked() {
    assertFailsOnlyOnStatus(
        verifier.verify(signedWith(firstEntry(e -> e.put("type", "StatusList2021Entry")))),
        FailureReason.UNSUPPORTED_STATUS);
  }

  @Test
  void aRevocationList2020StatusIsNotChecked() {
    VerificationResult result =
        verifier.verify(
            signedWith(
                vc -> {
                  ObjectNode old = vc.putArray("credentialStatus").addObject();
                  old.put("id", "https://trainproof.example.org/status/rl2020#94567");
                  old.put("type", "RevocationList2020Status");
                  old.put("revocationListIndex", "94567");
                  old.put("revocationListCredential", "https://trainproof.example.org/rl2020");
                }));
    assertFailsOnlyOnStatus(result, FailureReason.UNSUPPORTED_STATUS);
    assertThat(result.checks(CheckKind.STATUS).get(0).detail())
        .contains("'RevocationList2020Status'");
  }

  @Test
  void aCredentialStatusThatIsAStringIsNotChecked() {
    assertFailsOnlyOnStatus(
        verifier.verify(
            signedWith(
                vc -> vc.put("credentialStatus", "https://trainproof.example.org/status/1"))),
        FailureReason.UNSUPPORTED_STATUS);
  }

  @Test
  void aCredentialStatusThatIsANumberIsNotChecked() {
    VerificationResult result = verifier.verify(signedWith(vc -> vc.put("credentialStatus", 42)));
    assertFailsOnlyOnStatus(result, FailureReason.UNSUPPORTED_STATUS);
    assertThat(result.checks(CheckKind.STATUS).get(0).detail()).contains("not an object");
  }

  @Test
  void anEntryWithoutTypeOrPurposeIsNotChecked() {
    assertFailsOnlyOnStatus(
        verifier.verify(signedWith(firstEntry(e -> e.remove("type")))),
        FailureReason.UNSUPPORTED_STATUS);
    assertFailsOnlyOnStatus(
        verifier.verify(signedWith(firstEntry(e -> e.remove("statusPurpose")))),
        FailureReason.UNSUPPORTED_STATUS);
  }

  @Test
  void anEntryWithoutItsIndexOrListIsMalformed() {
    VerificationResult noIndex =
        verifier.verify(signedWith(firstEntry(e -> e.remove("statusListIndex"))));
    assertFailsOnlyOnStatus(noIndex, FailureReason.MALFORMED_CREDENTIAL);
    assertThat(noIndex.checks(CheckKind.REVOCATION).get(0).detail()).contains("statusListIndex");
    VerificationResult noList =
        verifier.verify(signedWith(firstEntry(e -> e.remove("statusListCredential"))));
    assertFailsOnlyOnStatus(noList, FailureReason.MALFORMED_CREDENTIAL);
    assertThat(noList.checks(CheckKind.REVOCATION).get(0).detail())
        .contains("statusListCredential");
  }

  @Test
  void aMultiBitStatusIsNotChecked() {
    assertFailsOnlyOnStatus(
        verifier.verify(signedWith(firstEntry(e -> e.put("statusSize", 2)))),
        FailureReason.UNSUPPORTED_STATUS);
  }

  @Test
  void aListTheBundleDoesNotHoldIsUnavailable() {
    assertFailsOnlyOnStatus(
        verifier.verify(
            signedWith(
                firstEntry(
                    e ->
                        e.put(
                            "statusListCredential",
                            "https://trainproof.example.org/status/org-9/revocation")))),
        FailureReason.STATUS_UNAVAILABLE);
  }

  @Test
  void oneUnknownEntryBesideKnownOnesStillFails() {
    VerificationResult result =
        verifier.verify(
            signedWith(
                vc -> {
                  ObjectNode extra = vc.withArray("credentialStatus").addObject();
                  extra.put("type", "BitstringStatusListEntry");
                  extra.put("statusPurpose", "suspension");
                  extra.put("statusListIndex", "7");
                  extra.put("statusListCredential", "https://trainproof.example.org/s");
                }));
    assertFailsOnlyOnStatus(result, FailureReason.UNSUPPORTED_STATUS);
    assertThat(result.checks(CheckKind.REVOCATION).get(0).outcome()).isEqualTo(Outcome.PASSED);
    assertThat(result.checks(CheckKind.SUPERSESSION).get(0).outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test
  void issuedListsCarryValidFromAndValidUntil() {
    JsonNode list =
        StrictJson.parse(
            f.issuer(f.key1, Fixture.VERIFIED).statusListCredential(StatusPurpose.REVOCATION));
    assertThat(list.get("validFrom").asText()).isEqualTo("2026-06-01T12:00:00Z");
    assertThat(list.get("validUntil").asText()).isEqualTo("2026-06-08T12:00:00Z");
    JsonNode hourly =
        StrictJson.parse(
            f.issuer(f.key1, Fixture.VERIFIED)
                .statusListCredential(StatusPurpose.REVOCATION, Duration.ofHours(1)));
    assertThat(hourly.get("validUntil").asText()).isEqualTo("2026-06-01T13:00:00Z");
    assertThat(StatusListCredentials.DEFAULT_VALIDITY).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void anExpiredListIsStaleEvenForAVerifierThatLoadedItWhileCurrent() {
    SettableClock clock = SettableClock.at(Fixture.VERIFIED);
    CredentialVerifier live =
        new CredentialVerifier(f.bundle(), clock, VerificationPolicy.DEFAULT, new DataIntegrity());
    assertThat(live.verify(certificate.json()).verified()).isTrue();

    clock.set(Fixture.VERIFIED.plus(StatusListCredentials.DEFAULT_VALIDITY).minusSeconds(1));
    assertThat(live.verify(certificate.json()).verified()).isTrue();
    clock.advance(Duration.ofSeconds(1));
    VerificationResult stale = live.verify(certificate.json());

    assertThat(stale.failureReasons()).containsExactly(FailureReason.STALE_STATUS_LIST);
  }

  @Test
  void aListFromAnIssuerWhoseClockRunsAheadIsUsed() {
    // why: the example host's demo signs at its own clock, hours ahead of the CLI's; the newest
    // list is not refused for that, only for being past its validUntil
    TrustBundle ahead = f.bundle(f.issuer(f.key1, Fixture.VERIFIED.plusSeconds(8 * 3600)));
    assertThat(f.verifier(ahead, Fixture.VERIFIED).verify(certificate.json()).verified()).isTrue();
  }

  /** The revocation list of VERIFIED with its dates changed, signed again, and its pair. */
  private TrustBundle bundleWithDates(Consumer<ObjectNode> change) {
    var publisher = f.issuer(f.key1, Fixture.VERIFIED);
    ObjectNode list =
        (ObjectNode) StrictJson.parse(publisher.statusListCredential(StatusPurpose.REVOCATION));
    list.remove("proof");
    change.accept(list);
    ObjectNode signed =
        new DataIntegrity()
            .addProof(list, ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, Fixture.VERIFIED), f.key1);
    return TrustBundle.of(
        List.of(f.history),
        List.of(
            StrictJson.write(signed), publisher.statusListCredential(StatusPurpose.SUPERSEDED)));
  }

  @Test
  void aListWithoutValidUntilIsCurrentForThePolicysMaximumAgeOnly() {
    TrustBundle undated = bundleWithDates(list -> list.remove("validUntil"));
    Instant sixDays = Fixture.VERIFIED.plus(Duration.ofDays(6));
    Instant eightDays = Fixture.VERIFIED.plus(Duration.ofDays(8));

    assertThat(f.verifier(undated, sixDays).verify(certificate.json()).verified()).isTrue();
    VerificationResult old = f.verifier(undated, eightDays).verify(certificate.json());
    assertThat(old.checks(CheckKind.REVOCATION).get(0).reason())
        .isEqualTo(FailureReason.STALE_STATUS_LIST);

    VerificationPolicy daily = new VerificationPolicy(JsonLimits.DEFAULT, true, Duration.ofDays(1));
    VerificationResult strict =
        new CredentialVerifier(undated, Fixture.at(sixDays), daily, new DataIntegrity())
            .verify(certificate.json());
    assertThat(strict.checks(CheckKind.REVOCATION).get(0).reason())
        .isEqualTo(FailureReason.STALE_STATUS_LIST);
  }

  @Test
  void aListWithNoDatesAtAllIsStale() {
    TrustBundle undated =
        bundleWithDates(
            list -> {
              list.remove("validUntil");
              list.remove("validFrom");
            });
    VerificationResult result = f.verifier(undated, Fixture.VERIFIED).verify(certificate.json());
    assertThat(result.checks(CheckKind.REVOCATION).get(0).reason())
        .isEqualTo(FailureReason.STALE_STATUS_LIST);
    assertThat(result.checks(CheckKind.REVOCATION).get(0).detail()).contains("age is unknown");
  }

  @Test
  void aListThatIsNotABitstringStatusListCredentialIsUnavailable() {
    TrustBundle retyped = bundleWithDates(list -> ((ArrayNode) list.get("type")).remove(1));
    VerificationResult result = f.verifier(retyped, Fixture.VERIFIED).verify(certificate.json());
    assertThat(result.checks(CheckKind.REVOCATION).get(0).reason())
        .isEqualTo(FailureReason.STATUS_UNAVAILABLE);
  }
}
