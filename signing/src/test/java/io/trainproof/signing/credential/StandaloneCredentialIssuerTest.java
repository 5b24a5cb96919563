package io.trainproof.signing.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ValidationException;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.ProofOptions;
import io.trainproof.signing.verify.CheckKind;
import io.trainproof.signing.verify.Outcome;
import io.trainproof.signing.verify.VerificationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StandaloneCredentialIssuerTest {

  @Test
  void certificateIsAnOpenBadgeCredentialThatVerifies() {
    Fixture f = new Fixture();
    IssuedCredential issued = f.issuer().issueCertificate(Fixture.certificate());
    JsonNode vc = StrictJson.parse(issued.json());

    assertThat(vc.get("@context").get(0).asText())
        .isEqualTo("https://www.w3.org/ns/credentials/v2");
    assertThat(vc.get("@context").get(1).asText())
        .isEqualTo("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    assertThat(vc.get("type").toString())
        .isEqualTo("[\"VerifiableCredential\",\"OpenBadgeCredential\"]");
    assertThat(vc.at("/issuer/type/0").asText()).isEqualTo("Profile");
    assertThat(vc.at("/credentialSubject/type/0").asText()).isEqualTo("AchievementSubject");
    assertThat(vc.at("/credentialSubject/achievement/id").asText())
        .isEqualTo("urn:trainproof:achievement:hipaa-privacy-101:2026.1");
    assertThat(vc.at("/credentialSubject/achievement/criteria/narrative").isTextual()).isTrue();
    assertThat(vc.at("/validUntil").asText()).isEqualTo("2027-03-01T00:00:00Z");
    assertThat(vc.at("/credentialStatus/0/type").asText()).isEqualTo("BitstringStatusListEntry");
    assertThat(vc.at("/credentialStatus/0/statusListIndex").asText())
        .isEqualTo(Integer.toString(issued.statusIndex()));
    assertThat(vc.at("/proof/cryptosuite").asText()).isEqualTo("eddsa-jcs-2022");
    assertThat(vc.get("id").asText()).isEqualTo(issued.credentialId());
    assertThat(VerificationCode.matches(issued.verificationCode(), issued.credentialId())).isTrue();

    VerificationResult result = f.verifier().verify(issued.json());

    assertThat(result.verified()).as(result.toString()).isTrue();
    assertThat(result.checks())
        .extracting(c -> c.kind())
        .contains(
            CheckKind.WELL_FORMED,
            CheckKind.PROOF,
            CheckKind.KEY_VALIDITY,
            CheckKind.ISSUER_TRUSTED,
            CheckKind.VALIDITY_PERIOD,
            CheckKind.REVOCATION,
            CheckKind.SUPERSESSION);
    assertThat(result.checks()).allSatisfy(c -> assertThat(c.outcome()).isEqualTo(Outcome.PASSED));
  }

  @Test
  void attestationCarriesMemberPolicyVersionAndHashesAndVerifies() {
    Fixture f = new Fixture();
    IssuedCredential issued = f.issuer().issueAttestation(Fixture.attestation());
    JsonNode subject = StrictJson.parse(issued.json()).get("credentialSubject");

    assertThat(subject.get("type").asText()).isEqualTo("PolicyAttestation");
    assertThat(subject.get("memberId").asText()).isEqualTo("member-1042");
    assertThat(subject.get("policyVersion").asText()).isEqualTo("3");
    assertThat(subject.get("policyTextHash").asText()).isEqualTo("a".repeat(64));
    assertThat(subject.get("statementHash").asText()).isEqualTo("b".repeat(64));
    assertThat(f.verifier().verify(issued.json()).verified()).isTrue();
  }

  @Test
  void rdfcSignedCertificateAndAttestationVerifyInJsonLdSafeMode() {
    Fixture f = new Fixture();
    StandaloneCredentialIssuer rdfc = f.issuer().withCryptosuite(Cryptosuite.EDDSA_RDFC_2022);
    IssuedCredential certificate = rdfc.issueCertificate(Fixture.certificate());
    IssuedCredential attestation = rdfc.issueAttestation(Fixture.attestation());

    assertThat(StrictJson.parse(certificate.json()).at("/proof/cryptosuite").asText())
        .isEqualTo("eddsa-rdfc-2022");
    assertThat(StrictJson.parse(certificate.json()).at("/proof/@context").isMissingNode()).isTrue();
    assertThat(f.verifier().verify(certificate.json()).verified()).isTrue();
    assertThat(f.verifier().verify(attestation.json()).verified()).isTrue();
  }

  @Test
  void rdfcRefusesATermNoContextDefines() {
    ObjectNode doc =
        (ObjectNode)
            StrictJson.parse(
                "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiableCredential\"],"
                    + "\"issuer\":\"did:web:a.example\",\"credentialSubject\":{\"undefinedTerm\":\"x\"}}");
    Fixture f = new Fixture();
    assertThatThrownBy(
            () ->
                new DataIntegrity()
                    .addProof(
                        doc, ProofOptions.of(Cryptosuite.EDDSA_RDFC_2022, Fixture.ISSUED), f.key1))
        .isInstanceOf(UnusableInputException.class);
  }

  @Test
  void p256IssuerSignsWithEcdsaJcs2019() {
    Fixture f = new Fixture(KeyAlgorithm.P256);
    IssuedCredential issued = f.issuer().issueCertificate(Fixture.certificate());
    assertThat(StrictJson.parse(issued.json()).at("/proof/cryptosuite").asText())
        .isEqualTo("ecdsa-jcs-2019");
    assertThat(StrictJson.parse(issued.json()).at("/proof/@context/1").asText())
        .contains("ob/v3p0");
    assertThat(f.verifier().verify(issued.json()).verified()).isTrue();
  }

  @Test
  void subjectByHashedEmailNeverCarriesTheAddress() {
    Fixture f = new Fixture();
    SubjectIdentifier subject =
        SubjectIdentifier.hashedEmail(" Pat.Doe@Clinic.Example.org ", "s4lt-1234");
    CertificateRequest base = Fixture.certificate();
    IssuedCredential issued =
        f.issuer()
            .issueCertificate(
                new CertificateRequest(
                    base.issuer(),
                    subject,
                    base.achievement(),
                    base.validFrom(),
                    base.validUntil(),
                    base.evidence()));

    assertThat(issued.json()).doesNotContainIgnoringCase("pat.doe");
    assertThat(subject.identityHash()).startsWith("sha256$").hasSize(7 + 64);
    assertThat(SubjectIdentifier.hashedEmail("pat.doe@clinic.example.org", "s4lt-1234"))
        .isEqualTo(subject);
    assertThat(f.verifier().verify(issued.json()).verified()).isTrue();
  }

  @Test
  void vc11InputGetsTheDataIntegrityContext() {
    ObjectNode v1 =
        (ObjectNode)
            StrictJson.parse(
                "{\"@context\":[\"https://www.w3.org/2018/credentials/v1\"],\"type\":[\"VerifiableCredential\"],"
                    + "\"issuer\":\"did:web:trainproof.example.org\",\"issuanceDate\":\"2026-01-01T00:00:00Z\","
                    + "\"credentialSubject\":{\"id\":\"did:example:1\"}}");
    Fixture f = new Fixture();
    for (Cryptosuite suite :
        new Cryptosuite[] {Cryptosuite.EDDSA_JCS_2022, Cryptosuite.EDDSA_RDFC_2022}) {
      ObjectNode signed =
          new DataIntegrity().addProof(v1, ProofOptions.of(suite, Fixture.ISSUED), f.key1);
      assertThat(signed.get("@context").toString())
          .isEqualTo(
              "[\"https://www.w3.org/2018/credentials/v1\",\"https://w3id.org/security/data-integrity/v2\"]");
      assertThat(f.verifier().verify(signed.toString()).checks(CheckKind.PROOF))
          .allSatisfy(c -> assertThat(c.outcome()).as(c.detail()).isEqualTo(Outcome.PASSED));
    }
  }

  @Test
  void issuingRejectsNonIntegerNumbers() {
    ObjectNode doc =
        (ObjectNode)
            StrictJson.parse(
                "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"score\":92.5}");
    assertThatThrownBy(
            () ->
                new DataIntegrity()
                    .addProof(
                        doc,
                        ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, Fixture.ISSUED),
                        new Fixture().key1))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("/score");
  }

  @ParameterizedTest
  @EnumSource(value = Cryptosuite.class, names = "ECDSA_JCS_2019")
  void issuerRefusesASuiteThatDoesNotFitItsKey(Cryptosuite suite) {
    assertThatThrownBy(() -> new Fixture().issuer().withCryptosuite(suite))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void issuerRefusesAnotherIssuersProfileOrKey() {
    Fixture f = new Fixture();
    CertificateRequest base = Fixture.certificate();
    IssuerProfile other = new IssuerProfile("did:web:other.example", "Other", null);
    assertThatThrownBy(
            () ->
                f.issuer()
                    .issueCertificate(
                        new CertificateRequest(
                            other,
                            base.subject(),
                            base.achievement(),
                            base.validFrom(),
                            base.validUntil(),
                            base.evidence())))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> f.issuer(f.key1.withKeyId("did:web:other.example#k"), Fixture.ISSUED))
        .isInstanceOf(ValidationException.class);
  }
}
