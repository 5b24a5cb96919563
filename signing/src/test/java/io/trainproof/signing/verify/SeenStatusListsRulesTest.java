package io.trainproof.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.signing.status.StatusBitstring;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The memory of status lists at its edges: the very first entry cleared again, a list that shrinks
 * (its missing entries count as cleared) or grows, and a list of the same second.
 */
class SeenStatusListsRulesTest {
  static final String URL = "https://trainproof.example.org/status/org-1/revocation\nrevocation";
  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  static final int SIZE = StatusBitstring.MIN_SIZE;

  @Test
  void clearingTheFirstEntryAgainIsRefused() {
    SeenStatusLists seen = new SeenStatusLists();
    assertThat(seen.admit(URL, T0, StatusBitstring.empty(SIZE).withBit(0))).isEmpty();

    assertThat(seen.admit(URL, T0.plusSeconds(60), StatusBitstring.empty(SIZE)))
        .hasValueSatisfying(why -> assertThat(why).contains("clears entry 0"));
    // the refused list did not become the newest: the set bit is still required
    assertThat(
            seen.admit(
                URL, T0.plusSeconds(120), StatusBitstring.empty(SIZE).withBits(List.of(0, 5))))
        .isEmpty();
  }

  @Test
  void aShorterListClearsTheEntriesItNoLongerHas() {
    SeenStatusLists seen = new SeenStatusLists();
    assertThat(seen.admit(URL, T0, StatusBitstring.empty(2 * SIZE))).isEmpty();

    assertThat(seen.admit(URL, T0.plusSeconds(60), StatusBitstring.empty(SIZE)))
        .hasValueSatisfying(why -> assertThat(why).contains("clears entry " + SIZE));
  }

  @Test
  void aLongerListIsAdmittedAndBecomesTheNewest() {
    SeenStatusLists seen = new SeenStatusLists();
    assertThat(seen.admit(URL, T0, StatusBitstring.empty(SIZE).withBit(3))).isEmpty();
    assertThat(seen.admit(URL, T0.plusSeconds(60), StatusBitstring.empty(2 * SIZE).withBit(3)))
        .isEmpty();

    // the longer list is now the newest: a list of the first size clears its upper half
    assertThat(seen.admit(URL, T0.plusSeconds(120), StatusBitstring.empty(SIZE).withBit(3)))
        .isPresent();
  }

  @Test
  void aListOfTheSameSecondIsAdmittedUnlessItClearsAnEntry() {
    SeenStatusLists seen = new SeenStatusLists();
    assertThat(seen.admit(URL, T0, StatusBitstring.empty(SIZE).withBit(9))).isEmpty();
    assertThat(seen.admit(URL, T0, StatusBitstring.empty(SIZE).withBits(List.of(9, 10)))).isEmpty();
    assertThat(seen.admit(URL, T0, StatusBitstring.empty(SIZE).withBit(9))).isPresent();
    assertThat(
            seen.admit(
                URL, T0.minusSeconds(1), StatusBitstring.empty(SIZE).withBits(List.of(9, 10))))
        .hasValueSatisfying(why -> assertThat(why).contains("older"));
  }
}
