package io.trainproof.integrations.history;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.core.domain.Organization;
import io.trainproof.integrations.CompletionImportResult;
import io.trainproof.integrations.CourseRef;
import io.trainproof.integrations.ErrorKind;
import io.trainproof.integrations.ImportOptions;
import io.trainproof.integrations.RowError;
import io.trainproof.integrations.internal.Candidate;
import io.trainproof.integrations.internal.CsvImport;
import io.trainproof.integrations.internal.CsvTable;
import io.trainproof.integrations.internal.StrictText;
import io.trainproof.integrations.internal.Values;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Imports historical completions from a CSV (UTF-8) with the header {@code
 * member_external_id,course_code,completed_on,score,source} and optionally {@code course_version}.
 * {@code completed_on} is an ISO date; {@code score} is blank or a whole number 0 to 100 (blank:
 * the completion is recorded as passed, unscored); {@code source} names the previous system. Each
 * completion's provenance is {@code HISTORICAL_IMPORT}, the row's source, {@code fileName:line} and
 * the actor who ran the import, so the same file imported twice records each row once. A completion
 * before the member's engagement date or for an unknown course is a row error. Thread-safe.
 *
 * <pre>{@code
 * CompletionImportResult result = new HistoryImporter(trainproof)
 *     .importCsv(officer, "oldlms-export-2019-2025.csv", csv, ImportOptions.allOrNothing());
 * }</pre>
 */
public final class HistoryImporter {
  /** Required columns. */
  public static final Set<String> REQUIRED_COLUMNS =
      Values.orderedSet("member_external_id", "course_code", "completed_on", "score", "source");

  /** Optional columns. */
  public static final Set<String> OPTIONAL_COLUMNS = Values.orderedSet("course_version");

  private static final Candidate.Fields FIELDS =
      new Candidate.Fields("member_external_id", "course_code", "completed_on", "score");

  private final CsvImport csv;

  /**
   * An importer.
   *
   * @param trainproof the instance
   */
  public HistoryImporter(Trainproof trainproof) {
    if (trainproof == null) {
      throw new ValidationException("trainproof", null, "is required");
    }
    this.csv = new CsvImport(trainproof, REQUIRED_COLUMNS, OPTIONAL_COLUMNS);
  }

  /**
   * Imports a file.
   *
   * @param actor who runs the import
   * @param fileName the file's name (part of each provenance reference)
   * @param csv the file (read fully, not closed)
   * @param options mode and dry run
   * @return what was done
   */
  public CompletionImportResult importCsv(
      Actor actor, String fileName, InputStream csv, ImportOptions options) {
    return importCsv(actor, fileName, StrictText.readAll(csv), options);
  }

  /**
   * Imports a file's bytes.
   *
   * @param actor who runs the import
   * @param fileName the file's name
   * @param csv the bytes
   * @param options mode and dry run
   * @return what was done
   */
  public CompletionImportResult importCsv(
      Actor actor, String fileName, byte[] csv, ImportOptions options) {
    Values.required("fileName", fileName);
    return this.csv.run(
        actor, csv, options, (org, row, errors, skipped) -> candidate(org, fileName, row, errors));
  }

  private static @Nullable Candidate candidate(
      Organization org, String fileName, CsvTable.Row row, List<RowError> errors) {
    int before = errors.size();
    int line = row.line();
    String ref = fileName + ":" + line;
    String member = Values.requiredColumn(row, "member_external_id", ref, errors);
    String course = Values.requiredColumn(row, "course_code", ref, errors);
    String source = Values.requiredColumn(row, "source", ref, errors);
    String dateText = Values.requiredColumn(row, "completed_on", ref, errors);
    LocalDate date = null;
    if (dateText != null) {
      try {
        date = LocalDate.parse(dateText);
      } catch (DateTimeParseException e) {
        errors.add(
            new RowError(
                line,
                ref,
                "completed_on",
                ErrorKind.INVALID_VALUE,
                "'" + dateText + "' is not an ISO date"));
      }
    }
    Integer score = null;
    String scoreText = row.get("score");
    if (scoreText != null) {
      try {
        score = Integer.valueOf(scoreText);
        if (score < 0 || score > 100) {
          errors.add(new RowError(line, ref, "score", ErrorKind.INVALID_VALUE, "must be 0 to 100"));
        }
      } catch (NumberFormatException e) {
        errors.add(
            new RowError(
                line,
                ref,
                "score",
                ErrorKind.INVALID_VALUE,
                "'" + scoreText + "' is not a whole number"));
      }
    }
    if (errors.size() > before
        || member == null
        || course == null
        || source == null
        || date == null) {
      return null;
    }
    Instant at = date.atStartOfDay(org.zone()).toInstant();
    return new Candidate(
        line,
        ref,
        member,
        new CourseRef(course, row.get("course_version")),
        at,
        date,
        score,
        null,
        CompletionMethod.HISTORICAL_IMPORT,
        source,
        null,
        FIELDS);
  }
}
