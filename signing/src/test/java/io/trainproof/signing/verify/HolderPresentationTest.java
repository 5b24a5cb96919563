package io.trainproof.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ValidationException;
import io.trainproof.core.spi.CredentialIssuer.HolderProof;
import io.trainproof.core.spi.CredentialIssuer.HolderProofResult;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.internal.Multibase;
import io.trainproof.signing.jcs.JsonLimits;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.JsonLdContexts;
import io.trainproof.signing.proof.ProofOptions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DID Authentication presentations signed in Java by did:key holders (Ed25519 and P-256), with the
 * module's own Data Integrity signing and purpose {@code authentication}: what {@link
 * HolderProofVerifier} accepts, and each thing it refuses, by the field it names.
 */
class HolderPresentationTest {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final String CHALLENGE = "8b1f0d7c-challenge-3e2a";
  static final String DOMAIN = "https://trainproof.example.org";

  final SecureRandom random = Fixture.deterministicRandom(2101);
  final SigningKey ed25519 = holderKey(KeyAlgorithm.ED25519, random);
  final SigningKey p256 = holderKey(KeyAlgorithm.P256, random);
  final DataIntegrity di = new DataIntegrity();
  final HolderProofVerifier verifier = new HolderProofVerifier(Fixture.at(NOW));

  static SigningKey holderKey(KeyAlgorithm algorithm, SecureRandom random) {
    SigningKey key = SigningKey.generate(algorithm, "pending", random);
    return key.withKeyId(key.publicKey().didKeyVerificationMethod());
  }

  static String did(SigningKey key) {
    return key.publicKey().didKey();
  }

  static ObjectNode unsignedVp(String context, @Nullable String holder) {
    ObjectNode vp = StrictJson.mapper().createObjectNode();
    vp.putArray("@context").add(context);
    vp.putArray("type").add("VerifiablePresentation");
    if (holder != null) {
      vp.put("holder", holder);
    }
    return vp;
  }

  String sign(ObjectNode vp, ProofOptions options, SigningKey key) {
    return di.addProofToJson(vp, options, key);
  }

  String didAuth(String context, Cryptosuite suite, SigningKey key) {
    return sign(
        unsignedVp(context, did(key)),
        ProofOptions.authentication(suite, NOW.minusSeconds(20), CHALLENGE, DOMAIN),
        key);
  }

  HolderProofResult verify(String vp) {
    return verifier.verify(new HolderProof(HolderProof.Kind.PRESENTATION, vp, CHALLENGE, DOMAIN));
  }

  static void refused(Runnable call, String field) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @ParameterizedTest(name = "{0} with {1}")
  @CsvSource({
    "https://www.w3.org/ns/credentials/v2, eddsa-rdfc-2022, ED25519",
    "https://www.w3.org/ns/credentials/v2, eddsa-jcs-2022, ED25519",
    "https://www.w3.org/ns/credentials/v2, ecdsa-jcs-2019, P256",
    "https://www.w3.org/ns/credentials/v2, ecdsa-rdfc-2019, P256",
    "https://www.w3.org/2018/credentials/v1, eddsa-rdfc-2022, ED25519",
    "https://www.w3.org/2018/credentials/v1, eddsa-jcs-2022, ED25519",
    "https://www.w3.org/2018/credentials/v1, ecdsa-jcs-2019, P256"
  })
  void acceptsADidAuthenticationPresentation(String context, String suiteId, KeyAlgorithm alg) {
    SigningKey key = alg == KeyAlgorithm.ED25519 ? ed25519 : p256;
    String vp = didAuth(context, Cryptosuite.fromId(suiteId).orElseThrow(), key);

    HolderProofResult result = verify(vp);

    assertThat(result.holder())
        .isEqualTo(did(key))
        .startsWith(alg == KeyAlgorithm.ED25519 ? "did:key:z6Mk" : "did:key:zDn");
    assertThat(result.nonce()).isEqualTo(CHALLENGE);
  }

