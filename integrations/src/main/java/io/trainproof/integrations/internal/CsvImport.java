package io.trainproof.integrations.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.Organization;
import io.trainproof.integrations.CompletionImportResult;
import io.trainproof.integrations.ImportOptions;
import io.trainproof.integrations.RowError;
import io.trainproof.integrations.SkippedRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The shape every CSV completion import shares (SCORM, history): read the table with its columns,
 * let the format turn each row into a candidate, and apply them with {@link CompletionImporter}; a
 * file read only in part or with a bad header is not readable. Thread-safe; each call keeps its own
 * lists. Not API.
 */
public final class CsvImport {
  /** A format's reading of one row. */
  @FunctionalInterface
  public interface RowReader {
    /**
     * Reads a row.
     *
     * @param org the organization, for its zone
     * @param row the row
     * @param errors where row errors go
     * @param skipped where rows that are not evidence go
     * @return the candidate, or null when the row is an error or skipped
     */
    @Nullable Candidate candidate(
        Organization org, CsvTable.Row row, List<RowError> errors, List<SkippedRow> skipped);
  }

  private final CompletionImporter importer;
  private final Set<String> required;
  private final Set<String> optional;

  /**
   * An import of one file format.
   *
   * @param trainproof the instance
   * @param required the columns a file must have
   * @param optional the columns a file may have
   */
  public CsvImport(Trainproof trainproof, Set<String> required, Set<String> optional) {
    this.importer = new CompletionImporter(trainproof);
    this.required = required;
    this.optional = optional;
  }

  /**
   * Reads and imports a file.
   *
   * @param actor who runs the import
   * @param csv the bytes
   * @param options mode and dry run
   * @param reader the format's reading of a row
   * @return what was done
   */
  public CompletionImportResult run(
      Actor actor, byte[] csv, ImportOptions options, RowReader reader) {
    Organization org = importer.organization(actor);
    CsvTable table = CsvTable.read(csv, required, optional);
    List<RowError> errors = new ArrayList<>(table.errors());
    List<SkippedRow> skipped = new ArrayList<>();
    List<Candidate> candidates = new ArrayList<>();
    for (CsvTable.Row row : table.rows()) {
      Candidate c = reader.candidate(org, row, errors, skipped);
      if (c != null) {
        candidates.add(c);
      }
    }
    return importer.run(
        actor, options, candidates, errors, skipped, table.complete() && table.headerOk());
  }
}
