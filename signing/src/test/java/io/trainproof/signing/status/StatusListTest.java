package io.trainproof.signing.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainproof.core.ConflictException;
import io.trainproof.core.ValidationException;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.credential.IssuedCredential;
import io.trainproof.signing.credential.StandaloneCredentialIssuer;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.verify.FailureReason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class StatusListTest {

  @Test
  void encodeDecodeRoundTripWithBitZeroTheMostSignificantBitOfByteZero() throws Exception {
    StatusBitstring bits = StatusBitstring.empty(131_072);
    Random random = new Random(3);
    Set<Integer> set = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      int index = random.nextInt(131_072);
      set.add(index);
      bits = bits.withBit(index);
    }
    bits = bits.withBit(0).withBit(131_071);
    set.add(0);
    set.add(131_071);

    String encoded = bits.encode();
    assertThat(encoded).startsWith("u").doesNotContain("=", "+", "/");
    StatusBitstring decoded = StatusBitstring.decode(encoded);
    assertThat(decoded).isEqualTo(bits);
    assertThat(decoded.cardinality()).isEqualTo(set.size());
    for (int index : set) {
      assertThat(decoded.get(index)).isTrue();
    }

    byte[] raw =
        new GZIPInputStream(
                new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1))))
            .readAllBytes();
    assertThat(raw).hasSize(16_384);
    assertThat(raw[0] & 0x80).isEqualTo(0x80);
    assertThat(raw[16_383] & 0x01).isEqualTo(0x01);
  }

  @Test
  void listsAreAtLeast131072EntriesAndGzipBombsAreRefused() throws Exception {
    assertThatThrownBy(() -> StatusBitstring.empty(1024)).isInstanceOf(ValidationException.class);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(new byte[StatusBitstring.MAX_SIZE / 8 + 1]);
    }
    String bomb = "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    assertThatThrownBy(() -> StatusBitstring.decode(bomb)).hasMessageContaining("longer");
  }

  @Test
  void indexesAreRandomAndNeverReusedEvenAcrossRestarts() {
    IssuerStatusLists lists =
        IssuerStatusLists.create(
            Fixture.DID, "https://x.example/status/1", 131_072, new SecureRandom());
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 3_000; i++) {
      assertThat(seen.add(lists.allocate())).isTrue();
    }
    IssuerStatusLists restored = IssuerStatusLists.fromJson(lists.toJson(), new SecureRandom());
    for (int i = 0; i < 3_000; i++) {
      assertThat(seen.add(restored.allocate())).isTrue();
    }
    // random, not sequential: the indexes spread over the list
    assertThat(seen.stream().mapToInt(Integer::intValue).max().orElseThrow())
        .isGreaterThan(100_000);
  }

  @Test
  void aFullListRefusesToAllocate() throws Exception {
    byte[] almostFull = new byte[131_072 / 8];
    Arrays.fill(almostFull, (byte) 0xff);
    almostFull[almostFull.length - 1] = (byte) 0xfe;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(almostFull);
    }
    String allocated =
        "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    String empty = StatusBitstring.empty(131_072).encode();
    IssuerStatusLists lists =
        IssuerStatusLists.fromJson(
            "{\"type\":\"TrainproofIssuerStatusLists\",\"issuer\":\""
                + Fixture.DID
                + "\",\"baseUrl\":\"https://x.example/s\","
                + "\"allocated\":\""
                + allocated
                + "\",\"revocation\":\""
                + empty
                + "\",\"superseded\":\""
                + empty
                + "\"}",
            new SecureRandom());
    assertThat(lists.allocate()).isEqualTo(131_071);
    assertThatThrownBy(lists::allocate).isInstanceOf(ConflictException.class);
  }

  @Test
  void revocationReturnsTheReasonNeverClearsAndFailsVerification() {
    Fixture f = new Fixture();
    StandaloneCredentialIssuer issuer = f.issuer();
    IssuedCredential certificate = issuer.issueCertificate(Fixture.certificate());
    IssuedCredential other = issuer.issueCertificate(Fixture.certificate());

    StatusChange change = issuer.revoke(certificate.statusIndex(), "completion record disputed");

    assertThat(change.reason()).isEqualTo("completion record disputed");
    assertThat(change.purpose()).isEqualTo(StatusPurpose.REVOCATION);
    assertThat(change.at()).isEqualTo(Fixture.ISSUED);
    assertThatThrownBy(() -> issuer.revoke(certificate.statusIndex(), "again"))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> issuer.revoke(certificate.statusIndex() ^ 1, "never issued"))
        .isInstanceOf(ValidationException.class);
    IssuerStatusLists restored =
        IssuerStatusLists.fromJson(f.statusLists.toJson(), new SecureRandom());
    assertThat(restored.isSet(StatusPurpose.REVOCATION, certificate.statusIndex())).isTrue();

    String published = issuer.statusListCredential(StatusPurpose.REVOCATION);
    JsonNode list = StrictJson.parse(published);
    assertThat(list.get("type").toString()).contains("BitstringStatusListCredential");
    assertThat(list.at("/credentialSubject/statusPurpose").asText()).isEqualTo("revocation");
    assertThat(
            StatusBitstring.decode(list.at("/credentialSubject/encodedList").asText())
                .get(certificate.statusIndex()))
        .isTrue();
    assertThat(list.has("proof")).isTrue();

    // the lists as published when the verifier runs (a list is valid for a week)
    var verifier = f.verifier(f.bundle(), Fixture.VERIFIED);
    assertThat(verifier.verify(certificate.json()).failureReasons())
        .containsExactly(FailureReason.REVOKED);
    assertThat(verifier.verify(other.json()).verified()).isTrue();
  }
}
