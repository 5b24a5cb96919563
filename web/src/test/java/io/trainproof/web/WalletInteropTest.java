package io.trainproof.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Certificate;
import io.trainproof.web.vcapi.ApiKeys;
import io.trainproof.web.vcapi.Caller;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Wallet delivery end to end with independent clients: the Node wallets in {@code interop/wallet}
 * (Digital Bazaar's VC and Data Integrity libraries for the VC API exchange, the OpenWallet
 * Foundation's {@code @openid4vc/openid4vci} for OpenID4VCI) against this host on a real port, with
 * no network beyond loopback. Each wallet checks the credential it receives on its own: bound to
 * its DID, and its proof verified with the issuer's DID document. CI installs the wallets ({@code
 * npm ci}) and sets {@code TRAINPROOF_REQUIRE_INTEROP=true}, so a missing install fails there; on a
 * developer's machine without it the test is skipped with the command to run.
 */
@SpringBootTest(
    classes = TestHost.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WalletInteropTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String OFFICER_KEY = ApiKeys.generate(new SecureRandom());
  static final Path WALLETS = Path.of("..", "interop", "wallet").toAbsolutePath().normalize();

  @DynamicPropertySource
  static void apiKeys(DynamicPropertyRegistry registry) {
    String sha256 = ApiKeys.Entry.ofKey(OFFICER_KEY, "officer", Set.of(Caller.DASHBOARD)).sha256();
    registry.add("trainproof.web.api-keys[0].sha256", () -> sha256);
    registry.add("trainproof.web.api-keys[0].actor-id", () -> "officer");
    registry.add("trainproof.web.api-keys[0].scopes", () -> Caller.DASHBOARD);
  }

  @LocalServerPort int port;
  @Autowired TestHost.Clinic clinic;
  @Autowired Trainproof trainproof;
  @TempDir static Path temp;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void walletsInstalled() {
    boolean installed = Files.isDirectory(WALLETS.resolve("node_modules"));
    if (!installed && "true".equals(System.getenv("TRAINPROOF_REQUIRE_INTEROP"))) {
      throw new IllegalStateException(
          "the interop wallets are not installed: run npm ci in " + WALLETS);
    }
    assumeThat(installed)
        .as("interop wallets not installed; run: (cd interop/wallet && npm ci)")
        .isTrue();
  }

  String base() {
    return "http://localhost:" + port + "/trainproof";
  }

  JsonNode offer(Certificate c) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/wallet/offers"))
                .header("Authorization", "Bearer " + OFFICER_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"certificateId\":\"" + c.id() + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body());
  }

  /** The issuer's DID document, for the wallets to verify the credential's proof offline. */
  Path didDocument() throws Exception {
    Path file = temp.resolve("did-" + port + ".json");
    if (!Files.exists(file)) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base() + "/did.json")).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      Files.writeString(file, r.body());
    }
    return file;
  }

  JsonNode wallet(String script, String url, String... options) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", script, url));
    command.add("--issuer-did-document=" + didDocument());
    command.addAll(List.of(options));
    Process p =
        new ProcessBuilder(command)
            .directory(WALLETS.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(script + " did not finish in 90 seconds");
    }
    String text = new String(out, StandardCharsets.UTF_8).strip();
    assertThat(p.exitValue()).as(script + " " + String.join(" ", options) + ": " + text).isZero();
    return JSON.readTree(text.substring(text.lastIndexOf('\n') + 1));
  }

  List<String> trail(String action) {
    return trainproof
        .audit()
        .entries(clinic.fixtures().officer(), Instant.EPOCH, Instant.now().plusSeconds(60))
        .stream()
        .filter(e -> e.action().equals(action))
        .map(AuditEntry::subjectId)
        .toList();
  }

  void deliveredTo(JsonNode result, Certificate offered) {
    assertThat(result.path("ok").asBoolean()).isTrue();
    String holder = result.path("holder").asText();
    assertThat(holder).startsWith("did:key:z");
    JsonNode vc = result.path("credential");
    assertThat(vc.path("credentialSubject").path("id").asText()).isEqualTo(holder);
    assertThat(vc.path("id").asText()).isNotEqualTo(offered.credentialId());
    assertThat(result.path("verification").path("signature").asText()).isEqualTo("verified");
    List<Certificate> now =
        trainproof.certificates().forMember(clinic.fixtures().officer(), offered.member());
    assertThat(now)
        .filteredOn(c -> c.id().equals(offered.id()))
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(Certificate.Status.SUPERSEDED));
    assertThat(now)
        .filteredOn(c -> c.credentialId().equals(vc.path("id").asText()))
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(Certificate.Status.VALID));
  }

  @Test
  void theVcApiWalletReceivesTheCertificateBoundToItsEd25519AndP256Keys() throws Exception {
    for (String[] options : List.of(new String[0], new String[] {"--p256"})) {
      Certificate c = clinic.newCertificate();
      JsonNode result =
          wallet("vcapi-wallet.mjs", offer(c).path("interactionUrl").asText(), options);
      deliveredTo(result, c);
    }
  }

  @Test
  void theVcApiExchangeRefusesAnotherKeyAnotherChallengeAndAnotherDomainAndIssuesNothing()
      throws Exception {
    for (String mode :
        List.of("--other-key", "--other-key=forged", "--wrong-challenge", "--wrong-domain")) {
      Certificate c = clinic.newCertificate();
      JsonNode result = wallet("vcapi-wallet.mjs", offer(c).path("interactionUrl").asText(), mode);
      assertThat(result.path("refused").asInt()).as(mode).isEqualTo(400);
      assertThat(trainproof.certificates().forMember(clinic.fixtures().officer(), c.member()))
          .as(mode)
          .singleElement()
          .satisfies(x -> assertThat(x.status()).isEqualTo(Certificate.Status.VALID));
    }
    assertThat(trail("WALLET_PROOF_REFUSED")).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void theOpenId4VciWalletReceivesTheCertificateWithThePreAuthorizedCode() throws Exception {
    for (String[] options : List.of(new String[0], new String[] {"--p256"})) {
      Certificate c = clinic.newCertificate();
      JsonNode result =
          wallet("oid4vci-wallet.mjs", offer(c).path("credentialOffer").asText(), options);
      assertThat(result.path("specVersion").asText()).isEqualTo("V1");
      deliveredTo(result, c);
    }
  }

  @Test
  void openId4VciRefusesAWrongNonceAWrongAudienceAndAReusedCode() throws Exception {
    for (String mode : List.of("--wrong-nonce", "--wrong-aud", "--reuse")) {
      Certificate c = clinic.newCertificate();
      JsonNode result =
          wallet("oid4vci-wallet.mjs", offer(c).path("credentialOffer").asText(), mode);
      assertThat(result.path("ok").asBoolean()).as(mode + ": " + result).isTrue();
    }
  }

  @Test
  void aRedeemedExchangeIsGoneForTheNextWallet() throws Exception {
    Certificate c = clinic.newCertificate();
    JsonNode offer = offer(c);
    deliveredTo(wallet("vcapi-wallet.mjs", offer.path("interactionUrl").asText()), c);
    HttpResponse<String> again =
        http.send(
            HttpRequest.newBuilder(URI.create(offer.path("exchangeUrl").asText()))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("already redeemed");
  }
}
