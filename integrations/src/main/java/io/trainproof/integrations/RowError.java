package io.trainproof.integrations;

import org.jspecify.annotations.Nullable;

/**
 * One problem with one row (or with the file as a whole, then on the line where it was found).
 * Immutable.
 *
 * @param line the 1-based line in the file where the row (or the JSON statement) starts; for a
 *     programmatic batch, the 1-based position of the row in the list; 0 when the problem is not
 *     tied to a place (an empty input)
 * @param ref what identifies the row in its source, when known: an external id, a statement id
 * @param field the column, JSON path or core field that is wrong
 * @param kind the kind of problem
 * @param reason what is wrong, for a person to read; never contains the row's other values
 */
public record RowError(
    int line, @Nullable String ref, String field, ErrorKind kind, String reason) {

  @Override
  public String toString() {
    return "line "
        + line
        + (ref == null ? "" : " (" + ref + ")")
        + ", "
        + field
        + ": "
        + kind
        + ": "
        + reason;
  }
}
