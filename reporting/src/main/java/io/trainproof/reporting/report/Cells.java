package io.trainproof.reporting.report;

import java.util.Collection;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Turns values into table cells: empty for null, sorted and joined for collections. */
final class Cells {
  private Cells() {}

  static String of(@Nullable Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).sorted().collect(Collectors.joining("; "));
    }
    return String.valueOf(value);
  }
}
