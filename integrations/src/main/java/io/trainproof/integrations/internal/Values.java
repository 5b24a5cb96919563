package io.trainproof.integrations.internal;

import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.Organization;
import io.trainproof.integrations.ErrorKind;
import io.trainproof.integrations.RowError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reading typed values from CSV rows into row errors. Stateless. Not API. */
public final class Values {
  private Values() {}

  /**
   * An ordered, unmodifiable set.
   *
   * @param values the values
   * @return the set
   */
  public static Set<String> orderedSet(String... values) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(values)));
  }

  /**
   * Requires a parameter.
   *
   * @param field its name
   * @param value its value
   * @return the value
   */
  public static String required(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new ValidationException(field, value, "is required");
    }
    return value;
  }

  /**
   * A required column's value.
   *
   * @param row the row
   * @param column the column
   * @param ref the row's reference
   * @param errors where a missing value is reported
   * @return the value, or null
   */
  public static @Nullable String requiredColumn(
      CsvTable.Row row, String column, @Nullable String ref, List<RowError> errors) {
    String v = row.get(column);
    if (v == null) {
      errors.add(new RowError(row.line(), ref, column, ErrorKind.INVALID_VALUE, "is required"));
    }
    return v;
  }

  /**
   * A decimal column.
   *
   * @param row the row
   * @param column the column
   * @param ref the reference
   * @param errors where a bad value is reported
   * @return the value, or null when blank or bad
   */
  public static @Nullable Double decimal(
      CsvTable.Row row, String column, @Nullable String ref, List<RowError> errors) {
    String v = row.get(column);
    if (v == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(v);
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      errors.add(
          new RowError(
              row.line(), ref, column, ErrorKind.INVALID_VALUE, "'" + v + "' is not a number"));
      return null;
    }
  }

  /**
   * A required date or date-time column as an instant: a date means the start of that day in the
   * organization's zone.
   *
   * @param row the row
   * @param column the column
   * @param org the organization
   * @param ref the reference
   * @param errors where a bad value is reported
   * @return the instant, or null
   */
  public static @Nullable Instant instant(
      CsvTable.Row row,
      String column,
      Organization org,
      @Nullable String ref,
      List<RowError> errors) {
    String v = requiredColumn(row, column, ref, errors);
    if (v == null) {
      return null;
    }
    try {
      if (v.length() == 10) {
        return LocalDate.parse(v).atStartOfDay(org.zone()).toInstant();
      }
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(
          new RowError(
              row.line(),
              ref,
              column,
              ErrorKind.INVALID_VALUE,
              "'" + v + "' is not an ISO date (YYYY-MM-DD) or date-time with offset"));
      return null;
    }
  }

  /**
   * A percentage rounded and clamped to 0 to 100.
   *
   * @param value the value
   * @return the score
   */
  public static int percent(double value) {
    return (int) Math.max(0, Math.min(100, Math.round(value)));
  }
}
