package io.trainproof.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.ForbiddenException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.InMemoryKeyProvider;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.verify.CheckKind;
import io.trainproof.signing.verify.CredentialVerifier;
import io.trainproof.signing.verify.Outcome;
import io.trainproof.signing.verify.TrustBundle;
import io.trainproof.testkit.Fixtures;
import io.trainproof.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, finding 1: the host signed whatever JSON it was sent, with no audit entry. {@code
 * CertificateService.signCredential} is the one way a host signs a credential it assembled: an
 * authorized actor, an audit entry naming the key and the hash, and no status lists and no other
 * issuer.
 */
class HostSignedCredentialTest {
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final String DID = "did:web:trainproof.example.org:org:clinic";
  static final String STATUS_BASE = "https://trainproof.example.org/status";

  final SettableClock clock =
      SettableClock.at(ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZONE).toInstant());
  final SigningKey key =
      SigningKey.generate(KeyAlgorithm.ED25519, DID + "#key-1", Fixture.deterministicRandom(7));
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
                      org ->
                          OrganizationIssuer.of(
                              history,
                              new InMemoryKeyProvider().add(key),
                              "https://clinic.example.org"))
                  .statusListBaseUrl(STATUS_BASE)
                  .cryptosuite(Cryptosuite.EDDSA_JCS_2022)
                  .clock(clock)
                  .build())
          .build();
  final Fixtures fx = Fixtures.organization(tp, ZONE);

  static String credential(String extra) {
    return "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
        + "\"id\":\"urn:uuid:6e1c3f1e-2a0b-4f6a-9c1d-0b7e9f3a2c11\","
        + "\"type\":[\"VerifiableCredential\"],"
        + "\"credentialSubject\":{\"id\":\"did:example:holder\"}"
        + extra
        + "}";
  }

  List<AuditEntry> signatures() {
    return tp
        .audit()
        .entries(fx.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
        .stream()
        .filter(e -> e.action().equals("CREDENTIAL_SIGNED"))
        .toList();
  }

  @Test
  void aSignatureIsAuditedWithTheCallerTheKeyTheIdAndTheHashAndVerifies() {
    Actor host = new Actor("vc-api-key-1", ActorRole.SYSTEM, fx.org().id(), null);
    String signed = tp.certificates().signCredential(host, credential(""), "eddsa-jcs-2022");

    JsonNode vc = StrictJson.parse(signed);
    assertThat(vc.get("issuer").asText()).isEqualTo(DID);
    assertThat(vc.at("/proof/verificationMethod").asText()).isEqualTo(key.keyId());
    assertThat(signatures())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actorId()).isEqualTo("vc-api-key-1");
              assertThat(e.subjectId()).isEqualTo("urn:uuid:6e1c3f1e-2a0b-4f6a-9c1d-0b7e9f3a2c11");
              assertThat(e.details())
                  .containsEntry("verificationMethod", key.keyId())
                  .containsEntry("credentialSha256", Fixtures.sha256(signed))
                  .containsEntry("cryptosuite", "eddsa-jcs-2022");
            });
    assertThat(
            new CredentialVerifier(TrustBundle.of(List.of(history), List.of()), clock)
                .verify(signed)
                .checks(CheckKind.PROOF))
        .singleElement()
        .satisfies(c -> assertThat(c.outcome()).isEqualTo(Outcome.PASSED));
  }

  @Test
  void statusListsOtherIssuersAndOtherSuitesAreRefusedAndNothingIsSigned() {
    Actor officer = fx.officer();
    String list =
        "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
            + "\"type\":[\"VerifiableCredential\",\"BitstringStatusListCredential\"],"
            + "\"credentialSubject\":{\"type\":\"BitstringStatusList\","
            + "\"statusPurpose\":\"revocation\",\"encodedList\":\"uH4sIAAAAAAAA\"}}";
    assertThatThrownBy(() -> tp.certificates().signCredential(officer, list, null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("type"));
    String ownListUrl =
        credential("")
            .replace(
                "urn:uuid:6e1c3f1e-2a0b-4f6a-9c1d-0b7e9f3a2c11",
                STATUS_BASE + "/" + fx.org().id() + "/revocation");
    assertThatThrownBy(() -> tp.certificates().signCredential(officer, ownListUrl, null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("id"));
    assertThatThrownBy(
            () ->
                tp.certificates()
                    .signCredential(
                        officer, credential(",\"issuer\":\"did:web:evil.example\""), null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("issuer"));
    assertThatThrownBy(
            () -> tp.certificates().signCredential(officer, credential(""), "ecdsa-jcs-2019"))
        .as("an ECDSA suite with the organization's Ed25519 key")
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("cryptosuite"));
    assertThatThrownBy(() -> tp.certificates().signCredential(officer, credential(""), "rsa-1"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("cryptosuite"));
    assertThat(signatures()).isEmpty();
  }

  @Test
  void anotherSuiteThatFitsTheKeyIsUsedWhenAskedFor() {
    String signed =
        tp.certificates().signCredential(fx.officer(), credential(""), "eddsa-rdfc-2022");
    assertThat(StrictJson.parse(signed).at("/proof/cryptosuite").asText())
        .isEqualTo("eddsa-rdfc-2022");
  }

  @Test
  void aSignedCredentialIsNotSignedAgainItsStatusEntryWouldBreakItsProof() {
    String once = tp.certificates().signCredential(fx.officer(), credential(""), null);
    clock.advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> tp.certificates().signCredential(fx.officer(), once, null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("credentialStatus"));
    String otherwiseSigned =
        credential(",\"proof\":{\"type\":\"DataIntegrityProof\"}")
            .replace(
                "6e1c3f1e-2a0b-4f6a-9c1d-0b7e9f3a2c11", "0c9b8a7d-6e5f-4a3b-8c1d-2e3f4a5b6c7d");
    assertThatThrownBy(() -> tp.certificates().signCredential(fx.officer(), otherwiseSigned, null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("proof"));
    assertThat(signatures()).hasSize(1);
  }

  @Test
  void onlyAnOfficerOrTheSystemMaySignAndARefusalIsAudited() {
    Actor auditor = new Actor("auditor-1", ActorRole.AUDITOR, fx.org().id(), null);
    assertThatThrownBy(() -> tp.certificates().signCredential(auditor, credential(""), null))
        .isInstanceOf(ForbiddenException.class);
    assertThat(
            tp
                .audit()
                .entries(fx.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
                .stream()
                .filter(e -> e.action().equals("FORBIDDEN"))
                .map(AuditEntry::subjectId))
        .containsExactly("CREDENTIAL_SIGN");
    assertThat(signatures()).isEmpty();
  }
}
