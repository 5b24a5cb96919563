package io.trainproof.integrations.roster;

import io.trainproof.integrations.ErrorKind;
import io.trainproof.integrations.RowError;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A roster as read, before anything is planned: the rows that passed their own checks, every
 * external id named (so a duplicate is caught even on a row that failed), the errors found, and
 * whether the input was read to its end. Built from a CSV file by {@link RosterCsvReader} or from
 * the bulk API's list by {@link #of}. Immutable.
 *
 * @param rows the rows that passed their checks, with their lines
 * @param keys every external id named, with its line
 * @param errors the row errors found while reading
 * @param complete false when the input could not be read to its end or its header was wrong (no
 *     member is then flagged as missing)
 */
record RosterInput(List<Numbered> rows, List<Keyed> keys, List<RowError> errors, boolean complete) {

  /** Makes the lists immutable. */
  RosterInput {
    rows = List.copyOf(rows);
    keys = List.copyOf(keys);
    errors = List.copyOf(errors);
  }

  /**
   * Checks a roster given as rows (the programmatic bulk API). Row errors name the 1-based position
   * of the row in the list as their line.
   *
   * @param rows the roster
   * @return what passed and what did not
   */
  static RosterInput of(List<RosterRow> rows) {
    List<RowError> errors = new ArrayList<>();
    List<Numbered> valid = new ArrayList<>();
    List<Keyed> keys = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      RosterRow row = rows.get(i);
      int line = i + 1;
      if (row == null) {
        errors.add(new RowError(line, null, "row", ErrorKind.INVALID_VALUE, "is null"));
        continue;
      }
      if (row.externalId() != null && !row.externalId().isBlank()) {
        keys.add(new Keyed(line, row.externalId().strip()));
      }
      if (check(line, row, errors)) {
        valid.add(new Numbered(line, row));
      }
    }
    return new RosterInput(valid, keys, errors, true);
  }

  private static boolean check(int line, RosterRow row, List<RowError> errors) {
    int before = errors.size();
    String ref = row.externalId();
    blank(line, ref, "external_id", row.externalId(), errors);
    blank(line, ref, "display_name", row.displayName(), errors);
    blank(line, ref, "department", row.department(), errors);
    if (row.type() == null) {
      errors.add(new RowError(line, ref, "workforce_type", ErrorKind.INVALID_VALUE, "is required"));
    }
    if (row.engagedOn() == null) {
      errors.add(new RowError(line, ref, "engaged_on", ErrorKind.INVALID_VALUE, "is required"));
    }
    if (row.status() == null) {
      errors.add(new RowError(line, ref, "status", ErrorKind.INVALID_VALUE, "is required"));
    }
    for (String role : row.roles()) {
      if (role == null || role.isBlank()) {
        errors.add(
            new RowError(
                line, ref, "roles", ErrorKind.INVALID_VALUE, "must not contain a blank role"));
        break;
      }
    }
    return errors.size() == before;
  }

  /**
   * Reports a missing or blank required value.
   *
   * @param line the row's line
   * @param ref the row's external id, if any
   * @param field the field
   * @param value its value
   * @param errors where the error goes
   */
  static void blank(
      int line, @Nullable String ref, String field, @Nullable String value, List<RowError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new RowError(line, ref, field, ErrorKind.INVALID_VALUE, "is required"));
    }
  }

  /**
   * A row and its line.
   *
   * @param line the line (or 1-based position in the list)
   * @param row the row
   */
  record Numbered(int line, RosterRow row) {}

  /**
   * An external id and the line naming it.
   *
   * @param line the line
   * @param externalId the stripped external id
   */
  record Keyed(int line, String externalId) {}
}
