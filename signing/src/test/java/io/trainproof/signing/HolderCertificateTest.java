package io.trainproof.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ValidationException;
import io.trainproof.core.spi.CredentialIssuer.CertificateClaims;
import io.trainproof.core.spi.CredentialIssuer.HolderProof;
import io.trainproof.core.spi.CredentialIssuer.HolderProofResult;
import io.trainproof.core.spi.CredentialIssuer.Issued;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.InMemoryKeyProvider;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.JsonLdContexts;
import io.trainproof.signing.proof.ProofOptions;
import io.trainproof.signing.status.StatusPurpose;
import io.trainproof.signing.verify.CredentialVerifier;
import io.trainproof.signing.verify.PresentationResult;
import io.trainproof.signing.verify.TrustBundle;
import io.trainproof.signing.verify.VerificationResult;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Certificates bound to a holder ({@link SigningCredentialIssuer#issueHolderCertificate}): what
 * they state, that they verify, which holders are refused; the issuer's {@link
 * SigningCredentialIssuer#verifyHolderProof}; and {@link CredentialVerifier#verifyPresentation} of
 * a presentation carrying such a certificate, with its holder binding.
 */
class HolderCertificateTest {
  static final Instant NOW = SigningCredentialIssuerRulesTest.NOW;
  static final String CHALLENGE = "one-time-challenge-7";
  static final String DOMAIN = "https://trainproof.example.org";

  final SecureRandom random = Fixture.deterministicRandom(2103);
  final SigningKey holder = holderKey(KeyAlgorithm.ED25519);
  final SigningKey otherHolder = holderKey(KeyAlgorithm.P256);
  final SigningKey issuerKey =
      SigningKey.generate(
          KeyAlgorithm.ED25519, SigningCredentialIssuerRulesTest.DID + "#key-1", random);
  final IssuerKeyHistory history =
      IssuerKeyHistory.start(
          SigningCredentialIssuerRulesTest.DID,
          issuerKey.keyId(),
          issuerKey.publicKey(),
          SigningCredentialIssuerRulesTest.KEY_FROM);

  SigningKey holderKey(KeyAlgorithm algorithm) {
    SigningKey key = SigningKey.generate(algorithm, "pending", random);
    return key.withKeyId(key.publicKey().didKeyVerificationMethod());
  }

  SigningCredentialIssuer adapter(Cryptosuite suite) {
    OrganizationIssuer issuer =
        OrganizationIssuer.of(history, new InMemoryKeyProvider().add(issuerKey), null);
    return SigningCredentialIssuer.builder()
        .issuers(org -> org.equals(SigningCredentialIssuerRulesTest.ORG) ? issuer : null)
        .statusListBaseUrl("https://trainproof.example.org/status")
        .cryptosuite(suite)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
  }

  static CertificateClaims claims() {
    return SigningCredentialIssuerRulesTest.claims(9, 88, LocalDate.of(2027, 3, 1));
  }

  CredentialVerifier verifier(SigningCredentialIssuer adapter) {
    List<String> lists =
        List.of(
            adapter
                .statusListCredential(
                    SigningCredentialIssuerRulesTest.ORG,
                    StatusPurpose.REVOCATION.value(),
                    List.of())
                .json(),
            adapter
                .statusListCredential(
                    SigningCredentialIssuerRulesTest.ORG,
                    StatusPurpose.SUPERSEDED.value(),
                    List.of())
                .json());
    return new CredentialVerifier(
        TrustBundle.of(List.of(history), lists), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static String did(SigningKey key) {
    return key.publicKey().didKey();
  }

  @ParameterizedTest
  @EnumSource(
      value = Cryptosuite.class,
      names = {"EDDSA_JCS_2022", "EDDSA_RDFC_2022"})
  void aHolderCertificateVerifiesAndNamesTheHolderAsItsSubject(Cryptosuite suite) {
    SigningCredentialIssuer adapter = adapter(suite);
    Issued plain = adapter.issueCertificate(claims());
    Issued bound = adapter.issueHolderCertificate(claims(), did(holder));

    VerificationResult result = verifier(adapter).verify(bound.json());
    assertThat(result.verified()).as(result.toString()).isTrue();
    assertThat(result.credentialId()).isEqualTo(bound.credentialId());

    JsonNode vc = StrictJson.parse(bound.json());
    assertThat(vc.at("/credentialSubject/id").asText()).isEqualTo(did(holder));
    assertThat(vc.get("id").asText()).isEqualTo(bound.credentialId());
    assertThat(bound.credentialId()).startsWith("urn:uuid:").isNotEqualTo(plain.credentialId());
    UUID uuid = UUID.fromString(bound.credentialId().substring("urn:uuid:".length()));
    assertThat(uuid.version()).isEqualTo(8);
    assertThat(uuid.variant()).isEqualTo(2);
    assertThat(bound.verificationCode()).isNotNull().isNotEqualTo(plain.verificationCode());
    assertThat(bound.verificationMethod()).isEqualTo(issuerKey.keyId());

    // everything else states what the certificate for the same claims states
    ObjectNode a = (ObjectNode) StrictJson.parse(plain.json());
    ObjectNode b = (ObjectNode) vc.deepCopy();
    for (ObjectNode node : List.of(a, b)) {
      node.remove("id");
      node.remove("proof");
      ((ObjectNode) node.get("credentialSubject")).remove("id");
    }
    assertThat(b).isEqualTo(a);
    assertThat(vc.at("/credentialSubject/identifier/0/identityHash").asText())
        .isEqualTo("member-7");
  }

  @Test
  void theHolderCertificateIdIsStableForOneHolderAndDiffersForAnother() {
    SigningCredentialIssuer adapter = adapter(Cryptosuite.EDDSA_JCS_2022);
    String first = adapter.issueHolderCertificate(claims(), did(holder)).credentialId();
    assertThat(adapter.issueHolderCertificate(claims(), did(holder)).credentialId())
        .isEqualTo(first);
    assertThat(adapter.issueHolderCertificate(claims(), did(otherHolder)).credentialId())
        .isNotEqualTo(first);
    String p256 =
        StrictJson.parse(adapter.issueHolderCertificate(claims(), did(otherHolder)).json())
            .at("/credentialSubject/id")
            .asText();
    assertThat(p256).startsWith("did:key:zDn");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "did:web:holder.example",
        "did:key:",
        "did:key:z6MkNotBase58!",
        "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme",
        "DID:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
        "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
        "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doKx",
        " did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
      })
  void refusesAHolderThatIsNotAnEd25519OrP256DidKey(String holderDid) {
    SigningCredentialIssuer adapter = adapter(Cryptosuite.EDDSA_JCS_2022);
    assertThatThrownBy(() -> adapter.issueHolderCertificate(claims(), holderDid))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("holder"));
  }

  @Test
  void refusesAP384HolderAnOverlongHolderAndNone() {
    SigningCredentialIssuer adapter = adapter(Cryptosuite.EDDSA_JCS_2022);
    String p384 = did(SigningKey.generate(KeyAlgorithm.P384, "k", random));
    for (@Nullable String bad : new String[] {p384, "did:key:z" + "6".repeat(500), null}) {
      assertThatThrownBy(() -> adapter.issueHolderCertificate(claims(), bad))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("holder"));
    }
    // the well-formed DID from the did:key specification is accepted
    assertThat(
            adapter
                .issueHolderCertificate(
                    claims(), "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK")
                .credentialId())
        .startsWith("urn:uuid:");
  }

  String didAuth(SigningKey key, @Nullable String... credentials) {
    ObjectNode vp = StrictJson.mapper().createObjectNode();
    vp.putArray("@context").add(JsonLdContexts.CREDENTIALS_V2);
    vp.putArray("type").add("VerifiablePresentation");
    vp.put("holder", did(key));
    if (credentials.length > 0) {
      ArrayNode list = vp.putArray("verifiableCredential");
      for (String credential : credentials) {
        list.add(StrictJson.parse(credential));
      }
    }
    return new DataIntegrity()
        .addProofToJson(
            vp,
            ProofOptions.authentication(
                key.algorithm() == KeyAlgorithm.ED25519
                    ? Cryptosuite.EDDSA_RDFC_2022
                    : Cryptosuite.ECDSA_JCS_2019,
                NOW.minusSeconds(5),
                CHALLENGE,
                DOMAIN),
            key);
  }

  @Test
  void theIssuerVerifiesHolderProofsOfBothKinds() {
    SigningCredentialIssuer adapter = adapter(Cryptosuite.EDDSA_JCS_2022);
    HolderProofResult vp =
        adapter.verifyHolderProof(
            new HolderProof(HolderProof.Kind.PRESENTATION, didAuth(holder), CHALLENGE, DOMAIN));
    assertThat(vp).isEqualTo(new HolderProofResult(did(holder), CHALLENGE));
    assertThatThrownBy(
            () ->
                adapter.verifyHolderProof(
                    new HolderProof(
                        HolderProof.Kind.PRESENTATION, didAuth(holder), "stale", DOMAIN)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("challenge"));
    assertThatThrownBy(
            () ->
                adapter.verifyHolderProof(
                    new HolderProof(HolderProof.Kind.JWT, "e30.e30.", null, DOMAIN)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void aPresentationOfTheHolderCertificateVerifiesWithItsHolderBinding() {
    SigningCredentialIssuer adapter = adapter(Cryptosuite.EDDSA_RDFC_2022);
    Issued bound = adapter.issueHolderCertificate(claims(), did(holder));
    CredentialVerifier verifier = verifier(adapter);

    PresentationResult ok =
        verifier.verifyPresentation(didAuth(holder, bound.json()), CHALLENGE, DOMAIN);
    assertThat(ok.verified()).as(ok.toString()).isTrue();
    assertThat(ok.holder()).isEqualTo(did(holder));
    assertThat(ok.refusal()).isNull();
    assertThat(ok.credentials()).singleElement().matches(VerificationResult::verified);

    // presented by someone else: the presentation verifies, the binding does not
    PresentationResult stolen =
        verifier.verifyPresentation(didAuth(otherHolder, bound.json()), CHALLENGE, DOMAIN);
    assertThat(stolen.verified()).isFalse();
    assertThat(stolen.holder()).isEqualTo(did(otherHolder));
    assertThat(stolen.refusedField()).isEqualTo("holder");
    assertThat(stolen.credentials()).singleElement().matches(VerificationResult::verified);

    // a certificate with no holder in it is bound to nobody
    Issued unbound = adapter.issueCertificate(claims());
    PresentationResult plain =
        verifier.verifyPresentation(didAuth(holder, unbound.json()), CHALLENGE, DOMAIN);
    assertThat(plain.verified()).isFalse();
    assertThat(plain.refusedField()).isEqualTo("holder");
  }

  @Test
  void aPresentationWithATamperedCredentialOrAnotherChallengeDoesNotVerify() {
    SigningCredentialIssuer adapter = adapter(Cryptosuite.EDDSA_JCS_2022);
    Issued bound = adapter.issueHolderCertificate(claims(), did(holder));
    CredentialVerifier verifier = verifier(adapter);

    ObjectNode tampered = (ObjectNode) StrictJson.parse(bound.json());
    tampered.put("validUntil", "2099-01-01T00:00:00Z");
    PresentationResult changed =
        verifier.verifyPresentation(didAuth(holder, StrictJson.write(tampered)), CHALLENGE, DOMAIN);
    assertThat(changed.verified()).isFalse();
    assertThat(changed.refusal()).isNull();
    assertThat(changed.credentials()).singleElement().matches(r -> !r.verified());

    PresentationResult replayed =
        verifier.verifyPresentation(didAuth(holder, bound.json()), "other", DOMAIN);
    assertThat(replayed.verified()).isFalse();
    assertThat(replayed.holder()).isNull();
    assertThat(replayed.refusedField()).isEqualTo("challenge");
    assertThat(replayed.credentials()).isEmpty();

    PresentationResult elsewhere =
        verifier.verifyPresentation(didAuth(holder, bound.json()), CHALLENGE, "https://x.example");
    assertThat(elsewhere.refusedField()).isEqualTo("domain");

    PresentationResult garbage = verifier.verifyPresentation("{", CHALLENGE, DOMAIN);
    assertThat(garbage.refusedField()).isEqualTo("proof");
    assertThat(garbage.verified()).isFalse();
  }

  @Test
  void aDidAuthenticationPresentationWithNoCredentialVerifies() {
    SigningCredentialIssuer adapter = adapter(Cryptosuite.EDDSA_JCS_2022);
    PresentationResult result =
        verifier(adapter).verifyPresentation(didAuth(otherHolder), CHALLENGE, DOMAIN);
    assertThat(result.verified()).isTrue();
    assertThat(result.credentials()).isEmpty();
  }

  @Test
  void aPresentationResultRefusalHasAFieldAndAReason() {
    assertThatThrownBy(() -> new PresentationResult(null, "proof", null, List.of()))
        .isInstanceOf(ValidationException.class);
    assertThat(new PresentationResult(null, null, null, List.of()).verified()).isFalse();
  }
}
