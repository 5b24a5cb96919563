package io.trainproof.signing.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ValidationException;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.JsonLdContexts;
import io.trainproof.signing.proof.ProofOptions;
import io.trainproof.signing.status.StatusPurpose;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 17, finding 8 (part): a document that claims a credentials context but is not shaped like a
 * credential (no credentialSubject, a type without VerifiableCredential, a malformed date) is
 * refused by signing, with the field named, and the same check is public for a host to call.
 */
class CredentialShapeTest {
  private final Fixture f = new Fixture();

  private ObjectNode v2() {
    ObjectNode vc =
        (ObjectNode) StrictJson.parse(f.issuer().issueCertificate(Fixture.certificate()).json());
    vc.remove("proof");
    return vc;
  }

  /** The W3C VC 1.1 example shape. */
  private static ObjectNode v1() {
    ObjectNode vc = StrictJson.mapper().createObjectNode();
    vc.putArray("@context").add(JsonLdContexts.CREDENTIALS_V1);
    vc.put("id", "http://example.edu/credentials/3732");
    vc.putArray("type").add("VerifiableCredential");
    vc.put("issuer", "https://example.edu/issuers/14");
    vc.put("issuanceDate", "2010-01-01T19:23:24Z");
    vc.putObject("credentialSubject").put("id", "did:example:ebfeb1f712ebc6f1c276e12ec21");
    return vc;
  }

  private static ObjectNode changed(ObjectNode vc, Consumer<ObjectNode> change) {
    change.accept(vc);
    return vc;
  }

