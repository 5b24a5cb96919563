package io.trainproof.signing.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ValidationException;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.status.StatusEntry;
import io.trainproof.signing.status.StatusPurpose;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the unsigned documents hold and which requests are refused: the optional members (issuer
 * url, validUntil, evidence, status, the evidence's own optional members) appear exactly when
 * given, the subject identifiers are what Open Badges 3.0 defines, and the request records refuse
 * what would make a wrong credential.
 */
class CredentialContentRulesTest {
  static final String ID = "urn:uuid:5b0c7a52-51a4-4f62-9d43-0f0f6d1b6c1e";

  static CertificateRequest request(
      IssuerProfile issuer, Instant validUntil, List<EvidenceItem> evidence) {
    CertificateRequest base = Fixture.certificate();
    return new CertificateRequest(
        issuer, base.subject(), base.achievement(), base.validFrom(), validUntil, evidence);
  }

  @Test
  void certificateCarriesTheOptionalMembersOnlyWhenGiven() {
    ObjectNode full =
        UnsignedCredentials.certificate(
            ID,
            Fixture.certificate(),
            List.of(
                new StatusEntry(
                    "https://trainproof.example.org/status/org-1/revocation",
                    StatusPurpose.REVOCATION,
                    7)));
    assertThat(full.at("/issuer/url").asText()).isEqualTo("https://clinic.example.org");
    assertThat(full.get("validUntil").asText()).isEqualTo("2027-03-01T00:00:00Z");
    assertThat(full.get("evidence")).hasSize(1);
    assertThat(full.get("credentialStatus")).hasSize(1);
    assertThat(full.at("/credentialStatus/0/statusListIndex").asText()).isEqualTo("7");

    IssuerProfile noUrl = new IssuerProfile(Fixture.DID, "Example Health Clinic", null);
    ObjectNode bare =
        UnsignedCredentials.certificate(ID, request(noUrl, null, List.of()), List.of());
    assertThat(bare.get("issuer").has("url")).isFalse();
    assertThat(bare.has("validUntil")).isFalse();
    assertThat(bare.has("evidence")).isFalse();
    assertThat(bare.has("credentialStatus")).isFalse();
    assertThat(bare.get("validFrom").asText()).isEqualTo("2026-03-01T09:30:00Z");
    assertThat(bare.get("id").asText()).isEqualTo(ID);
  }

  @Test
  void attestationHasNoStatusUnlessGivenAndSaysWhenAndHow() {
    ObjectNode none = UnsignedCredentials.attestation(ID, Fixture.attestation(), List.of());
    assertThat(none.has("credentialStatus")).isFalse();
    assertThat(none.get("issuer").asText()).isEqualTo(Fixture.DID);
    assertThat(none.get("validFrom").asText()).isEqualTo("2026-03-01T09:30:00Z");
    assertThat(none.at("/credentialSubject/attestedAt").asText()).isEqualTo("2026-03-01T09:30:00Z");
    assertThat(none.at("/credentialSubject/attestationMethod").asText()).isEqualTo("click-through");
    assertThat(none.at("/credentialSubject/policyId").asText()).isEqualTo("policy-sanctions");

    ObjectNode with =
        UnsignedCredentials.attestation(
            ID,
            Fixture.attestation(),
            List.of(
                new StatusEntry(
                    "https://trainproof.example.org/status/org-1/revocation",
                    StatusPurpose.REVOCATION,
                    3)));
    assertThat(with.get("credentialStatus")).hasSize(1);
  }

  @Test
  void evidenceWritesOnlyTheMembersItHas() {
    JsonNode full =
        new EvidenceItem("urn:x:1", "Course completion", "Completion record", "Completed in-app")
            .toJson();
    assertThat(full.get("id").asText()).isEqualTo("urn:x:1");
    assertThat(full.get("description").asText()).isEqualTo("Completion record");
    assertThat(full.get("narrative").asText()).isEqualTo("Completed in-app");
    assertThat(full.get("type").toString()).isEqualTo("[\"Evidence\"]");

    JsonNode named = new EvidenceItem(null, "Course completion", null, null).toJson();
    assertThat(named.has("id")).isFalse();
    assertThat(named.has("description")).isFalse();
    assertThat(named.has("narrative")).isFalse();
    assertThat(named.get("name").asText()).isEqualTo("Course completion");

    assertThatThrownBy(() -> new EvidenceItem(null, " ", null, null))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void hashedEmailIsSha256OfTheNormalizedAddressAndTheSalt() throws Exception {
    SubjectIdentifier subject =
        SubjectIdentifier.hashedEmail("  Pat.Doe@Clinic.Example.ORG ", "12345678");
    byte[] expected =
        MessageDigest.getInstance("SHA-256")
            .digest("pat.doe@clinic.example.org12345678".getBytes(StandardCharsets.UTF_8));

    assertThat(subject.identityHash()).isEqualTo("sha256$" + HexFormat.of().formatHex(expected));
    assertThat(subject.identityType()).isEqualTo("emailAddress");
    assertThat(subject.hashed()).isTrue();
    JsonNode json = subject.toJson();
    assertThat(json.get("salt").asText()).isEqualTo("12345678");
    assertThat(json.get("hashed").asBoolean()).isTrue();
    assertThat(json.get("identityType").asText()).isEqualTo("emailAddress");
    assertThat(json.get("type").asText()).isEqualTo("IdentityObject");
  }

  @Test
  void saltOfSevenCharactersOrAnAddressWithoutAtIsRefused() {
    assertThatThrownBy(() -> SubjectIdentifier.hashedEmail("pat@clinic.example.org", "1234567"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> SubjectIdentifier.hashedEmail("pat.clinic.example.org", "12345678"))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void memberIdIsWrittenAsItIsWithoutSalt() {
    JsonNode json = SubjectIdentifier.memberId("member-1042").toJson();
    assertThat(json.get("identityHash").asText()).isEqualTo("member-1042");
    assertThat(json.get("identityType").asText()).isEqualTo("systemId");
    assertThat(json.get("hashed").asBoolean()).isFalse();
    assertThat(json.has("salt")).isFalse();
    assertThatThrownBy(() -> SubjectIdentifier.memberId("  "))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void achievementIdEncodesColonsSoTheUrnKeepsItsShape() {
    AchievementInfo info =
        new AchievementInfo("hipaa:101", "2026 v1", "HIPAA", "Privacy", "Passed");
    assertThat(info.achievementId()).isEqualTo("urn:trainproof:achievement:hipaa%3A101:2026+v1");
    for (int blank = 0; blank < 5; blank++) {
      String[] parts = {"c", "v", "n", "d", "k"};
      parts[blank] = " ";
      int at = blank;
      assertThatThrownBy(
              () -> new AchievementInfo(parts[0], parts[1], parts[2], parts[3], parts[4]))
          .as("blank part %d", at)
          .isInstanceOf(ValidationException.class);
    }
  }

  @Test
  void validUntilMustBeAfterValidFromAndEvidenceIsCopied() {
    CertificateRequest base = Fixture.certificate();
    assertThatThrownBy(() -> request(base.issuer(), base.validFrom(), List.of()))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> request(base.issuer(), base.validFrom().minusSeconds(1), List.of()))
        .isInstanceOf(ValidationException.class);
    assertThat(request(base.issuer(), base.validFrom().plusSeconds(1), List.of()).validUntil())
        .isEqualTo(base.validFrom().plusSeconds(1));

    List<EvidenceItem> evidence = new ArrayList<>(base.evidence());
    CertificateRequest copied = request(base.issuer(), null, evidence);
    evidence.clear();
    assertThat(copied.evidence()).hasSize(1);
  }

  @Test
  void issuerProfileNeedsADidAndAName() {
    assertThatThrownBy(() -> new IssuerProfile("https://clinic.example.org", "Clinic", null))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new IssuerProfile(Fixture.DID, " ", null))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void attestationRequestNeedsTextAndLowerCaseSha256Hashes() {
    AttestationRequest ok = Fixture.attestation();
    String hash = "a".repeat(64);
    assertThatThrownBy(
            () ->
                new AttestationRequest(ok.issuer(), " ", "p", "1", hash, hash, Fixture.ISSUED, "m"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                new AttestationRequest(ok.issuer(), "m", " ", "1", hash, hash, Fixture.ISSUED, "m"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                new AttestationRequest(ok.issuer(), "m", "p", " ", hash, hash, Fixture.ISSUED, "m"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                new AttestationRequest(ok.issuer(), "m", "p", "1", hash, hash, Fixture.ISSUED, " "))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                new AttestationRequest(
                    ok.issuer(), "m", "p", "1", "A".repeat(64), hash, Fixture.ISSUED, "m"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                new AttestationRequest(
                    ok.issuer(), "m", "p", "1", hash, "b".repeat(63), Fixture.ISSUED, "m"))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void standaloneIssuerGivesEveryCredentialItsOwnUuidAndSignsOnlyForItsIssuer() {
    Fixture f = new Fixture();
    IssuedCredential first = f.issuer().issueCertificate(Fixture.certificate());
    IssuedCredential second = f.issuer().issueAttestation(Fixture.attestation());

    assertThat(first.credentialId())
        .matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(second.credentialId()).startsWith("urn:uuid:").isNotEqualTo(first.credentialId());
    assertThat(first.verificationCode()).isNotEqualTo(second.verificationCode());

    AttestationRequest base = Fixture.attestation();
    AttestationRequest foreign =
        new AttestationRequest(
            new IssuerProfile("did:web:other.example", "Other", null),
            base.memberId(),
            base.policyId(),
            base.policyVersion(),
            base.policyTextSha256(),
            base.statementSha256(),
            base.attestedAt(),
            base.method());
    assertThatThrownBy(() -> f.issuer().issueAttestation(foreign))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("did:web:other.example");
  }
}
