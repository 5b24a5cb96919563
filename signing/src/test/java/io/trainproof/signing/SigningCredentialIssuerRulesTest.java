package io.trainproof.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.spi.CredentialIssuer.AttestationClaims;
import io.trainproof.core.spi.CredentialIssuer.CertificateClaims;
import io.trainproof.core.spi.CredentialIssuer.Issued;
import io.trainproof.signing.credential.VerificationCode;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.InMemoryKeyProvider;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.status.StatusPurpose;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The core SPI adapter called directly with claims: which status indexes and record ids it accepts,
 * what the certificate says when a score or an end date is missing, when it refuses to sign (no
 * issuer, a key outside its interval), and what its builder and {@link OrganizationIssuer} refuse.
 */
class SigningCredentialIssuerRulesTest {
  static final String DID = "did:web:trainproof.example.org:org:clinic";
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final Instant KEY_FROM = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant NOW = Instant.parse("2026-03-02T14:00:00Z");
  static final Id<Organization> ORG = Id.parse("0b6f3f5e-2a8e-4d8e-9a43-6c1f0c1d2e3f");

  final SigningKey key =
      SigningKey.generate(KeyAlgorithm.ED25519, DID + "#key-1", Fixture.deterministicRandom(21));
  final IssuerKeyHistory history =
      IssuerKeyHistory.start(DID, key.keyId(), key.publicKey(), KEY_FROM);

  SigningCredentialIssuer adapter(IssuerKeyHistory keys, Instant now, int statusListSize) {
    OrganizationIssuer issuer =
        OrganizationIssuer.of(keys, new InMemoryKeyProvider().add(key), null);
    return SigningCredentialIssuer.builder()
        .issuers(org -> org.equals(ORG) ? issuer : null)
        .statusListBaseUrl("https://trainproof.example.org/status")
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .statusListSize(statusListSize)
        .build();
  }

  SigningCredentialIssuer adapter() {
    return adapter(history, NOW, SigningCredentialIssuer.DEFAULT_STATUS_LIST_SIZE);
  }

  static CertificateClaims claims(
      int statusIndex, @Nullable Integer score, @Nullable LocalDate validUntil) {
    return new CertificateClaims(
        ORG,
        "Example Clinic",
        ZONE,
        Id.<Certificate>parse("6d0e8b7a-1c2d-4e5f-8a9b-0c1d2e3f4a5b"),
        "member-7",
        "HIPAA-101",
        "HIPAA Privacy",
        "cv-1",
        "2026.1",
        "c0ffee00-0000-4000-8000-000000000001",
        LocalDate.of(2026, 3, 2),
        score,
        LocalDate.of(2026, 3, 2),
        validUntil,
        statusIndex,
        NOW);
  }

  static AttestationClaims attestation(String attestationId) {
    return new AttestationClaims(
        ORG,
        "Example Clinic",
        attestationId,
        "member-7",
        "sanctions",
        "pv-1",
        4,
        "a".repeat(64),
        "b".repeat(64),
        "TYPED_NAME",
        NOW,
        7);
  }