  private static void assertRefused(ObjectNode vc, String field, String reason) {
    assertThat(CredentialShape.problems(vc))
        .as(vc.toString())
        .anySatisfy(
            p -> {
              assertThat(p.field()).isEqualTo(field);
              assertThat(p.reason()).contains(reason);
            });
    assertThatThrownBy(() -> CredentialShape.check(vc))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void trainproofsCredentialsAndTheW3cExamplesHaveTheShape() {
    assertThat(CredentialShape.problems(v2())).isEmpty();
    assertThat(CredentialShape.problems(v1())).isEmpty();
    ObjectNode attestation =
        (ObjectNode) StrictJson.parse(f.issuer().issueAttestation(Fixture.attestation()).json());
    assertThat(CredentialShape.problems(attestation)).isEmpty();
    ObjectNode list =
        (ObjectNode) StrictJson.parse(f.issuer().statusListCredential(StatusPurpose.REVOCATION));
    assertThat(CredentialShape.problems(list)).isEmpty();
  }

  @Test
  void withoutCredentialSubject() {
    assertRefused(
        changed(v2(), vc -> vc.remove("credentialSubject")), "credentialSubject", "required");
    assertRefused(
        changed(v2(), vc -> vc.putObject("credentialSubject")), "credentialSubject", "claim");
    assertRefused(
        changed(v2(), vc -> vc.putArray("credentialSubject")), "credentialSubject", "at least one");
    assertRefused(
        changed(v2(), vc -> vc.put("credentialSubject", "did:example:1")),
        "credentialSubject",
        "object");
  }

  @Test
  void aTypeWithoutVerifiableCredential() {
    assertRefused(
        changed(v2(), vc -> vc.putArray("type").add("OpenBadgeCredential")),
        "type",
        "VerifiableCredential");
    assertRefused(changed(v2(), vc -> vc.remove("type")), "type", "required");
    assertRefused(changed(v2(), vc -> vc.putArray("type").add(7)), "type", "strings");
  }

  @Test
  void malformedVc2Dates() {
    for (String bad :
        List.of(
            "2026-03-01",
            "2026-03-01T09:30:00",
            "2026-03-01T09:30Z",
            "2026-13-01T09:30:00Z",
            "2026-02-30T09:30:00Z",
            "1 March 2026")) {
      assertRefused(changed(v2(), vc -> vc.put("validFrom", bad)), "validFrom", "dateTimeStamp");
      assertRefused(changed(v2(), vc -> vc.put("validUntil", bad)), "validUntil", "dateTimeStamp");
    }
    assertRefused(changed(v2(), vc -> vc.put("validFrom", 20260301)), "validFrom", "a number");
    assertRefused(
        changed(v2(), vc -> vc.put("validUntil", "2026-02-01T00:00:00Z")), "validUntil", "before");
    assertThat(
            CredentialShape.problems(
                changed(v2(), vc -> vc.put("validUntil", "2027-03-01T00:00:00.5+02:00"))))
        .isEmpty();
  }

  @Test
  void aContextEntryThatIsNeitherAUrlNorAnObjectAndAnOffsetPastFourteenHoursAreRefused() {
    assertRefused(
        changed(v2(), vc -> vc.withArray("@context").add(5)), "@context", "URL or an object");
    assertRefused(
        changed(v2(), vc -> vc.put("validUntil", "2027-03-01T00:00:00+15:00")),
        "validUntil",
        "dateTimeStamp");
    assertThat(
            CredentialShape.problems(
                changed(v2(), vc -> vc.put("validUntil", "2027-03-01T00:00:00-14:00"))))
        .isEmpty();
  }

  @Test
  void malformedVc11Dates() {
    assertRefused(changed(v1(), vc -> vc.remove("issuanceDate")), "issuanceDate", "required");
    assertRefused(
        changed(v1(), vc -> vc.put("issuanceDate", "2010-01-01")), "issuanceDate", "dateTimeStamp");
    assertRefused(
        changed(v1(), vc -> vc.put("expirationDate", "next year")),
        "expirationDate",
        "dateTimeStamp");
    assertRefused(
        changed(v1(), vc -> vc.put("expirationDate", "2009-01-01T00:00:00Z")),
        "expirationDate",
        "before");
    assertRefused(
        changed(v1(), vc -> vc.put("validFrom", "2010-01-01T19:23:24Z")), "validFrom", "VC 2.0");
    assertRefused(
        changed(v2(), vc -> vc.put("issuanceDate", "2010-01-01T19:23:24Z")),
        "issuanceDate",
        "VC 1.1");
  }

  @Test
  void issuerIdAndContext() {
    assertRefused(changed(v2(), vc -> vc.remove("issuer")), "issuer", "required");
    assertRefused(changed(v2(), vc -> vc.put("issuer", "not a url")), "issuer", "URL");
    assertRefused(
        changed(v2(), vc -> ((ObjectNode) vc.get("issuer")).remove("id")), "issuer.id", "URL");
    assertRefused(changed(v2(), vc -> vc.put("id", "relative/42")), "id", "URL");
    assertRefused(
        changed(v2(), vc -> ((ObjectNode) vc.get("credentialSubject")).put("id", "me")),
        "credentialSubject.id",
        "URL");
    ObjectNode reordered =
        changed(
            v2(), vc -> ((ArrayNode) vc.get("@context")).insert(0, JsonLdContexts.OPEN_BADGES_V3));
    assertThat(CredentialShape.claimsToBeACredential(reordered)).isFalse();
    assertRefused(reordered, "@context", "first context");
  }

  @Test
  void typedMembersNeedAType() {
    assertRefused(
        changed(v2(), vc -> ((ObjectNode) vc.withArray("credentialStatus").get(1)).remove("type")),
        "credentialStatus[1].type",
        "required");
    assertRefused(changed(v2(), vc -> vc.put("evidence", "see file")), "evidence", "object");
  }

  @Test
  void theRefusalNamesTheFieldAndEchoesNoContent() {
    ObjectNode vc = v2();
    vc.remove("credentialSubject");
    vc.put("validFrom", "\u0000secret-" + "x".repeat(500));
    assertThatThrownBy(() -> CredentialShape.check(vc))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("validFrom")
        .hasMessageContaining("credentialSubject")
        .hasMessageNotContaining("\u0000")
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300));
  }

  @ParameterizedTest
  @EnumSource(Cryptosuite.class)
  void signingRefusesWhatIsNotShapedLikeACredential(Cryptosuite suite) {
    var key = suite.algorithm() == f.key1.publicKey().algorithm() ? f.key1 : p256Key();
    DataIntegrity dataIntegrity = new DataIntegrity();
    ObjectNode noSubject = changed(v2(), vc -> vc.remove("credentialSubject"));
    ObjectNode badDate = changed(v2(), vc -> vc.put("validFrom", "2026-03-01"));
    ObjectNode noVcType = changed(v2(), vc -> vc.putArray("type").add("OpenBadgeCredential"));
    for (ObjectNode bad : List.of(noSubject, badDate, noVcType)) {
      assertThatThrownBy(
              () -> dataIntegrity.addProof(bad, ProofOptions.of(suite, Fixture.ISSUED), key))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(
              () -> dataIntegrity.addProofToJson(bad, ProofOptions.of(suite, Fixture.ISSUED), key))
          .isInstanceOf(ValidationException.class);
    }
    // a document that does not claim a credentials context is signed as it is
    ObjectNode other = StrictJson.mapper().createObjectNode().put("note", "not a credential");
    if (!suite.rdfCanonicalization()) {
      assertThat(
              dataIntegrity
                  .addProof(other, ProofOptions.of(suite, Fixture.ISSUED), key)
                  .has("proof"))
          .isTrue();
    }
  }

  private static SigningKey p256Key() {
    return SigningKey.generate(
        KeyAlgorithm.P256, Fixture.DID + "#p256", Fixture.deterministicRandom(5));
  }
}
