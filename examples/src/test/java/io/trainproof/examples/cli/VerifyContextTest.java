package io.trainproof.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.InMemoryKeyProvider;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.JsonLdContexts;
import io.trainproof.signing.proof.ProofOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: {@code verify --context url=file} adds a JSON-LD context the SDK does not bundle, read
 * from a file and never fetched, so a credential that uses one can still be checked offline.
 */
class VerifyContextTest {
  static final String URL = "https://contexts.example.org/hipaa/v1";
  static final String CONTEXT =
      "{\"@context\":{\"@protected\":true,"
          + "\"trainingHours\":\"https://contexts.example.org/hipaa#trainingHours\"}}";

  @TempDir Path dir;

  @Test
  void aCredentialUsingAnUnbundledContextVerifiesOnlyWithThatContextGiven() throws IOException {
    SigningKey generated =
        SigningKey.generate(KeyAlgorithm.ED25519, "did:example:tmp#k", new SecureRandom());
    SigningKey key =
        SigningKey.fromPrivateMultikey(
            generated.publicKey().didKeyVerificationMethod(), generated.toPrivateMultikey());
    ObjectNode unsigned =
        (ObjectNode)
            StrictJson.parse(
                "{\"@context\":[\""
                    + JsonLdContexts.CREDENTIALS_V2
                    + "\",\""
                    + URL
                    + "\"],\"type\":[\"VerifiableCredential\"],"
                    + "\"issuer\":\""
                    + key.publicKey().didKey()
                    + "\",\"credentialSubject\":{\"trainingHours\":4}}");
    ObjectNode signed =
        new DataIntegrity(JsonLdContexts.bundled().with(URL, CONTEXT))
            .addProof(
                unsigned,
                ProofOptions.of(Cryptosuite.EDDSA_RDFC_2022, Instant.parse("2026-01-01T00:00:00Z")),
                new InMemoryKeyProvider().add(key).signer(key.keyId()).orElseThrow());
    Path credential = dir.resolve("credential.json");
    Files.writeString(credential, StrictJson.write(signed), StandardCharsets.UTF_8);
    Path context = dir.resolve("hipaa-v1.jsonld");
    Files.writeString(context, CONTEXT, StandardCharsets.UTF_8);

    TrainproofCliTest.Run without = TrainproofCliTest.run("verify", credential.toString());
    assertThat(without.out()).contains("FAIL proof");

    TrainproofCliTest.Run with =
        TrainproofCliTest.run("verify", credential.toString(), "--context", URL + "=" + context);
    assertThat(with.out()).contains("PASS proof");

    TrainproofCliTest.Run malformed =
        TrainproofCliTest.run("verify", credential.toString(), "--context", context.toString());
    assertThat(malformed.code()).isEqualTo(TrainproofCli.UNUSABLE);
    assertThat(malformed.err()).contains("--context takes <url>=<file>");
  }
}
