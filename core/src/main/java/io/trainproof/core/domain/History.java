package io.trainproof.core.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Effective-dated history shared by members and requirements: oldest first, never rewritten. */
final class History {
  private History() {}

  /** The entry in effect on a date: the last one whose effective date is not after it. */
  static <T> Optional<T> on(List<T> history, LocalDate date, Function<T, LocalDate> effectiveFrom) {
    T found = null;
    for (T t : history) {
      if (effectiveFrom.apply(t).isAfter(date)) {
        break;
      }
      found = t;
    }
    return Optional.ofNullable(found);
  }

  /** The history with an entry appended; an entry of the same date as the latest replaces it. */
  static <T> List<T> append(List<T> history, T entry, Function<T, LocalDate> effectiveFrom) {
    List<T> next = new ArrayList<>(history);
    T last = history.get(history.size() - 1);
    if (effectiveFrom.apply(last).equals(effectiveFrom.apply(entry))) {
      next.set(next.size() - 1, entry);
    } else {
      next.add(entry);
    }
    return next;
  }
}
