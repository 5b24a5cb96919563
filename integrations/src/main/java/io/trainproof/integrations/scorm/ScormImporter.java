package io.trainproof.integrations.scorm;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.core.domain.Organization;
import io.trainproof.integrations.CompletionImportResult;
import io.trainproof.integrations.CourseMapping;
import io.trainproof.integrations.CourseRef;
import io.trainproof.integrations.ErrorKind;
import io.trainproof.integrations.ImportOptions;
import io.trainproof.integrations.RowError;
import io.trainproof.integrations.SkippedRow;
import io.trainproof.integrations.internal.Candidate;
import io.trainproof.integrations.internal.CsvImport;
import io.trainproof.integrations.internal.CsvTable;
import io.trainproof.integrations.internal.StrictText;
import io.trainproof.integrations.internal.Values;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Imports SCORM results from an LMS export (CSV, UTF-8). Header: {@code learner_id,course_id,
 * scorm_version,completed_at}, optionally {@code attempt_id,lesson_status,completion_status,
 * success_status,score_raw,score_min,score_max,score_scaled}.
 *
 * <ul>
 *   <li>SCORM 1.2 ({@code scorm_version} {@code 1.2}): {@code lesson_status} {@code passed} records
 *       a pass, {@code completed} a completion (scored against the pass mark when a score is
 *       given), {@code failed} a failing attempt; {@code incomplete}, {@code browsed} and {@code
 *       not attempted} are skipped.
 *   <li>SCORM 2004 ({@code 2004}): {@code success_status} {@code passed} records a pass and {@code
 *       failed} a failing attempt; with {@code success_status} {@code unknown}, {@code
 *       completion_status} {@code completed} records a completion; anything else is skipped.
 * </ul>
 *
 * <p>{@code completed_at} is an ISO date or an ISO date-time with offset (converted to the
 * organization's zone). The provenance reference is {@code attempt_id} when the export has it,
 * otherwise file name and line, so the same export imported twice records each attempt once.
 * Thread-safe.
 */
public final class ScormImporter {
  /** Required columns. */
  public static final Set<String> REQUIRED_COLUMNS =
      Values.orderedSet("learner_id", "course_id", "scorm_version", "completed_at");

  /** Optional columns. */
  public static final Set<String> OPTIONAL_COLUMNS =
      Values.orderedSet(
          "attempt_id",
          "lesson_status",
          "completion_status",
          "success_status",
          "score_raw",
          "score_min",
          "score_max",
          "score_scaled");

  private static final Candidate.Fields FIELDS =
      new Candidate.Fields("learner_id", "course_id", "completed_at", "score_raw");

  private final CsvImport csv;
  private final Function<String, Optional<String>> learners;
  private final CourseMapping courses;

  /**
   * An importer.
   *
   * @param trainproof the instance
   * @param learners maps the LMS learner id to a member external id ({@code Optional::of} when they
   *     are the same)
   * @param courses maps the LMS course id to a course
   */
  public ScormImporter(
      Trainproof trainproof, Function<String, Optional<String>> learners, CourseMapping courses) {
    if (trainproof == null || learners == null || courses == null) {
      throw new ValidationException(
          "scormImporter", null, "trainproof, learners and courses are required");
    }
    this.csv = new CsvImport(trainproof, REQUIRED_COLUMNS, OPTIONAL_COLUMNS);
    this.learners = learners;
    this.courses = courses;
  }

  /**
   * Imports an export.
   *
   * @param actor who runs the import
   * @param source the LMS the export came from
   * @param fileName the export's file name (part of the provenance)
   * @param csv the file (read fully, not closed)
   * @param options mode and dry run
   * @return what was done
   */
  public CompletionImportResult importCsv(
      Actor actor, String source, String fileName, InputStream csv, ImportOptions options) {
    return importCsv(actor, source, fileName, StrictText.readAll(csv), options);
  }

  /**
   * Imports an export's bytes.
   *
   * @param actor who runs the import
   * @param source the LMS
   * @param fileName the file name
   * @param csv the bytes
   * @param options mode and dry run
   * @return what was done
   */
  public CompletionImportResult importCsv(
      Actor actor, String source, String fileName, byte[] csv, ImportOptions options) {
    Values.required("source", source);
    Values.required("fileName", fileName);
    return this.csv.run(
        actor,
        csv,
        options,
        (org, row, errors, skipped) -> candidate(org, source, fileName, row, errors, skipped));
  }

  private @Nullable Candidate candidate(
      Organization org,
      String source,
      String fileName,
      CsvTable.Row row,
      List<RowError> errors,
      List<SkippedRow> skipped) {
    int line = row.line();
    int before = errors.size();
    String ref = row.get("attempt_id") != null ? row.get("attempt_id") : fileName + ":" + line;
    String learner = Values.requiredColumn(row, "learner_id", ref, errors);
    String courseId = Values.requiredColumn(row, "course_id", ref, errors);
    String version = Values.requiredColumn(row, "scorm_version", ref, errors);
    Instant at = Values.instant(row, "completed_at", org, ref, errors);
    Integer score = score(row, ref, errors);
    Boolean success = null;
    String status = null;
    if (version != null) {
      if (version.equals("1.2")) {
        status = lower(row.get("lesson_status"));
        switch (status == null ? "" : status) {
          case "passed" -> success = Boolean.TRUE;
          case "failed" -> success = Boolean.FALSE;
          case "completed" -> success = null;
          case "incomplete", "browsed", "not attempted" -> status = "skip";
          default ->
              errors.add(
                  new RowError(
                      line,
                      ref,
                      "lesson_status",
                      ErrorKind.INVALID_VALUE,
                      "'" + status + "' is not a SCORM 1.2 lesson status"));
        }
      } else if (version.equals("2004") || version.startsWith("2004 ")) {
        String completion = lower(row.get("completion_status"));
        String successStatus = lower(row.get("success_status"));
        if (completion != null
            && !Set.of("completed", "incomplete", "not attempted", "unknown")
                .contains(completion)) {
          errors.add(
              new RowError(
                  line,
                  ref,
                  "completion_status",
                  ErrorKind.INVALID_VALUE,
                  "'" + completion + "' is not a SCORM 2004 completion status"));
        } else if (successStatus != null
            && !Set.of("passed", "failed", "unknown").contains(successStatus)) {
          errors.add(
              new RowError(
                  line,
                  ref,
                  "success_status",
                  ErrorKind.INVALID_VALUE,
                  "'" + successStatus + "' is not a SCORM 2004 success status"));
        } else if ("passed".equals(successStatus)) {
          success = Boolean.TRUE;
        } else if ("failed".equals(successStatus)) {
          success = Boolean.FALSE;
        } else if ("completed".equals(completion)) {
          success = null;
        } else {
          status = "skip";
        }
      } else {
        errors.add(
            new RowError(
                line,
                ref,
                "scorm_version",
                ErrorKind.INVALID_VALUE,
                "'" + version + "' is not 1.2 or 2004"));
      }
    }
    if (errors.size() > before || learner == null || courseId == null || at == null) {
      return null;
    }
    if ("skip".equals(status)) {
      skipped.add(new SkippedRow(line, ref, "not completed or passed: not completion evidence"));
      return null;
    }
    Optional<String> member = learners.apply(learner);
    if (member.isEmpty()) {
      errors.add(
          new RowError(
              line,
              ref,
              "learner_id",
              ErrorKind.UNKNOWN_MEMBER,
              "the learner maps to no workforce member"));
      return null;
    }
    Optional<CourseRef> course = courses.courseFor(courseId);
    if (course.isEmpty()) {
      errors.add(
          new RowError(
              line,
              ref,
              "course_id",
              ErrorKind.UNKNOWN_COURSE,
              "course " + courseId + " maps to no course"));
      return null;
    }
    return new Candidate(
        line,
        ref,
        member.get(),
        course.get(),
        at,
        org.dateOf(at),
        score,
        success,
        CompletionMethod.SCORM,
        source,
        null,
        FIELDS);
  }

  private static @Nullable Integer score(CsvTable.Row row, String ref, List<RowError> errors) {
    Double scaled = Values.decimal(row, "score_scaled", ref, errors);
    Double raw = Values.decimal(row, "score_raw", ref, errors);
    Double min = Values.decimal(row, "score_min", ref, errors);
    Double max = Values.decimal(row, "score_max", ref, errors);
    if (scaled != null) {
      if (scaled < -1 || scaled > 1) {
        errors.add(
            new RowError(
                row.line(),
                ref,
                "score_scaled",
                ErrorKind.INVALID_VALUE,
                "must be between -1 and 1"));
        return null;
      }
      return Values.percent(scaled * 100);
    }
    if (raw == null) {
      return null;
    }
    if (min != null && max != null && max > min) {
      return Values.percent((raw - min) / (max - min) * 100);
    }
    if (raw < 0 || raw > 100) {
      errors.add(
          new RowError(
              row.line(),
              ref,
              "score_raw",
              ErrorKind.INVALID_VALUE,
              "is outside 0 to 100 and no score_min and score_max put it on a scale"));
      return null;
    }
    return Values.percent(raw);
  }

  private static @Nullable String lower(@Nullable String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }
}
