package io.trainproof.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.web.vcapi.VcApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The VC data model checks made before signing (issue #17, finding 8): 422 naming the field. The
 * host asks the signer's own check ({@code signing.credential.CredentialShape}), so what it refuses
 * up front is what the signer would refuse; only {@code issuer} may be left out.
 */
class VcApiShapeTest {
  static ObjectNode credential(String json) {
    return (ObjectNode) StrictJson.parse(json);
  }

  static final String V2 =
      "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiableCredential\"],"
          + "\"credentialSubject\":{\"id\":\"did:example:s\"}";

  static String problem(String json) {
    return VcApi.shapeProblem(credential(json)).orElse("");
  }

  @Test
  void aWellFormedCredentialPasses() {
    assertThat(VcApi.shapeProblem(credential(V2 + "}"))).isEmpty();
    assertThat(
            VcApi.shapeProblem(
                credential(
                    V2
                        + ",\"validFrom\":\"2026-01-01T00:00:00Z\",\"validUntil\":\"2099-12-31T23:59:59.5+01:00\"}")))
        .isEmpty();
    assertThat(
            VcApi.shapeProblem(
                credential(
                    "{\"@context\":[\"https://www.w3.org/2018/credentials/v1\"],"
                        + "\"type\":\"VerifiableCredential\",\"issuanceDate\":\"2010-01-01T19:23:24Z\","
                        + "\"credentialSubject\":[{\"id\":\"did:example:a\"},{\"id\":\"did:example:b\"}]}")))
        .isEmpty();
    // a zone-less VC 1.1 date: the signer signs only unambiguous instants, so the host says so
    // before signing (it answered 422 from the signer before the checks were one)
    assertThat(
            problem(
                "{\"@context\":[\"https://www.w3.org/2018/credentials/v1\"],"
                    + "\"type\":\"VerifiableCredential\",\"issuanceDate\":\"2010-01-01T19:23:24\","
                    + "\"credentialSubject\":{\"id\":\"did:example:a\"}}"))
        .startsWith("issuanceDate:");
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
          .startsWith("credentialSubject"); // the field, or the item's path: credentialSubject[0]
    }
    assertThat(problem(V2 + ",\"id\":5}")).startsWith("id:");
    assertThat(problem(V2 + ",\"issuer\":5}")).startsWith("issuer:");
    assertThat(problem(V2 + ",\"issuer\":{\"name\":\"x\"}}")).startsWith("issuer.id:");
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
  void vc11DatesInAVc2CredentialAreNamed() {
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
