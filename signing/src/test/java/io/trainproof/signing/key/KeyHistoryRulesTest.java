package io.trainproof.signing.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ConflictException;
import io.trainproof.core.ValidationException;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.UnusableInputException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The rules an issuer's key history keeps, whether built in code or loaded from its published JSON:
 * a did:web issuer, key ids under it, never a key id or key bytes twice, at most one active key,
 * and each key valid from its start up to (not including) its retirement.
 */
class KeyHistoryRulesTest {
  private static final String DID = "did:web:a.example";
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant ROTATED = Instant.parse("2026-07-01T00:00:00Z");
  private final SecureRandom random = Fixture.deterministicRandom(11);
  private final SigningKey k1 = SigningKey.generate(KeyAlgorithm.ED25519, DID + "#k1", random);
  private final SigningKey k2 = SigningKey.generate(KeyAlgorithm.P256, DID + "#k2", random);

  private IssuerKeyHistory rotated() {
    return IssuerKeyHistory.start(DID, k1.keyId(), k1.publicKey(), FROM)
        .rotate(k2.keyId(), k2.publicKey(), ROTATED);
  }

  @Test
  void aKeyIsValidFromItsStartUpToButNotIncludingItsRetirement() {
    KeyRecord retired = rotated().find(k1.keyId()).orElseThrow();
    assertThat(retired.active()).isFalse();
    assertThat(retired.validAt(FROM.minusNanos(1))).isFalse();
    assertThat(retired.validAt(FROM)).isTrue();
    assertThat(retired.validAt(ROTATED.minusNanos(1))).isTrue();
    assertThat(retired.validAt(ROTATED)).isFalse();
    KeyRecord active = rotated().find(k2.keyId()).orElseThrow();
    assertThat(active.active()).isTrue();
    assertThat(active.validAt(ROTATED.minusNanos(1))).isFalse();
    assertThat(active.validAt(Instant.parse("2100-01-01T00:00:00Z"))).isTrue();
    // A key retired the instant it started is allowed (and never valid); one retired before is not.
    assertThat(new KeyRecord("k", k1.publicKey(), FROM, FROM).validAt(FROM)).isFalse();
    assertThatThrownBy(() -> new KeyRecord("k", k1.publicKey(), FROM, FROM.minusNanos(1)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("retiredAt"));
  }

  @Test
  void rotatingRetiresTheActiveKeyAtTheRotationInstantAndNeverGoesBackInTime() {
    IssuerKeyHistory history = rotated();
    assertThat(history.did()).isEqualTo(DID);
    assertThat(history.keys()).extracting(KeyRecord::id).containsExactly(k1.keyId(), k2.keyId());
    assertThat(history.keys().get(0).retiredAt()).isEqualTo(ROTATED);
    assertThat(history.keys().get(1).activeFrom()).isEqualTo(ROTATED);
    assertThat(history.active()).map(KeyRecord::id).contains(k2.keyId());
    assertThat(history.find(DID + "#unknown")).isEmpty();
    assertThat(history).hasToString("IssuerKeyHistory[" + DID + ", 2 keys]");

    // A third key retires only the active one; the retired one keeps its own retirement.
    SigningKey k3 = SigningKey.generate(KeyAlgorithm.ED25519, DID + "#k3", random);
    Instant third = ROTATED.plusSeconds(86_400);
    IssuerKeyHistory again = history.rotate(k3.keyId(), k3.publicKey(), third);
    assertThat(again.keys()).extracting(KeyRecord::retiredAt).containsExactly(ROTATED, third, null);

    // Rotating at the active key's own start is fine; before it is refused.
    IssuerKeyHistory start = IssuerKeyHistory.start(DID, k1.keyId(), k1.publicKey(), FROM);
    assertThat(start.rotate(k2.keyId(), k2.publicKey(), FROM).keys().get(0).retiredAt())
        .isEqualTo(FROM);
    assertThatThrownBy(() -> start.rotate(k2.keyId(), k2.publicKey(), FROM.minusSeconds(1)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("at"));
  }

  @Test
  void theIssuerIsADidWebADidKeyOrAnHttpsUrlAndKeyIdsAreFragmentsOfIt() {
    assertThatThrownBy(
            () -> IssuerKeyHistory.start("did:key:z6Mk", "did:key:z6Mk#k1", k1.publicKey(), FROM))
        .as("a did:key that encodes no key")
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("did"));
    for (String notAnIssuer :
        List.of(
            "did:example:123",
            "http://issuer.example/1",
            "https://issuer.example/1?x=1",
            "https://user@issuer.example/1",
            "https://issuer.example/1#frag",
            "ftp://issuer.example")) {
      assertThatThrownBy(
              () -> IssuerKeyHistory.start(notAnIssuer, notAnIssuer + "#k1", k1.publicKey(), FROM))
          .as(notAnIssuer)
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("did"));
    }
    // an https issuer (Open Badges 3.0) with its keys as fragments of its URL
    String https = "https://issuer.example/issuers/565049";
    assertThat(IssuerKeyHistory.start(https, https + "#key-1", k1.publicKey(), FROM).did())
        .isEqualTo(https);
    // a did:key issuer names exactly its own key: the fragment repeats the value, and the key is it
    String didKey = "did:key:" + k1.publicKey().multibase();
    String didKeyId = didKey + "#" + k1.publicKey().multibase();
    assertThat(IssuerKeyHistory.start(didKey, didKeyId, k1.publicKey(), FROM).find(didKeyId))
        .isPresent();
    assertThatThrownBy(() -> IssuerKeyHistory.start(didKey, didKeyId, k2.publicKey(), FROM))
        .as("a did:key history claiming another key")
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("keyId"));
    assertThatThrownBy(
            () -> IssuerKeyHistory.start(didKey, didKey + "#key-1", k1.publicKey(), FROM))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("keyId"));
    assertThatThrownBy(
            () -> IssuerKeyHistory.start(DID, "did:web:b.example#k1", k1.publicKey(), FROM))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("keyId"));
    assertThatThrownBy(() -> IssuerKeyHistory.start(DID, DID + "#", k1.publicKey(), FROM))
        .as("an empty fragment")
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("keyId"));
    assertThatThrownBy(() -> IssuerKeyHistory.start(DID, DID + "k1", k1.publicKey(), FROM))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("keyId"));
    assertThat(
            IssuerKeyHistory.start(
                    "did:web:a.example%3A8443:issuers:org-1",
                    "did:web:a.example%3A8443:issuers:org-1#x", k1.publicKey(), FROM)
                .keys())
        .hasSize(1);
  }

  private String edited(Consumer<ObjectNode> edit) {
    ObjectNode root = rotated().toJsonNode();
    edit.accept(root);
    return root.toString();
  }

  private static void unusable(String json) {
    assertThatThrownBy(() -> IssuerKeyHistory.fromJson(json))
        .isInstanceOfSatisfying(
            UnusableInputException.class, e -> assertThat(e.what()).isEqualTo("keyHistory"));
  }

  @Test
  void thePublishedFormCarriesRetirementOnlyForRetiredKeys() {
    ObjectNode json = rotated().toJsonNode();
    assertThat(json.get("type").asText()).isEqualTo("TrainproofIssuerKeyHistory");
    assertThat(json.get("did").asText()).isEqualTo(DID);
    assertThat(json.get("keys").get(0).get("retiredAt").asText()).isEqualTo(ROTATED.toString());
    assertThat(json.get("keys").get(1).has("retiredAt")).isFalse();
    assertThat(json.get("keys").get(1).get("activeFrom").asText()).isEqualTo(ROTATED.toString());
    assertThat(json.get("didDocument").get("id").asText()).isEqualTo(DID);
    assertThat(json.get("didDocument").get("verificationMethod").get(1).get("controller").asText())
        .isEqualTo(DID);
    assertThat(
            json.get("didDocument")
                .get("verificationMethod")
                .get(1)
                .get("publicKeyMultibase")
                .asText())
        .isEqualTo(k2.publicKey().multibase());
    assertThat(IssuerKeyHistory.fromJsonNode(json).active())
        .map(KeyRecord::id)
        .contains(k2.keyId());
  }

  @Test
  void aTamperedOrMalformedHistoryIsUnusableInput() {
    unusable(edited(root -> root.put("type", "SomethingElse")));
    unusable(edited(root -> root.remove("type")));
    unusable(edited(root -> root.put("did", 42)));
    unusable(edited(root -> root.remove("did")));
    unusable(edited(root -> root.putArray("keys")));
    unusable(edited(root -> root.put("keys", "k1")));
    unusable(edited(root -> ((ObjectNode) root.get("keys").get(0)).put("activeFrom", "yesterday")));
    unusable(edited(root -> ((ObjectNode) root.get("keys").get(0)).put("retiredAt", "2026-13-01")));
    unusable(edited(root -> ((ObjectNode) root.get("keys").get(0)).remove("publicKeyMultibase")));
    assertThatThrownBy(
            () ->
                IssuerKeyHistory.fromJson(
                    edited(
                        root ->
                            ((ObjectNode) root.get("keys").get(0))
                                .put("publicKeyMultibase", "zNotAKey"))))
        .isInstanceOf(UnusableInputException.class);
    // The retirement removed: two active keys.
    unusable(edited(root -> ((ObjectNode) root.get("keys").get(0)).remove("retiredAt")));
    // Retired before it started.
    unusable(
        edited(
            root ->
                ((ObjectNode) root.get("keys").get(0)).put("retiredAt", "2025-01-01T00:00:00Z")));
    // A key id or key bytes appearing twice.
    unusable(edited(root -> ((ObjectNode) root.get("keys").get(1)).put("id", k1.keyId())));
    unusable(
        edited(
            root ->
                ((ObjectNode) root.get("keys").get(1))
                    .put("publicKeyMultibase", k1.publicKey().multibase())));
    // A key outside the issuer.
    unusable(
        edited(
            root -> ((ObjectNode) root.get("keys").get(1)).put("id", "did:web:evil.example#k2")));
    // A null retirement reads as active.
    String nullRetired =
        edited(
            root -> {
              ArrayNode keys = (ArrayNode) root.get("keys");
              keys.remove(1);
              ((ObjectNode) keys.get(0)).putNull("retiredAt");
            });
    assertThat(IssuerKeyHistory.fromJson(nullRetired).active())
        .map(KeyRecord::id)
        .contains(k1.keyId());
  }

  @Test
  void keyIdsAndBytesAreNeverReusedAcrossRotations() {
    IssuerKeyHistory history = rotated();
    SigningKey k3 = SigningKey.generate(KeyAlgorithm.ED25519, DID + "#k3", random);
    assertThatThrownBy(() -> history.rotate(k1.keyId(), k3.publicKey(), ROTATED.plusSeconds(1)))
        .as("a retired key's id")
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.key()).isEqualTo(k1.keyId()));
    assertThatThrownBy(() -> history.rotate(k3.keyId(), k1.publicKey(), ROTATED.plusSeconds(1)))
        .as("a retired key's bytes")
        .isInstanceOf(ConflictException.class);
    assertThat(history.keys()).hasSize(2);
  }

  @Test
  void didKeyIdentifiersAreRecognisedByPrefixOnly() {
    VerificationKey pub = k1.publicKey();
    assertThat(DidKey.isDidKey(pub.didKey())).isTrue();
    assertThat(DidKey.isDidKey(DID)).isFalse();
    assertThat(DidKey.resolve(pub.didKey() + "#" + pub.multibase())).isEqualTo(pub);
    assertThatThrownBy(() -> DidKey.resolve(DID + "#k1"))
        .isInstanceOfSatisfying(
            UnusableInputException.class, e -> assertThat(e.what()).isEqualTo("did:key"));
    assertThatThrownBy(() -> DidKey.resolve(pub.didKey() + "#"))
        .isInstanceOf(UnusableInputException.class);
  }

  @Test
  void aRegistryFindsOnlyWhatWasRegistered() {
    KeyRegistry registry = new KeyRegistry();
    assertThat(registry.find(k1.keyId())).isEmpty();
    registry.register(k1.keyId(), k1.publicKey());
    assertThat(registry.find(k1.keyId())).contains(k1.publicKey());
    assertThat(registry.find(k2.keyId())).isEmpty();
    InMemoryKeyProvider provider = new InMemoryKeyProvider().add(k1).add(k1);
    assertThat(provider.signer(k1.keyId())).containsSame(k1);
    assertThat(provider.signer(k2.keyId())).isEmpty();
  }

  @Test
  void keysAreValuesThatNameThemselvesWithoutTheirSecret() {
    VerificationKey copy = new VerificationKey(k1.publicKey().algorithm(), k1.publicKey().bytes());
    assertThat(copy).isEqualTo(k1.publicKey()).hasSameHashCodeAs(k1.publicKey());
    assertThat(new HashSet<>(List.of(copy, k1.publicKey(), k2.publicKey()))).hasSize(2);
    assertThat(k1.publicKey())
        .hasToString("VerificationKey[ED25519, " + k1.publicKey().multibase() + "]");
    assertThat(k1.toString())
        .contains(k1.keyId(), k1.publicKey().multibase())
        .doesNotContain(k1.toPrivateMultikey());
  }
}