  @Test
  void statusIndexMustLieInsideTheList() {
    SigningCredentialIssuer adapter = adapter();
    int size = adapter.statusListSize();

    assertThat(
            StrictJson.parse(adapter.issueCertificate(claims(0, 90, null)).json())
                .at("/credentialStatus/0/statusListIndex")
                .asText())
        .isEqualTo("0");
    assertThat(
            StrictJson.parse(adapter.issueCertificate(claims(size - 1, 90, null)).json())
                .at("/credentialStatus/1/statusListIndex")
                .asText())
        .isEqualTo(Integer.toString(size - 1));
    assertThatThrownBy(() -> adapter.issueCertificate(claims(size, 90, null)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("0.." + (size - 1));
    assertThatThrownBy(() -> adapter.issueCertificate(claims(-1, 90, null)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("0.." + (size - 1));
  }

  @Test
  void certificateStatesScoreAndEndOnlyWhenCoreGivesThem() {
    SigningCredentialIssuer adapter = adapter();

    Issued full = adapter.issueCertificate(claims(5, 92, LocalDate.of(2027, 3, 1)));
    JsonNode vc = StrictJson.parse(full.json());
    assertThat(vc.at("/evidence/0/description").asText())
        .isEqualTo("Completed on 2026-03-02 with a score of 92");
    // why: the end of the last valid day in the organization's zone (EST, UTC-5)
    assertThat(vc.get("validUntil").asText()).isEqualTo("2027-03-02T05:00:00Z");
    assertThat(vc.get("validFrom").asText()).isEqualTo("2026-03-02T05:00:00Z");
    assertThat(vc.at("/credentialStatus/0/statusListCredential").asText())
        .isEqualTo("https://trainproof.example.org/status/" + ORG + "/revocation");
    assertThat(vc.at("/credentialStatus/1/statusListCredential").asText())
        .isEqualTo("https://trainproof.example.org/status/" + ORG + "/superseded");
    assertThat(full.credentialId()).isEqualTo("urn:uuid:6d0e8b7a-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
    assertThat(full.verificationCode())
        .isEqualTo(VerificationCode.forCredentialId(full.credentialId()));

    JsonNode bare = StrictJson.parse(adapter.issueCertificate(claims(5, null, null)).json());
    assertThat(bare.at("/evidence/0/description").asText()).isEqualTo("Completed on 2026-03-02");
    assertThat(bare.has("validUntil")).isFalse();
  }

  @Test
  void attestationIdMustBeAUuidAndTheMethodIsWrittenInLowerCase() {
    SigningCredentialIssuer adapter = adapter();
    Issued sealed = adapter.sealAttestation(attestation("0f1e2d3c-4b5a-4968-8776-655443322110"));

    assertThat(sealed.credentialId()).isEqualTo("urn:uuid:0f1e2d3c-4b5a-4968-8776-655443322110");
    assertThat(sealed.verificationCode()).isNull();
    JsonNode subject = StrictJson.parse(sealed.json()).get("credentialSubject");
    assertThat(subject.get("attestationMethod").asText()).isEqualTo("typed-name");
    assertThat(subject.get("policyVersion").asText()).isEqualTo("4");
    assertThatThrownBy(() -> adapter.sealAttestation(attestation("not-a-uuid")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("attestationId");
  }

  @Test
  void refusesToSignBeforeTheKeyIsActiveAndNamesTheInterval() {
    Instant before = KEY_FROM.minusSeconds(1);
    SigningCredentialIssuer early =
        adapter(history, before, SigningCredentialIssuer.DEFAULT_STATUS_LIST_SIZE);

    assertThatThrownBy(() -> early.issueCertificate(claims(1, 90, null)))
        .isInstanceOf(SigningFailedException.class)
        .hasMessageContaining("active from " + KEY_FROM + ")")
        .hasMessageNotContaining("retired");
    // a key is valid from the very second it becomes active
    assertThat(
            adapter(history, KEY_FROM, SigningCredentialIssuer.DEFAULT_STATUS_LIST_SIZE)
                .statusListCredential(ORG, "revocation", List.of())
                .json())
        .contains("\"proof\"");
  }

  @Test
  void refusesToSignWithARetiredKeyAndSaysWhenItWasRetired() {
    SigningKey next =
        SigningKey.generate(KeyAlgorithm.ED25519, DID + "#key-2", Fixture.deterministicRandom(22));
    Instant rotatedAt = NOW.minusSeconds(3600);
    IssuerKeyHistory rotated = history.rotate(next.keyId(), next.publicKey(), rotatedAt);
    SigningCredentialIssuer stale =
        SigningCredentialIssuer.builder()
            .issuers(org -> new OrganizationIssuer(rotated, key, null))
            .statusListBaseUrl("https://trainproof.example.org/status")
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build();

    assertThatThrownBy(
            () -> stale.sealAttestation(attestation("0f1e2d3c-4b5a-4968-8776-655443322110")))
        .isInstanceOf(SigningFailedException.class)
        .hasMessageContaining("retired at " + rotatedAt);
  }

  @Test
  void noIssuerForTheOrganizationMeansNothingIsSigned() {
    SigningCredentialIssuer adapter = adapter();
    Id<Organization> other = Id.parse("99999999-2a8e-4d8e-9a43-6c1f0c1d2e3f");

    assertThatThrownBy(
            () ->
                adapter.issueCertificate(
                    new CertificateClaims(
                        other,
                        "Other",
                        ZONE,
                        Id.<Certificate>random(),
                        "m",
                        "C",
                        "T",
                        "v",
                        "1",
                        "c",
                        LocalDate.of(2026, 3, 2),
                        null,
                        LocalDate.of(2026, 3, 2),
                        null,
                        0,
                        NOW)))
        .isInstanceOf(SigningFailedException.class)
        .hasMessageContaining(other.toString());
    assertThatThrownBy(
            () ->
                adapter.sealAttestation(
                    new AttestationClaims(
                        other,
                        "Other",
                        "0f1e2d3c-4b5a-4968-8776-655443322110",
                        "m",
                        "p",
                        "pv",
                        1,
                        "a".repeat(64),
                        "b".repeat(64),
                        "CLICK",
                        NOW,
                        0)))
        .isInstanceOf(SigningFailedException.class);
  }

  @Test
  void builderDefaultsAndRefusals() {
    SigningCredentialIssuer adapter = adapter();
    assertThat(adapter.cryptosuite()).isEqualTo(Cryptosuite.EDDSA_JCS_2022);
    assertThat(adapter.statusListSize()).isEqualTo(131_072);
    assertThat(adapter.statusListUrl(ORG, StatusPurpose.SUPERSEDED))
        .isEqualTo("https://trainproof.example.org/status/" + ORG + "/superseded");
    assertThat(adapter(history, NOW, 262_144).statusListSize()).isEqualTo(262_144);

    assertThat(
            SigningCredentialIssuer.builder()
                .issuers(org -> null)
                .statusListBaseUrl("http://h.example/s")
                .cryptosuite(Cryptosuite.EDDSA_RDFC_2022)
                .build()
                .statusListUrl(ORG, StatusPurpose.REVOCATION))
        .isEqualTo("http://h.example/s/" + ORG + "/revocation");
    assertThat(
            SigningCredentialIssuer.builder()
                .issuers(org -> null)
                .statusListBaseUrl("https://h.example/s")
                .cryptosuite(Cryptosuite.EDDSA_RDFC_2022)
                .build()
                .cryptosuite())
        .isEqualTo(Cryptosuite.EDDSA_RDFC_2022);

    assertThatThrownBy(
            () -> SigningCredentialIssuer.builder().statusListBaseUrl("ftp://h.example/s"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> SigningCredentialIssuer.builder().statusListSize(131_071))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                SigningCredentialIssuer.builder().statusListBaseUrl("https://h.example/s").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("issuers");
    assertThatThrownBy(() -> SigningCredentialIssuer.builder().issuers(org -> null).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("statusListBaseUrl");
  }

  @Test
  void organizationIssuerRefusesAKeyTheHistoryDoesNotHoldOrANonWebUrl() {
    SigningKey impostor =
        SigningKey.generate(KeyAlgorithm.ED25519, key.keyId(), Fixture.deterministicRandom(23));
    assertThatThrownBy(() -> new OrganizationIssuer(history, impostor, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("other key bytes");
    assertThatThrownBy(() -> new OrganizationIssuer(history, key, "clinic.example.org"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("url");
    assertThat(new OrganizationIssuer(history, key, "http://clinic.example.org").url())
        .isEqualTo("http://clinic.example.org");
    assertThat(new OrganizationIssuer(history, key, "https://clinic.example.org").did())
        .isEqualTo(DID);

    assertThatThrownBy(() -> OrganizationIssuer.of(history, new InMemoryKeyProvider()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("no signer");
    ObjectNode json = history.toJsonNode();
    ((ObjectNode) json.at("/keys/0")).put("retiredAt", NOW.toString());
    IssuerKeyHistory allRetired = IssuerKeyHistory.fromJsonNode(json);
    assertThatThrownBy(() -> OrganizationIssuer.of(allRetired, new InMemoryKeyProvider().add(key)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("no active key");
  }

  @Test
  void unusableInputSaysWhatKindOfInput() {
    UnusableInputException e = new UnusableInputException("pem", "no PEM object found");
    assertThat(e.what()).isEqualTo("pem");
    assertThat(e.getMessage()).isEqualTo("pem: no PEM object found");
    IllegalStateException cause = new IllegalStateException("x");
    assertThat(new SigningFailedException("key k refused", cause).getCause()).isSameAs(cause);
  }
}
