package io.trainproof.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.internal.Hex;
import io.trainproof.signing.internal.Multibase;
import io.trainproof.signing.jcs.JsonLimits;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.JsonLdContexts;
import io.trainproof.signing.proof.ProofOptions;
import io.trainproof.signing.proof.ProofTrace;
import io.trainproof.signing.verify.CheckKind;
import io.trainproof.signing.verify.CredentialVerifier;
import io.trainproof.signing.verify.Outcome;
import io.trainproof.signing.verify.TrustBundle;
import io.trainproof.signing.verify.VerificationPolicy;
import io.trainproof.signing.verify.VerificationResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reproduces the W3C test vectors (w3c/vc-di-eddsa and w3c/vc-di-ecdsa, TestVectors/, copied
 * unchanged from shared/vectors into src/test/resources/vectors) byte for byte: every intermediate,
 * the signature and the signed document.
 */
class W3cVectorsTest {
  static final String EXAMPLES_V2 = "https://www.w3.org/ns/credentials/examples/v2";

  record Vector(
      Cryptosuite suite,
      String keyFile,
      String dir,
      String suffix,
      String configFile,
      String signedFile) {
    String file(String prefix) {
      return Resources.text("vectors/" + dir + "/" + prefix + suffix + ".txt");
    }

    @Override
    public String toString() {
      return suite.id() + " " + suffix;
    }
  }

  static Stream<Arguments> vectors() {
    return Stream.of(
        Arguments.of(
            new Vector(
                Cryptosuite.EDDSA_JCS_2022,
                "w3c-vc-di-eddsa/keyPair.json",
                "w3c-vc-di-eddsa/eddsa-jcs-2022",
                "JCS",
                "proofConfigJCS.json",
                "signedJCS.json")),
        Arguments.of(
            new Vector(
                Cryptosuite.ECDSA_JCS_2019,
                "w3c-vc-di-ecdsa/p256KeyPair.json",
                "w3c-vc-di-ecdsa/ecdsa-jcs-2019-p256",
                "JCSECDSAP256",
                "proofConfigJCSECDSAP256.json",
                "signedJCSECDSAP256.json")),
        Arguments.of(
            new Vector(
                Cryptosuite.EDDSA_RDFC_2022,
                "w3c-vc-di-eddsa/keyPair.json",
                "w3c-vc-di-eddsa/eddsa-rdfc-2022",
                "DataInt",
                "proofConfigDataInt.json",
                "signedDataInt.json")),
        Arguments.of(
            new Vector(
                Cryptosuite.ECDSA_JCS_2019,
                "w3c-vc-di-ecdsa/p384KeyPair.json",
                "w3c-vc-di-ecdsa/ecdsa-jcs-2019-p384",
                "JCSECDSAP384",
                "proofConfigJCSECDSAP384.json",
                "signedJCSECDSAP384.json")),
        Arguments.of(
            new Vector(
                Cryptosuite.ECDSA_RDFC_2019,
                "w3c-vc-di-ecdsa/p256KeyPair.json",
                "w3c-vc-di-ecdsa/ecdsa-rdfc-2019-p256",
                "ECDSAP256",
                "proofConfigECDSAP256.json",
                "signedECDSAP256.json")),
        Arguments.of(
            new Vector(
                Cryptosuite.ECDSA_RDFC_2019,
                "w3c-vc-di-ecdsa/p384KeyPair.json",
                "w3c-vc-di-ecdsa/ecdsa-rdfc-2019-p384",
                "ECDSAP384",
                "proofConfigECDSAP384.json",
                "signedECDSAP384.json")));
  }

  static DataIntegrity dataIntegrity() {
    return new DataIntegrity(
        JsonLdContexts.bundled()
            .with(EXAMPLES_V2, Resources.text("vectors/credentials-examples-v2.jsonld")));
  }

  static SigningKey key(Vector v) {
    JsonNode pair = StrictJson.parse(Resources.text("vectors/" + v.keyFile()));
    String secret =
        pair.has("privateKeyMultibase")
            ? pair.get("privateKeyMultibase").textValue()
            : pair.get("secretKeyMultibase").textValue();
    String publicMultibase = pair.get("publicKeyMultibase").textValue();
    SigningKey key =
        SigningKey.fromPrivateMultikey(
            "did:key:" + publicMultibase + "#" + publicMultibase, secret);
    assertThat(key.publicKey().multibase()).isEqualTo(publicMultibase);
    assertThat(key.toPrivateMultikey()).isEqualTo(secret);
    assertThat(v.suite().supports(key.algorithm())).isTrue();
    return key;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void everyIntermediateMatches(Vector v) {
    DataIntegrity di = dataIntegrity();
    ObjectNode unsigned =
        (ObjectNode)
            StrictJson.parse(
                Resources.text("vectors/" + v.dir().split("/", 2)[0] + "/unsigned.json"));
    ObjectNode proofConfig =
        (ObjectNode) StrictJson.parse(Resources.text("vectors/" + v.dir() + "/" + v.configFile()));

    SigningKey key = key(v);
    ProofTrace trace = di.trace(v.suite(), key.algorithm(), unsigned, proofConfig);

    assertThat(trace.canonicalDocument()).isEqualTo(v.file("canonDoc"));
    assertThat(trace.canonicalProofConfig()).isEqualTo(v.file("proofCanon"));
    assertThat(Hex.encode(trace.documentHash())).isEqualTo(v.file("docHash").trim());
    assertThat(Hex.encode(trace.proofConfigHash())).isEqualTo(v.file("proofHash").trim());
    assertThat(trace.hashDataHex()).isEqualTo(v.file("combinedHash").trim());

    byte[] signature = key.sign(trace.hashData());
    assertThat(Hex.encode(signature)).isEqualTo(v.file("sigHex").trim());
    assertThat(Multibase.encodeBase58(signature)).isEqualTo(v.file("sigBTC58").trim());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void signedDocumentMatchesByteForByteAsJson(Vector v) {
    ObjectNode unsigned =
        (ObjectNode)
            StrictJson.parse(
                Resources.text("vectors/" + v.dir().split("/", 2)[0] + "/unsigned.json"));
    ObjectNode signed =
        dataIntegrity()
            .addProof(
                unsigned,
                ProofOptions.of(v.suite(), Instant.parse("2023-02-24T23:36:38Z")),
                key(v));
    JsonNode expected =
        StrictJson.parse(Resources.text("vectors/" + v.dir() + "/" + v.signedFile()));

    assertThat(signed).isEqualTo(expected);
    assertThat(names(signed.get("proof"))).containsExactlyElementsOf(names(expected.get("proof")));
    assertThat(names(signed)).containsExactlyElementsOf(names(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void publishedSignedDocumentVerifies(Vector v) {
    String signed = Resources.text("vectors/" + v.dir() + "/" + v.signedFile());
    CredentialVerifier verifier =
        new CredentialVerifier(
            TrustBundle.of(List.of(), List.of()),
            Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC),
            new VerificationPolicy(JsonLimits.DEFAULT, false),
            dataIntegrity());

    VerificationResult result = verifier.verify(signed);

    assertThat(result.checks(CheckKind.PROOF))
        .singleElement()
        .satisfies(c -> assertThat(c.outcome()).as(c.detail()).isEqualTo(Outcome.PASSED));
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
