package io.trainproof.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.attestation.AttestationService;
import io.trainproof.core.certificate.CertificateService;
import io.trainproof.core.domain.Attestation;
import io.trainproof.core.domain.AttestationMethod;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.InMemoryKeyProvider;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.verify.CheckKind;
import io.trainproof.signing.verify.CredentialVerifier;
import io.trainproof.signing.verify.FailureReason;
import io.trainproof.signing.verify.Outcome;
import io.trainproof.signing.verify.TrustBundle;
import io.trainproof.signing.verify.VerificationResult;
import io.trainproof.testkit.Fixtures;
import io.trainproof.testkit.SettableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17, finding 1: every credential the SDK signs has a status entry. A credential the host
 * assembled ({@code CertificateService.signCredential}) and a sealed attestation carry a {@code
 * revocation} {@code BitstringStatusListEntry} in the organization's revocation list, at an index
 * of the index space the certificates use; revoking one ({@code revokeCredential}) sets its bit in
 * the next list, and the offline verifier, given that list, reports it revoked.
 */
class CredentialStatusEntryTest {
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final String DID = "did:web:trainproof.example.org:org:clinic";
  static final String STATUS_BASE = "https://trainproof.example.org/status";
  static final String ID = "urn:uuid:8f0e6b52-3a1d-4c7e-9b2a-5d4c3b2a1f00";

