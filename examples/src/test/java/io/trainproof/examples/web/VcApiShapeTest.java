package io.trainproof.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.trainproof.signing.jcs.StrictJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The VC data model checks made before signing (issue #17, finding 8): 422 naming the field. */
class CredentialShapeTest {
  static ObjectNode credential(String json) {
    return (ObjectNode) StrictJson.parse(json);
  }

  static final String V2 =
      "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiableCredential\"],"
          + "\"credentialSubject\":{\"id\":\"did:example:s\"}";

  static String problem(String json) {
    return CredentialShape.problem(credential(json)).orElse("");
  }

  @Test
  void aWellFormedCredentialPasses() {
    assertThat(CredentialShape.problem(credential(V2 + "}"))).isEmpty();
    assertThat(
            CredentialShape.problem(
                credential(
                    V2
                        + ",\"validFrom\":\"2026-01-01T00:00:00Z\",\"validUntil\":\"2099-12-31T23:59:59.5+01:00\"}")))
        .isEmpty();
    assertThat(
            CredentialShape.problem(
                credential(
                    "{\"@context\":[\"https://www.w3.org/2018/credentials/v1\"],"
                        + "\"type\":\"VerifiableCredential\",\"issuanceDate\":\"2010-01-01T19:23:24\","
                        + "\"credentialSubject\":[{\"id\":\"did:example:a\"},{\"id\":\"did:example:b\"}]}")))
        .isEmpty();
  }

  @Test
  void eachMissingOrMistypedMemberIsNamed() {
    assertThat(problem("{\"type\":[\"VerifiableCredential\"],\"credentialSubject\":{}}"))
        .startsWith("@context:");
    assertThat(
            problem(
                "{\"@context\":[\"https://example.org/other\",\"https://www.w3.org/ns/credentials/v2\"],"
                    + "\"type\":[\"VerifiableCredential\"],\"credentialSubject\":{}}"))
        .startsWith("@context:");
    assertThat(
            problem(
                "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",5],"
                    + "\"type\":[\"VerifiableCredential\"],\"credentialSubject\":{}}"))
        .startsWith("@context:");
    assertThat(problem(V2.replace("\"VerifiableCredential\"", "\"Other\"") + "}"))
        .startsWith("type:");
    assertThat(problem(V2.replace("[\"VerifiableCredential\"]", "[]") + "}")).startsWith("type:");
    assertThat(
            problem(
                "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
                    + "\"type\":[\"VerifiableCredential\"]}"))
        .isEqualTo("credentialSubject: is required");
    for (String subject : new String[] {"\"did:example:s\"", "[]", "[{},5]", "null"}) {
      assertThat(
              problem(
                  "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
                      + "\"type\":[\"VerifiableCredential\"],\"credentialSubject\":"
                      + subject
                      + "}"))
          .as(subject)
          .startsWith("credentialSubject:");
    }
    assertThat(problem(V2 + ",\"id\":5}")).startsWith("id:");
    assertThat(problem(V2 + ",\"issuer\":5}")).startsWith("issuer:");
    assertThat(problem(V2 + ",\"issuer\":{\"name\":\"x\"}}")).startsWith("issuer:");
    assertThat(problem(V2 + ",\"issuer\":{\"id\":5}}")).startsWith("issuer.id:");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-30T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-01-01T25:00:00Z",
        "2026-01-01 00:00:00Z",
        "2026-01-01T00:00:00",
        "2026-01-01T00:00Z",
        "2026-01-01T00:00:00+15:00",
        "26-01-01T00:00:00Z",
        "2099",
        "tomorrow"
      })
  void aMalformedValidFromOrValidUntilIsNamed(String value) {
    assertThat(problem(V2 + ",\"validFrom\":\"" + value + "\"}")).startsWith("validFrom:");
    assertThat(problem(V2 + ",\"validUntil\":\"" + value + "\"}")).startsWith("validUntil:");
  }

  @Test
  void theV1DatesMayOmitTheZoneButMustBeDates() {
    assertThat(CredentialShape.dateTime(TextNode.valueOf("2026-01-01T00:00:00"), false)).isTrue();
    assertThat(CredentialShape.dateTime(TextNode.valueOf("2024-02-29T24:00:00Z"), false)).isTrue();
    assertThat(CredentialShape.dateTime(TextNode.valueOf("2023-02-29T00:00:00Z"), false)).isFalse();
    assertThat(problem(V2 + ",\"expirationDate\":\"soon\"}")).startsWith("expirationDate:");
    assertThat(problem(V2 + ",\"issuanceDate\":20260101}")).startsWith("issuanceDate:");
  }

  @Test
  void validUntilBeforeValidFromIsRefused() {
    assertThat(
            problem(
                V2
                    + ",\"validFrom\":\"2026-01-02T00:00:00Z\",\"validUntil\":\"2026-01-01T00:00:00Z\"}"))
        .isEqualTo("validUntil: is before validFrom");
  }
}