  @Test
  void acceptsAPresentationWithoutHolderOrWithHolderAsAnObject() {
    String without =
        sign(
            unsignedVp(JsonLdContexts.CREDENTIALS_V2, null),
            ProofOptions.authentication(Cryptosuite.EDDSA_JCS_2022, NOW, CHALLENGE, DOMAIN),
            ed25519);
    assertThat(verify(without).holder()).isEqualTo(did(ed25519));

    ObjectNode vp = unsignedVp(JsonLdContexts.CREDENTIALS_V2, null);
    vp.putObject("holder").put("id", did(p256));
    String asObject =
        sign(
            vp,
            ProofOptions.authentication(Cryptosuite.ECDSA_JCS_2019, NOW, CHALLENGE, DOMAIN),
            p256);
    assertThat(verify(asObject).holder()).isEqualTo(did(p256));
  }

  @Test
  void acceptsATypeWrittenAsOneString() {
    ObjectNode vp = unsignedVp(JsonLdContexts.CREDENTIALS_V2, did(ed25519));
    vp.put("type", "VerifiablePresentation");
    String signed =
        sign(
            vp,
            ProofOptions.authentication(Cryptosuite.EDDSA_RDFC_2022, NOW, CHALLENGE, DOMAIN),
            ed25519);
    assertThat(verify(signed).holder()).isEqualTo(did(ed25519));
  }

  @Test
  void acceptsCreatedUpToFiveMinutesAheadAndAnExpiryStillToCome() {
    String vp =
        sign(
            unsignedVp(JsonLdContexts.CREDENTIALS_V2, did(ed25519)),
            ProofOptions.authentication(
                    Cryptosuite.EDDSA_RDFC_2022, NOW.plus(Duration.ofMinutes(5)), CHALLENGE, DOMAIN)
                .withExpires(NOW.plusSeconds(1)),
            ed25519);
    assertThat(verify(vp).holder()).isEqualTo(did(ed25519));
  }

  /** A proof written by hand (a domain array), signed as the suite signs: JCS proof config. */
  String signWithProof(ObjectNode vp, ObjectNode proof, SigningKey key, Cryptosuite suite) {
    ObjectNode unsecured = vp.deepCopy();
    proof.set("@context", unsecured.get("@context").deepCopy());
    byte[] hashData =
        di.trace(suite, key.algorithm(), unsecured, di.proofConfig(suite, proof, unsecured))
            .hashData();
    proof.put("proofValue", Multibase.encodeBase58(key.sign(hashData)));
    ObjectNode secured = vp.deepCopy();
    secured.set("proof", proof);
    return StrictJson.write(secured);
  }

  ObjectNode proofOptions(SigningKey key, Cryptosuite suite) {
    ObjectNode proof = StrictJson.mapper().createObjectNode();
    proof.put("type", "DataIntegrityProof");
    proof.put("cryptosuite", suite.id());
    proof.put("created", "2026-06-01T11:59:00Z");
    proof.put("verificationMethod", key.keyId());
    proof.put("proofPurpose", "authentication");
    proof.put("challenge", CHALLENGE);
    return proof;
  }

  @Test
  void acceptsADomainArrayHoldingTheDomainAndRefusesOneWithout() {
    ObjectNode proof = proofOptions(ed25519, Cryptosuite.EDDSA_JCS_2022);
    proof.putArray("domain").add("https://other.example").add(DOMAIN);
    String vp =
        signWithProof(
            unsignedVp(JsonLdContexts.CREDENTIALS_V2, did(ed25519)),
            proof,
            ed25519,
            Cryptosuite.EDDSA_JCS_2022);
    assertThat(verify(vp).holder()).isEqualTo(did(ed25519));

    ObjectNode other = proofOptions(ed25519, Cryptosuite.EDDSA_JCS_2022);
    other.putArray("domain").add("https://other.example");
    String elsewhere =
        signWithProof(
            unsignedVp(JsonLdContexts.CREDENTIALS_V2, did(ed25519)),
            other,
            ed25519,
            Cryptosuite.EDDSA_JCS_2022);
    refused(() -> verify(elsewhere), "domain");

    String none =
        signWithProof(
            unsignedVp(JsonLdContexts.CREDENTIALS_V2, did(ed25519)),
            proofOptions(ed25519, Cryptosuite.EDDSA_JCS_2022),
            ed25519,
            Cryptosuite.EDDSA_JCS_2022);
    refused(() -> verify(none), "domain");
  }

