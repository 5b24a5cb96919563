package io.trainproof.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.Trainproof;
import io.trainproof.core.certificate.CertificateService;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.signing.OrganizationIssuer;
import io.trainproof.signing.SigningCredentialIssuer;
import io.trainproof.signing.jcs.JsonCanonicalizer;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.InMemoryKeyProvider;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.testkit.Fixtures;
import io.trainproof.web.vcapi.Caller;
import io.trainproof.web.vcapi.VcApi;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Tag;

/**
 * Fuzz tests of the VC API request bodies with Jazzer, in process ({@link VcApi}, which the web
 * host's {@code POST /credentials/issue} and {@code POST /credentials/verify} call with the body
 * text; no HTTP).
 *
 * <p>Properties, for any body: the answer is a status the VC API allows (issue: 201, 400, 422;
 * verify: 200, 400, 422), never an exception (typed refusals are answered, anything else escapes
 * {@link VcApi} and fails the test); verify answers 200 only for a credential this host signed,
 * exactly as signed (but for entries appended to {@code @context} after a JCS proof's, which the
 * spec leaves unsigned); a credential that issue answers 201 for verifies (200); and neither writes
 * anything (the organization's status lists are unchanged).
 *
 * <p>Everything is deterministic (fixed key, fixed clock), so the committed regression inputs under
 * {@code src/test/resources/io/trainproof/examples/web/VcApiFuzzTestInputs/} hold a credential that
 * verifies; fuzzing command in {@code docs/FUZZING.md}.
 */
@Tag("slow")
class VcApiFuzzTest {
  static final String DID = "did:web:clinic.example.org";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
  static final String ISSUE_REQUEST =
      "{\"credential\":{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
          + "\"type\":[\"VerifiableCredential\"],\"credentialSubject\":{\"id\":\"did:example:subject\"}},\"options\":{}}";
  static final Caller CALLER = new Caller("fuzz-issuer", Set.of(Caller.ISSUE), Caller.Via.API_KEY);
  static final Trainproof TP;
  static final Actor READER;
  static final VcApi API;
  static final String LISTS;

  /**
   * Canonical document without proof, mapped to its canonical proofs (one per suite it was signed
   * with), for what this host signed.
   */
  static final Map<String, Set<String>> SIGNED = new HashMap<>();

  static long executions;

  static {
    SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519, DID + "#key-1", seeded());
    IssuerKeyHistory history =
        IssuerKeyHistory.start(
            DID, key.keyId(), key.publicKey(), Instant.parse("2026-01-01T00:00:00Z"));
    SigningCredentialIssuer signing =
        SigningCredentialIssuer.builder()
            .issuers(org -> OrganizationIssuer.of(history, new InMemoryKeyProvider().add(key)))
            .statusListBaseUrl("https://clinic.example.org/status")
            .clock(CLOCK)
            .build();
    TP =
        Trainproof.builder()
            .store(new InMemoryStore())
            .clock(CLOCK)
            .credentialIssuer(signing)
            .build();
    Fixtures fx = Fixtures.organization(TP, ZoneId.of("UTC"));
    READER = Actor.system(fx.org().id());
    API =
        new VcApi(
            TestSites.site(
                    TP,
                    READER,
                    history,
                    new InMemoryKeyProvider().add(key).signer(key.keyId()).orElseThrow(),
                    CLOCK,
                    null)
                .issuerSite(),
            new DataIntegrity());
    LISTS = lists();
    remember(issue(ISSUE_REQUEST).body().get("verifiableCredential"));
    for (String suite : List.of("ecdsa-jcs-2019", "eddsa-rdfc-2022")) {
      remember(
          issue(
                  ISSUE_REQUEST.replace(
                      "\"options\":{}", "\"options\":{\"cryptosuite\":\"" + suite + "\"}"))
              .body()
              .get("verifiableCredential"));
    }
  }

  static VcApi.Response issue(String body) {
    return API.issue(actor(), body.getBytes(StandardCharsets.UTF_8));
  }

  /** The caller as the organization's system actor under its own id, as the host passes it. */
  static Actor actor() {
    return CALLER.actor(Objects.requireNonNull(READER.organization()), ActorRole.SYSTEM);
  }

  static VcApi.Response verify(String body) {
    return API.verify(body.getBytes(StandardCharsets.UTF_8));
  }

  private static SecureRandom seeded() {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(42);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void remember(JsonNode credential) {
    if (credential == null) {
      return;
    }
    ObjectNode copy = (ObjectNode) credential.deepCopy();
    String proof = JsonCanonicalizer.canonicalize(copy.remove("proof"));
    if (proof.contains("\"@context\"")) {
      // why: compared as the verifier hashes it (see aVerifyRequestIsVerifiedOnlyForWhatWasSigned)
      copy.set("@context", credential.get("proof").get("@context").deepCopy());
    }
    SIGNED.computeIfAbsent(JsonCanonicalizer.canonicalize(copy), k -> new HashSet<>()).add(proof);
  }

  private static String lists() {
    CertificateService certs = TP.certificates();
    return certs.statusListCredential(READER, CertificateService.REVOCATION)
        + certs.statusListCredential(READER, CertificateService.SUPERSEDED);
  }

  @FuzzTest(maxDuration = "10s")
  void anIssueRequestIsSignedOrRefusedNeverAnError(byte[] input) {
    VcApi.Response response = API.issue(actor(), input);
    assertThat(response.status()).as(response.body().toString()).isIn(201, 400, 422);
    if (response.status() == 201) {
      ObjectNode request = StrictJson.mapper().createObjectNode();
      request.set("verifiableCredential", response.body().get("verifiableCredential"));
      VcApi.Response verified = verify(StrictJson.write(request));
      assertThat(verified.status())
          .as("what was issued verifies: " + verified.body())
          .isEqualTo(200);
    }
    checkNothingWritten();
  }

  @FuzzTest(maxDuration = "10s")
  void aVerifyRequestIsVerifiedOnlyForWhatWasSigned(byte[] input) {
    VcApi.Response response = API.verify(input);
    assertThat(response.status()).as(response.body().toString()).isIn(200, 400, 422);
    if (response.status() == 200) {
      // why: a 200 means the bytes were well-formed UTF-8, so this decoding is exact
      String body = new String(input, StandardCharsets.UTF_8);
      ObjectNode vc = (ObjectNode) StrictJson.parse(body).get("verifiableCredential").deepCopy();
      JsonNode proofs = vc.remove("proof");
      JsonNode first = proofs.isArray() ? proofs.get(0) : proofs;
      // why: the JCS suites hash the document with the proof's @context, which the document's
      // need only start with (VC DI EdDSA 1.0 section 3.3.2 step 4); RDFC proofs carry none
      if (first != null && first.has("@context")) {
        vc.set("@context", first.get("@context").deepCopy());
      }
      String document = JsonCanonicalizer.canonicalize(vc);
      assertThat(SIGNED).as("a verified document was signed by this host").containsKey(document);
      List<JsonNode> all = new ArrayList<>();
      if (proofs.isArray()) {
        proofs.forEach(all::add);
      } else {
        all.add(proofs);
      }
      for (JsonNode proof : all) {
        assertThat(SIGNED.get(document)).contains(JsonCanonicalizer.canonicalize(proof));
      }
    } else {
      assertThat(response.body().path("verified").asBoolean(true)).isFalse();
    }
    checkNothingWritten();
  }

  private static void checkNothingWritten() {
    if (executions++ % 64 == 0) {
      assertThat(lists()).isEqualTo(LISTS);
    }
  }
}
