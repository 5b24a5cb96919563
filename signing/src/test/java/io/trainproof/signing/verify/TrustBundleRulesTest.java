package io.trainproof.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ValidationException;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a verifier trusts offline: each issuer once, each status list once, keys looked up only
 * under their own issuer, and a saved bundle that reads back the same or not at all.
 */
class TrustBundleRulesTest {
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private final Fixture f = new Fixture();
  private final SigningKey other =
      SigningKey.generate(KeyAlgorithm.ED25519, "did:web:other.example#k1", f.random);
  private final IssuerKeyHistory otherHistory =
      IssuerKeyHistory.start("did:web:other.example", other.keyId(), other.publicKey(), FROM);

  private static String list(String id) {
    return "{\"id\":\""
        + id
        + "\",\"type\":[\"VerifiableCredential\",\"BitstringStatusListCredential\"]}";
  }

  @Test
  void keysAreFoundOnlyUnderTheIssuerThatPublishedThem() {
    TrustBundle bundle = TrustBundle.of(List.of(f.history, otherHistory), List.of());
    // why: the bundle keeps issuers in an unordered map; only membership is promised
    assertThat(bundle.issuerDids()).containsExactlyInAnyOrder(Fixture.DID, "did:web:other.example");
    assertThat(bundle.issuer(Fixture.DID)).containsSame(f.history);
    assertThat(bundle.issuer("did:web:unknown.example")).isEmpty();
    assertThat(bundle.key(f.key1.keyId()))
        .hasValueSatisfying(
            k -> {
              assertThat(k.issuerDid()).isEqualTo(Fixture.DID);
              assertThat(k.record().key()).isEqualTo(f.key1.publicKey());
            });
    assertThat(bundle.key(Fixture.DID)).as("no fragment").isEmpty();
    assertThat(bundle.key("did:web:unknown.example#k1")).isEmpty();
    assertThat(bundle.key(Fixture.DID + "#unknown")).isEmpty();
    // The other issuer's key id under this issuer's DID is not a key of this issuer.
    assertThat(bundle.key(Fixture.DID + "#k1")).isEmpty();
    assertThat(bundle.key(other.keyId()))
        .map(TrustBundle.TrustedKey::issuerDid)
        .contains("did:web:other.example");
  }

  @Test
  void anIssuerOrAStatusListAppearsOnlyOnce() {
    assertThatThrownBy(() -> TrustBundle.of(List.of(f.history, f.history), List.of()))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("issuers"));
    assertThatThrownBy(
            () ->
                TrustBundle.of(
                    List.of(),
                    List.of(list("https://x.example/s/1"), list("https://x.example/s/1"))))
        .isInstanceOf(UnusableInputException.class);
    assertThatThrownBy(() -> TrustBundle.of(List.of(), List.of("{\"type\":\"no id\"}")))
        .isInstanceOf(UnusableInputException.class);
    assertThatThrownBy(() -> TrustBundle.of(List.of(), List.of("{\"id\":42}")))
        .isInstanceOf(UnusableInputException.class);
    assertThatThrownBy(() -> TrustBundle.of(List.of(), List.of("[\"not an object\"]")))
        .isInstanceOf(UnusableInputException.class);
  }

  @Test
  void statusListsAreHandedOutAsCopies() {
    TrustBundle bundle = TrustBundle.of(List.of(f.history), List.of(list("https://x.example/s/1")));
    ObjectNode first = bundle.statusList("https://x.example/s/1").orElseThrow();
    first.put("id", "tampered");
    assertThat(bundle.statusList("https://x.example/s/1"))
        .map(l -> l.get("id").asText())
        .contains("https://x.example/s/1");
    assertThat(bundle.statusList("https://x.example/s/2")).isEmpty();
  }

  @Test
  void aSavedBundleReadsBackTheSameOrIsRefused() {
    TrustBundle bundle =
        TrustBundle.of(List.of(f.history, otherHistory), List.of(list("https://x.example/s/1")));
    TrustBundle loaded = TrustBundle.fromJson(bundle.toJson());
    assertThat(loaded.issuerDids()).containsExactlyInAnyOrder(Fixture.DID, "did:web:other.example");
    assertThat(loaded.issuer(Fixture.DID).orElseThrow().keys()).isEqualTo(f.history.keys());
    assertThat(loaded.statusList("https://x.example/s/1")).isPresent();
    assertThat(loaded.issuer("did:web:other.example").orElseThrow().keys())
        .isEqualTo(otherHistory.keys());

    String json = bundle.toJson();
    assertThatThrownBy(
            () ->
                TrustBundle.fromJson(json.replace("\"TrainproofTrustBundle\"", "\"OtherBundle\"")))
        .isInstanceOf(UnusableInputException.class);
    assertThatThrownBy(
            () -> TrustBundle.fromJson(json.replaceFirst("\"version\" ?: ?1", "\"version\" : 2")))
        .isInstanceOf(UnusableInputException.class);
    String twice =
        TrustBundle.of(List.of(f.history), List.of())
            .toJson()
            .replaceFirst("\"issuers\" ?: ?\\[", "\"issuers\" : [ " + f.history.toJsonNode() + ",");
    assertThatThrownBy(() -> TrustBundle.fromJson(twice))
        .isInstanceOfSatisfying(
            UnusableInputException.class, e -> assertThat(e.getMessage()).contains("twice"));
    String listTwice =
        "{\"type\":\"TrainproofTrustBundle\",\"version\":1,\"issuers\":[],\"statusLists\":["
            + list("https://x.example/s/1")
            + ","
            + list("https://x.example/s/1")
            + "]}";
    assertThatThrownBy(() -> TrustBundle.fromJson(listTwice))
        .isInstanceOf(UnusableInputException.class);
    TrustBundle empty = TrustBundle.fromJson("{\"type\":\"TrainproofTrustBundle\",\"version\":1}");
    assertThat(empty.issuerDids()).isEmpty();
  }
}
