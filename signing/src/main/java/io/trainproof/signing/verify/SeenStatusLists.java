package io.trainproof.signing.verify;

import io.trainproof.signing.status.StatusBitstring;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest version of each status list that verifiers have accepted, so that an older list
 * presented later (a replay of the list from before a revocation, say in a stale or substituted
 * trust bundle) is refused with {@link FailureReason#STALE_STATUS_LIST}.
 *
 * <p>A list is refused when its {@code validFrom} is earlier than that of the newest list seen
 * under the same URL, or when it clears an entry the newest seen list had set: revocation and
 * supersession are never undone, so a set bit that is clear again can only come from an older list
 * (this also catches a replay published within the same second). A list that passes becomes the
 * newest seen when its {@code validFrom} is not earlier.
 *
 * <p>Each {@link CredentialVerifier} has its own memory unless one is shared: a host that refreshes
 * its trust bundle creates each new verifier with the same instance. The memory is in-process only;
 * persisting it across restarts is the host's choice. Thread-safe.
 */
public final class SeenStatusLists {
  private final Map<String, Seen> newest = new ConcurrentHashMap<>();

  /** An empty memory. */
  public SeenStatusLists() {}

  /**
   * Admits a verified status list or says why it is refused; an admitted list may become the newest
   * seen.
   *
   * @param url the list's id, also as messages show it
   * @param validFrom the list's {@code validFrom} ({@link Instant#MIN} when it has none)
   * @param list its entries
   * @return empty when admitted, else a sentence saying why not
   */
  Optional<String> admit(String url, Instant validFrom, StatusBitstring list) {
    return admit(url, url, validFrom, list);
  }

  /**
   * Admits a verified status list or says why it is refused, naming it as given.
   *
   * @param url the list's id (with its purpose: the key it is remembered under)
   * @param shownUrl the list's id as messages show it
   * @param validFrom the list's {@code validFrom} ({@link Instant#MIN} when it has none)
   * @param list its entries
   * @return empty when admitted, else a sentence saying why not
   */
  Optional<String> admit(String url, String shownUrl, Instant validFrom, StatusBitstring list) {
    String[] refusal = new String[1];
    newest.compute(
        url,
        (key, seen) -> {
          if (seen == null) {
            return new Seen(validFrom, list);
          }
          if (validFrom.isBefore(seen.validFrom)) {
            refusal[0] =
                "status list "
                    + shownUrl
                    + " of "
                    + validFrom
                    + " is older than the one of "
                    + seen.validFrom
                    + " already seen";
            return seen;
          }
          int cleared = firstCleared(seen.list, list);
          if (cleared >= 0) {
            refusal[0] =
                "status list "
                    + shownUrl
                    + " of "
                    + validFrom
                    + " clears entry "
                    + cleared
                    + ", which the list of "
                    + seen.validFrom
                    + " already seen has set";
            return seen;
          }
          return new Seen(validFrom, list);
        });
    return Optional.ofNullable(refusal[0]);
  }

  private static int firstCleared(StatusBitstring before, StatusBitstring after) {
    if (after.size() != before.size()) {
      return after.size() < before.size() ? after.size() : -1;
    }
    for (int i = 0; i < before.size(); i++) {
      if (before.get(i) && !after.get(i)) {
        return i;
      }
    }
    return -1;
  }

  private record Seen(Instant validFrom, StatusBitstring list) {}
}