  final SettableClock clock =
      SettableClock.at(ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZONE).toInstant());
  final SigningKey key =
      SigningKey.generate(KeyAlgorithm.ED25519, DID + "#key-1", Fixture.deterministicRandom(11));
  final IssuerKeyHistory history =
      IssuerKeyHistory.start(
          DID, key.keyId(), key.publicKey(), Instant.parse("2026-01-01T00:00:00Z"));
  final Trainproof tp =
      Trainproof.builder()
          .store(new InMemoryStore())
          .clock(clock)
          .credentialIssuer(
              SigningCredentialIssuer.builder()
                  .issuers(
                      org -> OrganizationIssuer.of(history, new InMemoryKeyProvider().add(key)))
                  .statusListBaseUrl(STATUS_BASE)
                  .cryptosuite(Cryptosuite.EDDSA_JCS_2022)
                  .clock(clock)
                  .build())
          .build();
  final Fixtures fx = Fixtures.organization(tp, ZONE);
  final Actor host = new Actor("vc-api-key-1", ActorRole.SYSTEM, fx.org().id(), null);

  static String credential(String members) {
    return "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
        + "\"type\":[\"VerifiableCredential\"],"
        + "\"credentialSubject\":{\"id\":\"did:example:holder\"}"
        + members
        + "}";
  }

  String revocationListUrl() {
    return STATUS_BASE + "/" + fx.org().id() + "/revocation";
  }

  /** A verifier holding the organization's current signed lists, as an offline verifier would. */
  CredentialVerifier verifier() {
    TrustBundle bundle =
        TrustBundle.of(
            List.of(history),
            List.of(
                tp.certificates().statusListCredential(fx.officer(), CertificateService.REVOCATION),
                tp.certificates()
                    .statusListCredential(fx.officer(), CertificateService.SUPERSEDED)));
    return new CredentialVerifier(TrustBundle.fromJson(bundle.toJson()), clock);
  }

  List<AuditEntry> trail(String action) {
    return tp
        .audit()
        .entries(fx.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
        .stream()
        .filter(e -> e.action().equals(action))
        .toList();
  }

  /** The one revocation entry, at the index the audit names. */
  void assertOneRevocationEntry(JsonNode vc, String auditedIndex) {
    JsonNode status = vc.get("credentialStatus");
    assertThat(status.isArray()).isTrue();
    assertThat(status).hasSize(1);
    JsonNode entry = status.get(0);
    assertThat(entry.get("type").asText()).isEqualTo("BitstringStatusListEntry");
    assertThat(entry.get("statusPurpose").asText()).isEqualTo("revocation");
    assertThat(entry.get("statusListCredential").asText()).isEqualTo(revocationListUrl());
    assertThat(entry.get("statusListIndex").asText()).isEqualTo(auditedIndex);
    assertThat(entry.get("id").asText()).isEqualTo(revocationListUrl() + "#" + auditedIndex);
  }

  @ParameterizedTest
  @ValueSource(strings = {"eddsa-jcs-2022", "eddsa-rdfc-2022"})
  void aHostSignedCredentialCarriesARevocationEntryAndVerifiesRevokedOnceRevoked(String suite) {
    String signed =
        tp.certificates().signCredential(host, credential(",\"id\":\"" + ID + "\""), suite);

    String index = trail("CREDENTIAL_SIGNED").get(0).details().get("statusIndex");
    assertThat(index).isNotNull();
    assertOneRevocationEntry(StrictJson.parse(signed), index);
    VerificationResult before = verifier().verify(signed);
    assertThat(before.verified()).as(before.toString()).isTrue();
    assertThat(before.checks(CheckKind.REVOCATION))
        .singleElement()
        .satisfies(c -> assertThat(c.outcome()).isEqualTo(Outcome.PASSED));

    tp.certificates().revokeCredential(host, ID, "issued to the wrong holder");

    VerificationResult after = verifier().verify(signed);
    assertThat(after.verified()).isFalse();
    assertThat(after.failureReasons()).containsExactly(FailureReason.REVOKED);
  }

  @Test
  void aCredentialWithoutAnIdIsGivenOneAndIsRevokedByIt() {
    JsonNode vc = StrictJson.parse(tp.certificates().signCredential(host, credential(""), null));

    String id = vc.get("id").asText();
    assertThat(id).startsWith("urn:uuid:");
    assertThat(trail("CREDENTIAL_SIGNED").get(0).subjectId()).isEqualTo(id);
    tp.certificates().revokeCredential(fx.officer(), id, "signed in error");
    assertThat(verifier().verify(StrictJson.write(vc)).failureReasons())
        .containsExactly(FailureReason.REVOKED);
  }

  @Test
  void aSealedAttestationCarriesARevocationEntryAndVerifiesRevokedOnceRevoked() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
    PolicyVersion version =
        tp.policies().versions(fx.officer(), fx.policy("PRIV", today.minusDays(30)).id()).get(0);
    WorkforceMember nurse = fx.hire(today.minusDays(10), "ICU", "nurse");
    Attestation requested =
        tp.attestations().request(fx.officer(), nurse.id(), version.id(), today.plusDays(14));
    Attestation attested =
        tp.attestations()
            .record(
                new Actor("u-nurse", ActorRole.MEMBER, fx.org().id(), nurse.id()),
                new AttestationService.Submission(
                    requested.id(),
                    "I have read the Privacy policy.",
                    AttestationMethod.CLICK_THROUGH,
                    null,
                    null));
    Attestation.Evidence evidence = attested.evidence();
    assertThat(evidence).isNotNull();
    String sealed = evidence.credentialJson();
    assertThat(sealed).isNotNull();

    String index = trail("ATTESTATION_RECORDED").get(0).details().get("statusIndex");
    assertThat(index).isNotNull();
    assertOneRevocationEntry(StrictJson.parse(sealed), index);
    assertThat(verifier().verify(sealed).verified()).isTrue();

    tp.certificates()
        .revokeCredential(fx.officer(), evidence.credentialId(), "recorded for the wrong member");
    assertThat(verifier().verify(sealed).failureReasons()).containsExactly(FailureReason.REVOKED);
  }

  @Test
  void aCredentialBringingItsOwnStatusEntryIsRefusedAndNothingIsKept() {
    String ownStatus =
        credential(
            ",\"id\":\""
                + ID
                + "\",\"credentialStatus\":{\"id\":\"https://status.example/list#5\","
                + "\"type\":\"BitstringStatusListEntry\",\"statusPurpose\":\"revocation\","
                + "\"statusListIndex\":\"5\","
                + "\"statusListCredential\":\"https://status.example/list\"}");
    assertThatThrownBy(() -> tp.certificates().signCredential(host, ownStatus, null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("credentialStatus"));
    assertThat(trail("CREDENTIAL_SIGNED")).isEmpty();
    // nothing was kept under its id: it can be signed once it comes without its own entry
    tp.certificates().signCredential(host, credential(",\"id\":\"" + ID + "\""), null);
    assertThat(trail("CREDENTIAL_SIGNED")).hasSize(1);
  }

  @Test
  void aVc11CredentialGetsTheEntryWithJcsButRdfcRefusesItsUndefinedTerms() {
    String v1 =
        "{\"@context\":[\"https://www.w3.org/2018/credentials/v1\"],"
            + "\"type\":[\"VerifiableCredential\"],\"issuanceDate\":\"2026-01-01T00:00:00Z\","
            + "\"credentialSubject\":{\"id\":\"did:example:holder\"}}";
    String signed = tp.certificates().signCredential(host, v1, "eddsa-jcs-2022");
    assertOneRevocationEntry(
        StrictJson.parse(signed), trail("CREDENTIAL_SIGNED").get(0).details().get("statusIndex"));
    assertThat(verifier().verify(signed).verified()).isTrue();
    // why: the v1 context defines no BitstringStatusListEntry terms; safe mode refuses, typed
    assertThatThrownBy(() -> tp.certificates().signCredential(host, v1, "eddsa-rdfc-2022"))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("statusPurpose");
    assertThat(trail("CREDENTIAL_SIGNED")).hasSize(1);
  }
}
