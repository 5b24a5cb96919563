package io.trainproof.integrations;

import java.util.List;

/**
 * What a completion import did (or, in a dry run, would do). Immutable.
 *
 * @param options how it ran
 * @param committed true when changes were written: false for a dry run, and for an all-or-nothing
 *     import that found any error
 * @param imported completions recorded, or found already recorded, in the order applied
 * @param waived assignments waived
 * @param skipped valid rows that are not completion evidence
 * @param errors every problem found, in input order
 */
public record CompletionImportResult(
    ImportOptions options,
    boolean committed,
    List<ImportedCompletion> imported,
    List<WaivedAssignment> waived,
    List<SkippedRow> skipped,
    List<RowError> errors) {

  /** Makes the lists immutable. */
  public CompletionImportResult {
    imported = List.copyOf(imported);
    waived = List.copyOf(waived);
    skipped = List.copyOf(skipped);
    errors = List.copyOf(errors);
  }

  /**
   * @return true when no row had an error
   */
  public boolean ok() {
    return errors.isEmpty();
  }

  /**
   * @return how many completions were newly recorded (or would be, in a dry run)
   */
  public long newlyRecorded() {
    return imported.stream().filter(i -> !i.alreadyImported()).count();
  }

  /**
   * @return a one-line summary for logs and operator screens (no personal data)
   */
  public String summary() {
    return String.format(
        "%s%s: %d recorded, %d already imported, %d waived, %d skipped, %d errors%s",
        options.mode(),
        options.dryRun() ? " (dry run)" : "",
        newlyRecorded(),
        imported.size() - newlyRecorded(),
        waived.size(),
        skipped.size(),
        errors.size(),
        committed ? "" : "; nothing written");
  }
}
