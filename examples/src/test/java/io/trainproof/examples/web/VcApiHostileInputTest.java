package io.trainproof.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.web.vcapi.VcApi;
import org.junit.jupiter.api.Test;

/** Hostile VC API bodies, in process: each a 400 or 422 with a reason, never a 200 or a 500. */
class VcApiHostileInputTest {

  String signedVerifyRequest() {
    var signed = VcApiFuzzTest.issue(VcApiFuzzTest.ISSUE_REQUEST);
    assertThat(signed.status()).isEqualTo(201);
    var request = StrictJson.mapper().createObjectNode();
    request.set("verifiableCredential", signed.body().get("verifiableCredential"));
    return StrictJson.write(request);
  }

  @Test
  void theSignedCredentialVerifies() {
    assertThat(VcApiFuzzTest.verify(signedVerifyRequest()).status()).isEqualTo(200);
  }

  @Test
  void aRepeatedMemberInASignedCredentialIsRefusedNotDeduplicated() {
    // a first-wins reader would see the forged subject; the signed one comes second
    String body =
        signedVerifyRequest()
            .replace(
                "\"credentialSubject\":",
                "\"credentialSubject\":{\"id\":\"did:example:someone-else\"},\"credentialSubject\":");
    VcApi.Response response = VcApiFuzzTest.verify(body);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().toString()).contains("Duplicate field 'credentialSubject'");
    assertThat(
            VcApiFuzzTest.issue(
                    VcApiFuzzTest.ISSUE_REQUEST.replace(
                        "\"options\":{}", "\"options\":{},\"options\":{}"))
                .status())
        .isEqualTo(400);
  }

  @Test
  void deepNestingIsRefusedWithoutAStackOverflow() {
    assertThat(VcApiFuzzTest.verify("{\"verifiableCredential\":" + "[".repeat(200_000)).status())
        .isEqualTo(400);
    assertThat(VcApiFuzzTest.issue("{\"credential\":" + "{\"a\":".repeat(200_000)).status())
        .isEqualTo(400);
  }

  @Test
  void anOversizedBodyIsRefused() {
    String big = "{\"verifiableCredential\":{\"x\":\"" + "y".repeat(VcApi.MAX_BODY) + "\"}}";
    assertThat(VcApiFuzzTest.verify(big).status()).isEqualTo(400);
  }

  @Test
  void aHugeProofValueIsAnsweredAt422Quickly() {
    String body =
        signedVerifyRequest()
            .replaceFirst(
                "\"proofValue\":\"z[1-9A-HJ-NP-Za-km-z]+\"",
                "\"proofValue\":\"z" + "2".repeat(900_000) + "\"");
    long start = System.nanoTime();
    VcApi.Response response = VcApiFuzzTest.verify(body);
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.body().toString()).contains("MALFORMED_MULTIBASE");
    assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(5_000);
  }
}
