package io.trainproof.integrations.xapi;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.core.domain.Organization;
import io.trainproof.integrations.CompletionImportResult;
import io.trainproof.integrations.CourseMapping;
import io.trainproof.integrations.ErrorKind;
import io.trainproof.integrations.ImportOptions;
import io.trainproof.integrations.RowError;
import io.trainproof.integrations.SkippedRow;
import io.trainproof.integrations.internal.Candidate;
import io.trainproof.integrations.internal.StatementImport;
import io.trainproof.integrations.internal.StatementMapping;
import io.trainproof.integrations.internal.StrictText;
import java.io.InputStream;
import java.util.List;

/**
 * Imports xAPI statements as completions. {@code completed} and {@code passed} record a completion
 * ({@code passed} with success, {@code completed} with {@code result.success} when given); {@code
 * failed} records a failing attempt while the member has an open assignment for the course. {@code
 * result.score.scaled} becomes the 0 to 100 score. Other verbs are reported as skipped. The
 * statement id is the provenance reference: a statement is recorded once however often it is
 * imported, and a batch is applied in timestamp order, so any permutation of the same statements
 * ends in the same state. Thread-safe.
 *
 * <pre>{@code
 * XapiImporter xapi = new XapiImporter(trainproof,
 *     MemberMapping.accountName("https://lms.example.org"),
 *     activityId -> Optional.ofNullable(courseCodes.get(activityId)).map(CourseRef::of));
 * CompletionImportResult result =
 *     xapi.importJson(officer, "lrs.example.org", statementsJson, ImportOptions.allOrNothing());
 * }</pre>
 */
public final class XapiImporter {
  private final MemberMapping members;
  private final CourseMapping courses;
  private final StatementImport statements;

  /**
   * An importer.
   *
   * @param trainproof the instance
   * @param members maps actors to member external ids
   * @param courses maps activity ids to courses
   */
  public XapiImporter(Trainproof trainproof, MemberMapping members, CourseMapping courses) {
    if (trainproof == null || members == null || courses == null) {
      throw new ValidationException(
          "xapiImporter", null, "trainproof, members and courses are required");
    }
    this.members = members;
    this.courses = courses;
    this.statements = new StatementImport(trainproof, this::read);
  }

  /**
   * Reads and imports statements from JSON (UTF-8): an array, one statement, or a {@code
   * StatementResult}.
   *
   * @param actor who runs the import; recorded in every completion's provenance
   * @param source the LRS or system the statements came from (with the statement id, the provenance
   *     of each completion)
   * @param json the JSON (read fully, not closed)
   * @param options mode and dry run
   * @return what was done
   */
  public CompletionImportResult importJson(
      Actor actor, String source, InputStream json, ImportOptions options) {
    return importJson(actor, source, StrictText.readAll(json), options);
  }

  /**
   * Reads and imports statements from JSON bytes.
   *
   * @param actor who runs the import
   * @param source the LRS or system
   * @param json the JSON bytes
   * @param options mode and dry run
   * @return what was done
   */
  public CompletionImportResult importJson(
      Actor actor, String source, byte[] json, ImportOptions options) {
    return statements.json(actor, source, json, options);
  }

  /**
   * Imports statements the host has already parsed.
   *
   * @param actor who runs the import
   * @param source the LRS or system
   * @param statements the statements
   * @param options mode and dry run
   * @return what was done
   */
  public CompletionImportResult importStatements(
      Actor actor, String source, List<XapiStatement> statements, ImportOptions options) {
    return this.statements.statements(actor, source, statements, options);
  }

  /** The xAPI rules: which verbs are evidence, and the success each records. */
  private void read(
      Organization org,
      String source,
      List<XapiStatement> statements,
      List<Candidate> candidates,
      List<RowError> errors,
      List<SkippedRow> skipped) {
    for (XapiStatement s : statements) {
      Boolean success;
      switch (s.verb()) {
        case Verbs.PASSED -> {
          if (Boolean.FALSE.equals(s.success())) {
            errors.add(error(s, "result.success", "is false on a passed statement"));
            continue;
          }
          success = Boolean.TRUE;
        }
        case Verbs.FAILED -> {
          if (Boolean.TRUE.equals(s.success())) {
            errors.add(error(s, "result.success", "is true on a failed statement"));
            continue;
          }
          success = Boolean.FALSE;
        }
        case Verbs.COMPLETED -> {
          if (Boolean.FALSE.equals(s.completion())) {
            errors.add(error(s, "result.completion", "is false on a completed statement"));
            continue;
          }
          success = s.success();
        }
        default -> {
          skipped.add(
              new SkippedRow(s.line(), s.id(), "verb " + s.verb() + " is not completion evidence"));
          continue;
        }
      }
      StatementMapping.addCandidate(
          s,
          org,
          source,
          success,
          CompletionMethod.XAPI,
          null,
          members,
          courses,
          candidates,
          errors);
    }
  }

  static RowError error(XapiStatement s, String field, String reason) {
    return new RowError(s.line(), s.id(), field, ErrorKind.INVALID_VALUE, reason);
  }
}
