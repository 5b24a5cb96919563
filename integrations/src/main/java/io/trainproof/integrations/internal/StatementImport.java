package io.trainproof.integrations.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.Organization;
import io.trainproof.integrations.CompletionImportResult;
import io.trainproof.integrations.ImportOptions;
import io.trainproof.integrations.RowError;
import io.trainproof.integrations.SkippedRow;
import io.trainproof.integrations.xapi.XapiStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape every statement import shares (xAPI, cmi5): read the JSON or take the host's parsed
 * statements, check the source, let the format's {@link Rules} turn the statements into candidates,
 * and apply them with {@link CompletionImporter}. Thread-safe when its rules are; each call keeps
 * its own lists. Not API.
 */
public final class StatementImport {
  /** A format's rules: which statements are evidence, and what each records. */
  @FunctionalInterface
  public interface Rules {
    /**
     * Turns a batch of statements into candidates.
     *
     * @param org the organization, for its zone
     * @param source the LRS or LMS, for provenance
     * @param statements the statements read
     * @param candidates where candidates go
     * @param errors where row errors go (holds the read errors already)
     * @param skipped where statements that are not evidence go
     */
    void read(
        Organization org,
        String source,
        List<XapiStatement> statements,
        List<Candidate> candidates,
        List<RowError> errors,
        List<SkippedRow> skipped);
  }

  private final CompletionImporter importer;
  private final Rules rules;

  /**
   * An import.
   *
   * @param trainproof the instance
   * @param rules the format's rules
   */
  public StatementImport(Trainproof trainproof, Rules rules) {
    this.importer = new CompletionImporter(trainproof);
    this.rules = rules;
  }

  /**
   * Reads and imports statements from JSON bytes (an array, one statement, or a {@code
   * StatementResult}).
   *
   * @param actor who runs the import
   * @param source the LRS or LMS
   * @param json the bytes
   * @param options mode and dry run
   * @return what was done
   */
  public CompletionImportResult json(
      Actor actor, String source, byte[] json, ImportOptions options) {
    StatementReader.Statements read = StatementReader.read(json);
    return run(actor, source, read.statements(), read.errors(), read.complete(), options);
  }

  /**
   * Imports statements the host has already parsed.
   *
   * @param actor who runs the import
   * @param source the LRS or LMS
   * @param statements the statements
   * @param options mode and dry run
   * @return what was done
   */
  public CompletionImportResult statements(
      Actor actor, String source, List<XapiStatement> statements, ImportOptions options) {
    return run(actor, source, statements, List.of(), true, options);
  }

  private CompletionImportResult run(
      Actor actor,
      String source,
      List<XapiStatement> statements,
      List<RowError> readErrors,
      boolean complete,
      ImportOptions options) {
    if (source == null || source.isBlank()) {
      throw new ValidationException("source", source, "is required");
    }
    Organization org = importer.organization(actor);
    List<Candidate> candidates = new ArrayList<>();
    List<RowError> errors = new ArrayList<>(readErrors);
    List<SkippedRow> skipped = new ArrayList<>();
    rules.read(org, source, statements, candidates, errors, skipped);
    return importer.run(actor, options, candidates, errors, skipped, complete);
  }
}
