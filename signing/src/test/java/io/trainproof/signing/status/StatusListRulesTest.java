package io.trainproof.signing.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ConflictException;
import io.trainproof.core.ValidationException;
import io.trainproof.signing.Fixture;
import io.trainproof.signing.UnusableInputException;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Bitstring Status List rules at their edges: list sizes, index bounds, bit order, saved lists,
 * allocation when random picks keep colliding, and the one-way revoke and supersede.
 */
class StatusListRulesTest {
  private static final int SIZE = StatusBitstring.MIN_SIZE;
  private static final Instant AT = Instant.parse("2026-03-01T00:00:00Z");

  /** A random source that answers a scripted sequence, then repeats its last answer. */
  private static final class Scripted extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final Deque<Integer> answers;
    private int last;

    Scripted(Integer... answers) {
      this.answers = new ArrayDeque<>(List.of(answers));
    }

    @Override
    public int nextInt(int bound) {
      if (!answers.isEmpty()) {
        last = answers.poll();
      }
      return last;
    }
  }

  private static String gzipped(byte[] raw) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(raw);
    }
    return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
  }

  @Test
  void aListIsAMultipleOfEightEntriesBetweenTheMinimumAndTheMaximum() {
    assertThat(StatusBitstring.empty(SIZE).size()).isEqualTo(SIZE);
    assertThat(StatusBitstring.empty(SIZE + 8).size()).isEqualTo(SIZE + 8);
    assertThat(StatusBitstring.empty(StatusBitstring.MAX_SIZE).size())
        .isEqualTo(StatusBitstring.MAX_SIZE);
    for (int bad : new int[] {SIZE - 8, SIZE + 4, StatusBitstring.MAX_SIZE + 8}) {
      assertThatThrownBy(() -> StatusBitstring.empty(bad))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("size"));
    }
  }

  @Test
  void indexesRunFromZeroToSizeMinusOneAndBitsAreReadMostSignificantFirst() {
    StatusBitstring bits = StatusBitstring.empty(SIZE);
    assertThat(bits.get(0)).isFalse();
    assertThat(bits.get(SIZE - 1)).isFalse();
    for (int bad : new int[] {-1, SIZE}) {
      assertThatThrownBy(() -> bits.get(bad)).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> bits.withBit(bad)).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> bits.withBits(List.of(bad))).isInstanceOf(ValidationException.class);
    }
    StatusBitstring seven = bits.withBit(7);
    assertThat(seven.get(7)).isTrue();
    assertThat(seven.get(6)).isFalse();
    assertThat(seven.get(8)).isFalse();
    assertThat(bits.get(7)).as("the original is unchanged").isFalse();
    StatusBitstring many = bits.withBits(List.of(0, 9, 9, SIZE - 1));
    assertThat(many.cardinality()).isEqualTo(3);
    assertThat(many.get(9)).isTrue();
    assertThat(many.get(1)).isFalse();
    assertThat(bits.cardinality()).isZero();
    assertThat(many).isEqualTo(bits.withBit(SIZE - 1).withBit(9).withBit(0));
    assertThat(many).hasSameHashCodeAs(bits.withBit(SIZE - 1).withBit(9).withBit(0));
    assertThat(many).isNotEqualTo(seven).isNotEqualTo("not a list");
    assertThat(many).hasToString("StatusBitstring[size=" + SIZE + ", set=3]");
    assertThatThrownBy(() -> bits.withBits(Arrays.asList(1, null)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("index"));
    // A full byte counts all eight of its bits, including the sign bit.
    assertThat(bits.withBits(List.of(0, 1, 2, 3, 4, 5, 6, 7)).cardinality()).isEqualTo(8);
  }

  @Test
  void anEncodedListMustBeMultibaseBase64urlGzipOfAnAllowedSize() throws Exception {
    assertThatThrownBy(() -> StatusBitstring.decode("")).isInstanceOf(UnusableInputException.class);
    String valid = StatusBitstring.empty(SIZE).encode();
    assertThatThrownBy(() -> StatusBitstring.decode("z" + valid.substring(1)))
        .isInstanceOf(UnusableInputException.class);
    assertThatThrownBy(() -> StatusBitstring.decode("u***")).hasMessageContaining("base64url");
    assertThatThrownBy(
            () ->
                StatusBitstring.decode(
                    "u" + Base64.getUrlEncoder().encodeToString(new byte[] {1, 2, 3})))
        .hasMessageContaining("GZIP");
    assertThatThrownBy(() -> StatusBitstring.decode(gzipped(new byte[SIZE / 8 - 1])))
        .hasMessageContaining("shorter");
    assertThat(StatusBitstring.decode(gzipped(new byte[SIZE / 8])).size()).isEqualTo(SIZE);
    assertThat(StatusBitstring.decode(gzipped(new byte[StatusBitstring.MAX_SIZE / 8])).size())
        .isEqualTo(StatusBitstring.MAX_SIZE);
  }

  @Test
  void whenRandomPicksKeepHittingAllocatedIndexesTheSearchScansOnAndWrapsAround() {
    Scripted random = new Scripted(5);
    IssuerStatusLists lists =
        IssuerStatusLists.create(Fixture.DID, "https://x.example/status/", SIZE, random);
    assertThat(lists.allocate()).isEqualTo(5);
    // Every random pick now says 5 again: after the tries run out, the scan starts at 5 and finds
    // 6.
    assertThat(lists.allocate()).isEqualTo(6);
    assertThat(lists.allocate()).isEqualTo(7);

    Scripted end = new Scripted(SIZE - 1);
    IssuerStatusLists wrapping =
        IssuerStatusLists.create(Fixture.DID, "https://x.example/status", SIZE, end);
    assertThat(wrapping.allocate()).isEqualTo(SIZE - 1);
    assertThat(wrapping.allocate()).as("wraps to the start").isZero();
    assertThat(wrapping.size()).isEqualTo(SIZE);
  }

  @Test
  void onlyAllocatedIndexesCanBeRevokedOrSupersededAndNeverTwice() {
    IssuerStatusLists lists =
        IssuerStatusLists.create(Fixture.DID, "https://x.example/status/", SIZE, new Scripted(3));
    assertThat(lists.listCredentialUrl(StatusPurpose.REVOCATION))
        .isEqualTo("https://x.example/status/revocation");
    assertThat(lists.issuerId()).isEqualTo(Fixture.DID);
    for (int bad : new int[] {-1, 3, SIZE}) {
      assertThatThrownBy(() -> lists.entries(bad))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("index"));
      assertThatThrownBy(() -> lists.revoke(bad, "why", AT))
          .isInstanceOf(ValidationException.class);
    }
    int index = lists.allocate();
    assertThat(lists.entries(index))
        .extracting(StatusEntry::purpose)
        .containsExactly(StatusPurpose.REVOCATION, StatusPurpose.SUPERSEDED);
    assertThat(lists.entries(index))
        .extracting(StatusEntry::statusListCredential)
        .containsExactly(
            "https://x.example/status/revocation", "https://x.example/status/superseded");
    assertThatThrownBy(() -> lists.revoke(index, "  ", AT))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("reason"));
    assertThat(lists.isSet(StatusPurpose.REVOCATION, index)).isFalse();
    StatusChange change = lists.revoke(index, "issued in error", AT);
    assertThat(change)
        .isEqualTo(new StatusChange(index, StatusPurpose.REVOCATION, "issued in error", AT));
    assertThat(lists.isSet(StatusPurpose.REVOCATION, index)).isTrue();
    assertThat(lists.isSet(StatusPurpose.SUPERSEDED, index)).isFalse();
    assertThatThrownBy(() -> lists.revoke(index, "again", AT))
        .isInstanceOf(ConflictException.class);
    assertThat(lists.supersede(index, "urn:uuid:next", AT).purpose())
        .isEqualTo(StatusPurpose.SUPERSEDED);
    assertThatThrownBy(() -> lists.supersede(index, "urn:uuid:other", AT))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void savedListsKeepEverySetBitAndRefuseMismatchedOrForeignInput() {
    IssuerStatusLists lists =
        IssuerStatusLists.create(Fixture.DID, "https://x.example/status", SIZE, new Scripted(11));
    int index = lists.allocate();
    lists.revoke(index, "why", AT);
    IssuerStatusLists restored = IssuerStatusLists.fromJson(lists.toJson(), new Scripted(11, 12));
    assertThat(restored.isSet(StatusPurpose.REVOCATION, index)).isTrue();
    assertThat(restored.isSet(StatusPurpose.SUPERSEDED, index)).isFalse();
    assertThat(restored.allocate()).as("11 is taken").isEqualTo(12);
    assertThat(restored.issuerId()).isEqualTo(Fixture.DID);

    String empty = StatusBitstring.empty(SIZE).encode();
    String bigger = StatusBitstring.empty(SIZE + 8).encode();
    String prefix =
        "{\"type\":\"TrainproofIssuerStatusLists\",\"issuer\":\"" + Fixture.DID + "\",\"baseUrl\":";
    assertThatThrownBy(
            () ->
                IssuerStatusLists.fromJson(
                    prefix
                        + "\"https://x.example/s\",\"allocated\":\""
                        + empty
                        + "\",\"revocation\":\""
                        + bigger
                        + "\",\"superseded\":\""
                        + empty
                        + "\"}",
                    new SecureRandom()))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("size"));
    assertThatThrownBy(
            () ->
                IssuerStatusLists.fromJson(
                    prefix
                        + "\"https://x.example/s\",\"allocated\":\""
                        + empty
                        + "\",\"revocation\":\""
                        + empty
                        + "\",\"superseded\":\""
                        + bigger
                        + "\"}",
                    new SecureRandom()))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("size"));
    assertThatThrownBy(
            () ->
                IssuerStatusLists.fromJson(
                    prefix
                        + "\"ftp://x.example/s\",\"allocated\":\""
                        + empty
                        + "\",\"revocation\":\""
                        + empty
                        + "\",\"superseded\":\""
                        + empty
                        + "\"}",
                    new SecureRandom()))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("baseUrl"));
    assertThat(
            IssuerStatusLists.fromJson(
                    prefix
                        + "\"http://x.example/s\",\"allocated\":\""
                        + empty
                        + "\",\"revocation\":\""
                        + empty
                        + "\",\"superseded\":\""
                        + empty
                        + "\"}",
                    new SecureRandom())
                .listCredentialUrl(StatusPurpose.SUPERSEDED))
        .isEqualTo("http://x.example/s/superseded");
    assertThatThrownBy(() -> IssuerStatusLists.fromJson("{\"type\":\"Other\"}", new SecureRandom()))
        .isInstanceOf(UnusableInputException.class);
  }

  @Test
  void anEntryNamesItsListAndItsIndexAsDecimalText() {
    ObjectNode json =
        new StatusEntry("https://x.example/status/revocation", StatusPurpose.REVOCATION, 0)
            .toJson();
    assertThat(json.get("id").asText()).isEqualTo("https://x.example/status/revocation#0");
    assertThat(json.get("type").asText()).isEqualTo("BitstringStatusListEntry");
    assertThat(json.get("statusPurpose").asText()).isEqualTo("revocation");
    assertThat(json.get("statusListIndex").isTextual()).isTrue();
    assertThat(json.get("statusListIndex").asText()).isEqualTo("0");
    assertThat(json.get("statusListCredential").asText())
        .isEqualTo("https://x.example/status/revocation");
    assertThatThrownBy(() -> new StatusEntry("https://x.example/s", StatusPurpose.REVOCATION, -1))
        .isInstanceOf(ValidationException.class);
    assertThat(StatusPurpose.fromValue("superseded")).contains(StatusPurpose.SUPERSEDED);
    assertThat(StatusPurpose.fromValue("revocation")).contains(StatusPurpose.REVOCATION);
    assertThat(StatusPurpose.fromValue("suspension")).isEmpty();
  }

  @Test
  void aFreeRandomPickIsTakenAsItIsSoIndexesDoNotRunInSequence() {
    // why: herd privacy; an index must not reveal issue order, so a free random pick is kept
    IssuerStatusLists lists =
        IssuerStatusLists.create(Fixture.DID, "https://x.example/status", SIZE, new Scripted(0, 7));
    assertThat(lists.allocate()).as("index 0 is a valid pick").isZero();
    IssuerStatusLists collide =
        IssuerStatusLists.create(
            Fixture.DID, "https://x.example/status", SIZE, new Scripted(5, 5, 9, 40_000));
    assertThat(collide.allocate()).isEqualTo(5);
    assertThat(collide.allocate()).as("the next random pick, not the next index").isEqualTo(9);
    assertThat(collide.allocate()).isEqualTo(40_000);
    // Index 0, once allocated, can be revoked like any other.
    assertThat(lists.revoke(0, "why", AT).index()).isZero();
  }

  @Test
  void anOutOfRangeIndexSaysTheRange() {
    StatusBitstring bits = StatusBitstring.empty(SIZE);
    assertThatThrownBy(() -> bits.get(SIZE)).hasMessageContaining("outside 0.." + (SIZE - 1));
    IssuerStatusLists lists =
        IssuerStatusLists.create(Fixture.DID, "https://x.example/status", SIZE, new Scripted(1));
    assertThatThrownBy(() -> lists.revoke(SIZE, "why", AT)).hasMessageContaining("never allocated");
    assertThatThrownBy(() -> lists.revoke(-1, "why", AT)).hasMessageContaining("never allocated");
  }
}
