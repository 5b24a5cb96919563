package io.trainproof.integrations.roster;

import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.integrations.ErrorKind;
import io.trainproof.integrations.RowError;
import io.trainproof.integrations.internal.CsvTable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a roster CSV file into {@link RosterRow}s: each cell is parsed and checked, and a cell that
 * cannot be read is a row error on its line, never an exception. The file format is described on
 * {@link RosterSync}. Stateless and thread-safe.
 */
final class RosterCsvReader {
  private RosterCsvReader() {}

  /**
   * Reads a roster file.
   *
   * @param csv the file's bytes
   * @return the rows that could be read, every external id named, and the errors
   */
  static RosterInput read(byte[] csv) {
    CsvTable table = CsvTable.read(csv, RosterSync.REQUIRED_COLUMNS, RosterSync.OPTIONAL_COLUMNS);
    List<RowError> errors = new ArrayList<>(table.errors());
    List<RosterInput.Numbered> rows = new ArrayList<>();
    List<RosterInput.Keyed> keys = new ArrayList<>();
    for (CsvTable.Row r : table.rows()) {
      String ext = r.get("external_id");
      if (ext != null) {
        keys.add(new RosterInput.Keyed(r.line(), ext));
      }
      RosterRow row = fromCsv(r, errors);
      if (row != null) {
        rows.add(new RosterInput.Numbered(r.line(), row));
      }
    }
    return new RosterInput(rows, keys, errors, table.complete() && table.headerOk());
  }

  private static @Nullable RosterRow fromCsv(CsvTable.Row r, List<RowError> errors) {
    int before = errors.size();
    int line = r.line();
    String ext = r.get("external_id");
    String name = r.get("display_name");
    String department = r.get("department");
    RosterInput.blank(line, ext, "external_id", ext, errors);
    RosterInput.blank(line, ext, "display_name", name, errors);
    RosterInput.blank(line, ext, "department", department, errors);
    WorkforceType type =
        enumValue(
            WorkforceType.class, line, ext, "workforce_type", r.get("workforce_type"), errors);
    MemberStatus status =
        enumValue(MemberStatus.class, line, ext, "status", r.get("status"), errors);
    LocalDate engagedOn = date(line, ext, "engaged_on", r.get("engaged_on"), true, errors);
    LocalDate statusDate = date(line, ext, "status_date", r.get("status_date"), false, errors);
    Set<String> roles = new LinkedHashSet<>();
    String rolesText = r.get("roles");
    if (rolesText != null) {
      for (String role : rolesText.split(";", -1)) {
        if (!role.isBlank()) {
          roles.add(role.strip());
        }
      }
    }
    if (errors.size() > before) {
      return null;
    }
    return new RosterRow(
        Objects.requireNonNull(ext),
        Objects.requireNonNull(name),
        Objects.requireNonNull(type),
        roles,
        Objects.requireNonNull(department),
        r.get("manager_external_id"),
        Objects.requireNonNull(engagedOn),
        Objects.requireNonNull(status),
        statusDate);
  }

  private static <E extends Enum<E>> @Nullable E enumValue(
      Class<E> type,
      int line,
      @Nullable String ref,
      String field,
      @Nullable String value,
      List<RowError> errors) {
    if (value == null) {
      errors.add(new RowError(line, ref, field, ErrorKind.INVALID_VALUE, "is required"));
      return null;
    }
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace(' ', '_'));
    } catch (IllegalArgumentException e) {
      errors.add(
          new RowError(
              line,
              ref,
              field,
              ErrorKind.INVALID_VALUE,
              "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants())));
      return null;
    }
  }

  private static @Nullable LocalDate date(
      int line,
      @Nullable String ref,
      String field,
      @Nullable String value,
      boolean required,
      List<RowError> errors) {
    if (value == null) {
      if (required) {
        errors.add(new RowError(line, ref, field, ErrorKind.INVALID_VALUE, "is required"));
      }
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(
          new RowError(
              line,
              ref,
              field,
              ErrorKind.INVALID_VALUE,
              "'" + value + "' is not an ISO date (YYYY-MM-DD)"));
      return null;
    }
  }
}
