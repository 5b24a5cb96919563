package io.trainproof.signing.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.internal.RdfCanonicalizer;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.verify.CheckKind;
import io.trainproof.signing.verify.FailureReason;
import io.trainproof.signing.verify.VerificationResult;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 17, finding 6: {@code eddsa-rdfc-2022} signs and verifies in JSON-LD safe mode. JSON-LD
 * expansion silently drops what no context defines (an undefined type was dropped, so adding {@code
 * "UndefinedType"} to a signed credential still verified); the Data Integrity spec requires an
 * error instead. One case per unsafe event of jsonld.js {@code safe: true}.
 */
class JsonLdSafeModeTest {
  private final Fixture f = new Fixture();
  private final DataIntegrity dataIntegrity = new DataIntegrity();

  private ObjectNode unsignedCertificate() {
    ObjectNode vc =
        (ObjectNode) StrictJson.parse(f.issuer().issueCertificate(Fixture.certificate()).json());
    vc.remove("proof");
    return vc;
  }

  private String signedRdfCertificate() {
    return f.issuer()
        .withCryptosuite(Cryptosuite.EDDSA_RDFC_2022)
        .issueCertificate(Fixture.certificate())
        .json();
  }

  private ObjectNode signRdf(ObjectNode document) {
    return dataIntegrity.addProof(
        document, ProofOptions.of(Cryptosuite.EDDSA_RDFC_2022, Fixture.ISSUED), f.key1);
  }

  @Test
  void aSignedCredentialWithAnUndefinedTypeAddedDoesNotVerify() {
    ObjectNode vc = (ObjectNode) StrictJson.parse(signedRdfCertificate());
    assertThat(f.verifier().verify(StrictJson.write(vc)).verified()).isTrue();
    ((ArrayNode) vc.get("type")).add("UndefinedType");

    VerificationResult result = f.verifier().verify(StrictJson.write(vc));

    assertThat(result.verified()).isFalse();
    assertThat(result.failureReasons()).contains(FailureReason.UNSAFE_JSON_LD);
    assertThat(result.checks(CheckKind.PROOF).get(0).detail())
        .contains("'UndefinedType'")
        .contains("not an absolute IRI");
  }

  @Test
  void signingACredentialWithAnUndefinedTypeIsRefusedNamingIt() {
    ObjectNode vc = unsignedCertificate();
    ((ArrayNode) vc.get("type")).add("UndefinedType");

    assertThatThrownBy(() -> signRdf(vc))
        .isInstanceOfSatisfying(
            UnusableInputException.class,
            e -> assertThat(e.what()).isEqualTo(RdfCanonicalizer.SAFE_MODE))
        .hasMessageContaining("'UndefinedType'");
  }

  @Test
  void signingACredentialWithAnUndefinedPropertyIsRefusedNamingIt() {
    ObjectNode vc = unsignedCertificate();
    ((ObjectNode) vc.get("credentialSubject")).put("favouriteColour", "blue");

    assertThatThrownBy(() -> signRdf(vc))
        .isInstanceOfSatisfying(
            UnusableInputException.class,
            e -> assertThat(e.what()).isEqualTo(RdfCanonicalizer.SAFE_MODE))
        .hasMessageContaining("'favouriteColour'")
        .hasMessageContaining("no context defines");
  }