  @Test
  void refusesAPresentationSignedByAnotherKeyThanItsVerificationMethod() {
    SigningKey impostor = SigningKey.generate(KeyAlgorithm.ED25519, ed25519.keyId(), random);
    for (Cryptosuite suite : List.of(Cryptosuite.EDDSA_RDFC_2022, Cryptosuite.EDDSA_JCS_2022)) {
      String vp =
          sign(
              unsignedVp(JsonLdContexts.CREDENTIALS_V2, did(ed25519)),
              ProofOptions.authentication(suite, NOW, CHALLENGE, DOMAIN),
              impostor);
      refused(() -> verify(vp), "proof");
    }
  }

  @Test
  void refusesAnotherChallengeAndTheChallengeIsSigned() {
    String vp = didAuth(JsonLdContexts.CREDENTIALS_V2, Cryptosuite.EDDSA_RDFC_2022, ed25519);
    refused(
        () ->
            verifier.verify(
                new HolderProof(HolderProof.Kind.PRESENTATION, vp, "another-challenge", DOMAIN)),
        "challenge");
    refused(
        () -> verifier.verify(new HolderProof(HolderProof.Kind.PRESENTATION, vp, null, DOMAIN)),
        "challenge");

    // the proof's challenge rewritten to the expected one: the signature no longer verifies
    ObjectNode tampered =
        (ObjectNode)
            StrictJson.parse(
                didAuth(JsonLdContexts.CREDENTIALS_V2, Cryptosuite.EDDSA_JCS_2022, ed25519));
    ((ObjectNode) tampered.get("proof")).put("challenge", "rewritten");
    refused(
        () ->
            verifier.verify(
                new HolderProof(
                    HolderProof.Kind.PRESENTATION,
                    StrictJson.write(tampered),
                    "rewritten",
                    DOMAIN)),
        "proof");
  }

  @Test
  void refusesAnotherDomainAndTheDomainIsSigned() {
    String vp = didAuth(JsonLdContexts.CREDENTIALS_V2, Cryptosuite.ECDSA_JCS_2019, p256);
    refused(
        () ->
            verifier.verify(
                new HolderProof(
                    HolderProof.Kind.PRESENTATION, vp, CHALLENGE, "https://evil.example")),
        "domain");

    ObjectNode tampered = (ObjectNode) StrictJson.parse(vp);
    ((ObjectNode) tampered.get("proof")).put("domain", "https://evil.example");
    refused(
        () ->
            verifier.verify(
                new HolderProof(
                    HolderProof.Kind.PRESENTATION,
                    StrictJson.write(tampered),
                    CHALLENGE,
                    "https://evil.example")),
        "proof");
  }

  @Test
  void refusesAnotherProofPurpose() {
    String vp =
        sign(
            unsignedVp(JsonLdContexts.CREDENTIALS_V2, did(ed25519)),
            new ProofOptions(
                Cryptosuite.EDDSA_JCS_2022,
                NOW,
                "assertionMethod",
                null,
                List.of(),
                CHALLENGE,
                DOMAIN,
                null),
            ed25519);
    refused(() -> verify(vp), "proof");
  }

  @Test
  void refusesAProofCreatedTooFarAheadOrExpired() {
    String future =
        sign(
            unsignedVp(JsonLdContexts.CREDENTIALS_V2, did(ed25519)),
            ProofOptions.authentication(
                Cryptosuite.EDDSA_JCS_2022,
                NOW.plus(Duration.ofMinutes(5)).plusSeconds(1),
                CHALLENGE,
                DOMAIN),
            ed25519);
    refused(() -> verify(future), "created");

    String expired =
        sign(
            unsignedVp(JsonLdContexts.CREDENTIALS_V2, did(ed25519)),
            ProofOptions.authentication(
                    Cryptosuite.EDDSA_JCS_2022, NOW.minusSeconds(600), CHALLENGE, DOMAIN)
                .withExpires(NOW),
            ed25519);
    refused(() -> verify(expired), "expires");
  }

  @Test
  void refusesAHolderThatIsNotTheSigner() {
    String vp =
        sign(
            unsignedVp(JsonLdContexts.CREDENTIALS_V2, did(p256)),
            ProofOptions.authentication(Cryptosuite.EDDSA_JCS_2022, NOW, CHALLENGE, DOMAIN),
            ed25519);
    refused(() -> verify(vp), "holder");
  }

  @Test
  void refusesAVerificationMethodThatIsNotADidKey() {
    SigningKey web = ed25519.withKeyId("did:web:holder.example#key-1");
    String vp =
        sign(
            unsignedVp(JsonLdContexts.CREDENTIALS_V2, null),
            ProofOptions.authentication(Cryptosuite.EDDSA_JCS_2022, NOW, CHALLENGE, DOMAIN),
            web);
    refused(() -> verify(vp), "proof");
  }

