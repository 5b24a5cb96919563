package io.trainproof.integrations.external;

import static io.trainproof.integrations.World.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.Trainproof;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Certification;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.status.ComplianceStatus;
import io.trainproof.integrations.ImportOptions;
import io.trainproof.integrations.World;
import io.trainproof.signing.OrganizationIssuer;
import io.trainproof.signing.SigningCredentialIssuer;
import io.trainproof.signing.key.InMemoryKeyProvider;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.verify.CredentialVerifier;
import io.trainproof.signing.verify.TrustBundle;
import io.trainproof.signing.verify.VerificationResult;
import io.trainproof.testkit.Fixtures;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An outside provider's Open Badge, signed for real, verified with the signing module on import:
 * the verified one satisfies the requirement, a tampered copy is kept but satisfies nothing.
 */
class SignedCertificationImportTest {
  @Test
  void aVerifiedOpenBadgeSatisfiesTheRequirementAndATamperedOneDoesNot() {
    World clinic = new World();
    // The outside provider: its own issuer key and its own Trainproof issuing the badge.
    SigningKey key =
        SigningKey.generate(
            KeyAlgorithm.ED25519, "did:web:provider.example.org#key-1", new SecureRandom());
    IssuerKeyHistory history =
        IssuerKeyHistory.start(
            "did:web:provider.example.org",
            key.keyId(),
            key.publicKey(),
            clinic.clock.instant().minusSeconds(3600));
    Trainproof provider =
        Trainproof.builder()
            .store(new InMemoryStore())
            .clock(clinic.clock)
            .credentialIssuer(
                SigningCredentialIssuer.builder()
                    .issuers(
                        org -> OrganizationIssuer.of(history, new InMemoryKeyProvider().add(key)))
                    .statusListBaseUrl("https://provider.example.org/status")
                    .clock(clinic.clock)
                    .build())
            .build();
    Fixtures p = Fixtures.organization(provider, World.ZONE);
    p.requirement(
        "Privacy officer certification",
        Fixtures.terms(p.course("CHPC"), World.TODAY.minusYears(1)).build());
    WorkforceMember learner = p.hire(World.TODAY, "Students", "learner");
    Assignment a = provider.assignments().forMember(p.officer(), learner.id()).get(0);
    provider
        .completions()
        .record(p.officer(), CompletionService.Request.inApp(a.id(), World.TODAY, 97, "proctor"));
    String badge =
        provider.certificates().forMember(p.officer(), learner.id()).get(0).credentialJson();
    TrustBundle trust =
        TrustBundle.of(
            List.of(history),
            List.of(
                provider.certificates().statusListCredential(p.officer(), "revocation"),
                provider.certificates().statusListCredential(p.officer(), "superseded")));
    CredentialCheck check =
        json -> {
          VerificationResult r = new CredentialVerifier(trust, clinic.clock).verify(json);
          String summary =
              r.checks().stream()
                  .map(c -> c.kind() + "=" + c.outcome())
                  .collect(Collectors.joining("; "));
          return new Certification.Verification(r.verified(), summary, clinic.clock.instant());
        };

    // The clinic accepts this kind of certification in place of its privacy course.
    clinic.hire("HR-1001", World.TODAY.minusYears(2));
    clinic.hire("HR-1002", World.TODAY.minusYears(2));
    clinic
        .tp
        .certifications()
        .defineKind(
            clinic.officer,
            "CHPC",
            "Certified HIPAA Privacy Compliance",
            Set.of(clinic.privacy.id()));
    String tampered = badge.replace("CHPC course", "CHPC COURSE");
    String file =
        "member_external_id,kind_code,issuer,credential_id,issued_on,expires_on,credential_json\n"
            + "HR-1001,CHPC,Provider,OB-1,"
            + World.TODAY
            + ","
            + World.TODAY.plusYears(1)
            + ","
            + csv(badge)
            + "\n"
            + "HR-1002,CHPC,Provider,OB-2,"
            + World.TODAY
            + ","
            + World.TODAY.plusYears(1)
            + ","
            + csv(tampered)
            + "\n";
    CertificationImporter.Result result =
        new CertificationImporter(clinic.tp, check)
            .importCsv(clinic.officer, utf8(file), ImportOptions.allOrNothing());

    assertThat(result.errors()).isEmpty();
    assertThat(result.recorded()).hasSize(2);
    Certification good = result.recorded().get(0);
    Certification bad = result.recorded().get(1);
    assertThat(good.verification().verified()).isTrue();
    assertThat(good.verification().summary()).contains("PROOF=PASSED");
    assertThat(bad.verification().verified()).isFalse();
    assertThat(bad.verification().summary()).contains("PROOF=FAILED");
    assertThat(
            clinic
                .tp
                .status()
                .forMember(clinic.officer, clinic.member("HR-1001").id(), World.TODAY))
        .filteredOn(s -> s.course().equals(clinic.privacy.id()))
        .allSatisfy(s -> assertThat(s.status()).isEqualTo(ComplianceStatus.COMPLIANT));
    assertThat(
            clinic
                .tp
                .status()
                .forMember(clinic.officer, clinic.member("HR-1002").id(), World.TODAY))
        .filteredOn(s -> s.course().equals(clinic.privacy.id()))
        .noneSatisfy(s -> assertThat(s.status()).isEqualTo(ComplianceStatus.COMPLIANT));
  }

  private static String csv(String json) {
    return "\"" + json.replace("\"", "\"\"") + "\"";
  }
}