  /**
   * Each row: what jsonld.js calls the event, the member put on the credential (JSON), and a word
   * the refusal must contain.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "relative @type reference | {'type': ['VerifiableCredential', 'OpenBadgeCredential', 'Extra']} | 'Extra'",
        "relative @id reference | {'evidence': [{'id': 'evidence-42', 'type': ['Evidence'], 'name': 'x'}]} | 'evidence-42'",
        "reserved @id value | {'evidence': [{'id': '@reserved', 'type': ['Evidence'], 'name': 'x'}]} | keyword",
        "relative object reference | {'credentialSubject': {'type': ['AchievementSubject'], 'achievement': {'id': 'urn:example:a', 'type': ['Achievement'], 'name': 'n', 'criteria': {'narrative': 'c'}, 'image': 'see-above'}}} | 'see-above'",
        "relative datatype | {'name': {'@value': 'x', '@type': 'myType'}} | 'myType'",
        "invalid @language value | {'name': {'@value': 'x', '@language': 'not a tag'}} | 'not a tag'",
        "rdfDirection not set | {'name': {'@value': 'x', '@language': 'ar', '@direction': 'rtl'}} | @direction",
        "null @value value | {'name': {'@value': null}} | null @value",
        "object with only @language | {'name': {'@language': 'en'}} | only @language",
        "blank node predicate | {'credentialSubject': {'type': ['AchievementSubject'], '_:p': 'x'}} | blank node",
        "relative predicate reference | {'credentialSubject': {'type': ['AchievementSubject'], 'http://example.org/a b': 'x'}} | 'http://example.org/a b'",
        "invalid property | {'undefinedTerm': 'x'} | 'undefinedTerm'",
        "reserved term | {'@undefined': 'x'} | '@undefined'",
        "@index | {'credentialSubject': {'type': ['AchievementSubject'], '@index': 'x'}} | @index",
        "object with only @id in @graph | {'@graph': [{'id': 'urn:example:only-an-id'}]} | states nothing",
        "free-floating scalar in @graph | {'@graph': ['a scalar']} | not an object",
        "aliased @value in an embedded context | {'@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', {'v': '@value'}], 'name': {'v': null}} | null @value",
      })
  void whatExpansionWouldDropIsRefused(String event, String members, String named) {
    ObjectNode vc = unsignedCertificate();
    vc.setAll((ObjectNode) StrictJson.parse(members.replace('\'', '"')));

    assertThatThrownBy(() -> signRdf(vc))
        .as(event)
        .isInstanceOfSatisfying(
            UnusableInputException.class,
            e -> assertThat(e.what()).isEqualTo(RdfCanonicalizer.SAFE_MODE))
        .hasMessageContaining(named);
  }

  @Test
  void whatLosesNothingIsSignedAndVerifies() {
    Consumer<ObjectNode> additions =
        vc -> {
          // absolute IRIs and blank nodes, a language-tagged value, a JSON literal holding what
          // would be unsafe JSON-LD (it is a value), an embedded context defining a new term
          ((ArrayNode) vc.get("type")).add("https://example.org/types#Extra");
          vc.set("name", StrictJson.parse("{\"@value\": \"Zertifikat\", \"@language\": \"de\"}"));
          ObjectNode subject = (ObjectNode) vc.get("credentialSubject");
          subject.put("https://example.org/terms#note", "absolute property");
          subject
              .putObject("https://example.org/terms#related")
              .put("id", "_:related")
              .put("https://example.org/terms#note", "a blank node");
          ((ArrayNode) vc.get("@context"))
              .addObject()
              .put("colour", "https://example.org/terms#colour");
          vc.put("colour", "blue");
        };
    ObjectNode vc = unsignedCertificate();
    additions.accept(vc);

    ObjectNode signed = signRdf(vc);

    assertThat(f.verifier().verify(StrictJson.write(signed)).verified()).isTrue();
  }

  @Test
  void jcsSuitesSignTheJsonAsItIsSoNothingIsDropped() {
    // why: eddsa-jcs-2022 and ecdsa-jcs-2019 sign the JSON text itself; an undefined type is
    // signed, and changing it breaks the signature, so safe mode is not needed there
    ObjectNode vc = unsignedCertificate();
    ((ArrayNode) vc.get("type")).add("UndefinedType");
    ObjectNode signed =
        dataIntegrity.addProof(
            vc, ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, Fixture.ISSUED), f.key1);
    assertThat(f.verifier().verify(StrictJson.write(signed)).verified()).isTrue();
    ((ArrayNode) signed.get("type")).set(2, signed.textNode("OtherType"));
    assertThat(f.verifier().verify(StrictJson.write(signed)).failureReasons())
        .contains(FailureReason.TAMPERED_CONTENT);
  }

  @Test
  void messagesShowAtMostABoundedSanitizedPartOfAValue() {
    ObjectNode vc = unsignedCertificate();
    ((ArrayNode) vc.get("type")).add("Bad\u0000Type" + "x".repeat(5_000));

    assertThatThrownBy(() -> signRdf(vc))
        .isInstanceOf(UnusableInputException.class)
        .satisfies(
            e -> {
              assertThat(e.getMessage()).contains("'Bad?Type").doesNotContain("\u0000");
              assertThat(e.getMessage().length()).isLessThan(300);
            });
  }
}