  @Test
  void refusesWhatIsNotAPresentation() {
    ObjectNode notVp =
        (ObjectNode)
            StrictJson.parse(
                didAuth(JsonLdContexts.CREDENTIALS_V2, Cryptosuite.EDDSA_JCS_2022, ed25519));
    notVp.putArray("type").add("SomethingElse");
    assertThatThrownBy(() -> verify(StrictJson.write(notVp)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("proof");
              assertThat(e.getMessage()).contains("VerifiablePresentation");
            });
    notVp.put("type", "SomethingElse");
    assertThatThrownBy(() -> verify(StrictJson.write(notVp)))
        .hasMessageContaining("VerifiablePresentation");
    notVp.remove("type");
    assertThatThrownBy(() -> verify(StrictJson.write(notVp)))
        .hasMessageContaining("VerifiablePresentation");

    ObjectNode otherContext = unsignedVp("https://example.org/context", null);
    String signedOther =
        sign(
            otherContext,
            ProofOptions.authentication(Cryptosuite.EDDSA_JCS_2022, NOW, CHALLENGE, DOMAIN),
            ed25519);
    refused(() -> verify(signedOther), "proof");

    refused(() -> verify("[1, 2]"), "proof");
    refused(() -> verify("{\"a\": 1, \"a\": 2}"), "proof");
    refused(
        () -> verify(StrictJson.write(unsignedVp(JsonLdContexts.CREDENTIALS_V2, null))), "proof");
  }

  @Test
  void refusesAProofSet() {
    ObjectNode vp =
        (ObjectNode)
            StrictJson.parse(
                didAuth(JsonLdContexts.CREDENTIALS_V2, Cryptosuite.EDDSA_JCS_2022, ed25519));
    ArrayNode set = vp.arrayNode();
    set.add(vp.get("proof").deepCopy()).add(vp.get("proof").deepCopy());
    vp.set("proof", set);
    refused(() -> verify(StrictJson.write(vp)), "proof");
  }

  @Test
  void refusesAnOversizeOrTooDeepPresentationBeforeLookingAtIt() {
    HolderProofVerifier small =
        new HolderProofVerifier(Fixture.at(NOW), di, new JsonLimits(4_000, 8));
    String vp = didAuth(JsonLdContexts.CREDENTIALS_V2, Cryptosuite.EDDSA_JCS_2022, ed25519);
    assertThat(
            small
                .verify(new HolderProof(HolderProof.Kind.PRESENTATION, vp, CHALLENGE, DOMAIN))
                .holder())
        .isEqualTo(did(ed25519));

    String big = vp.substring(0, vp.length() - 1) + ", \"pad\": \"" + "x".repeat(4_000) + "\"}";
    assertThatThrownBy(
            () ->
                small.verify(
                    new HolderProof(HolderProof.Kind.PRESENTATION, big, CHALLENGE, DOMAIN)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("proof");
              assertThat(e.getMessage()).contains("larger").doesNotContain("xxxx");
            });
    String deep = "{\"a\":" + "[".repeat(20) + "]".repeat(20) + "}";
    refused(
        () -> small.verify(new HolderProof(HolderProof.Kind.PRESENTATION, deep, CHALLENGE, DOMAIN)),
        "proof");
    // the default limit: 2 MiB
    String huge = "{\"pad\": \"" + "x".repeat(JsonLimits.DEFAULT.maxChars()) + "\"}";
    refused(() -> verify(huge), "proof");
  }

  @Test
  void aRefusalNeverEchoesTheProof() {
    String vp = didAuth(JsonLdContexts.CREDENTIALS_V2, Cryptosuite.EDDSA_JCS_2022, ed25519);
    String proofValue = StrictJson.parse(vp).at("/proof/proofValue").asText();
    assertThatThrownBy(
            () ->
                verifier.verify(
                    new HolderProof(HolderProof.Kind.PRESENTATION, vp, "other", DOMAIN)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.getMessage()).doesNotContain(CHALLENGE).doesNotContain(proofValue);
              assertThat(e.value()).isEqualTo(HolderProofVerifier.NOT_SHOWN);
            });
  }
}
