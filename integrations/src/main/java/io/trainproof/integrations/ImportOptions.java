package io.trainproof.integrations;

import io.trainproof.core.ValidationException;

/**
 * How a completion import runs. Immutable.
 *
 * @param mode all-or-nothing or apply the valid rows
 * @param dryRun when true, everything is applied and then rolled back, so the result tells what
 *     would happen and nothing is written
 */
public record ImportOptions(ImportMode mode, boolean dryRun) {

  /** Checks the values. */
  public ImportOptions {
    if (mode == null) {
      throw new ValidationException("mode", null, "is required");
    }
  }

  /**
   * @return all-or-nothing, for real
   */
  public static ImportOptions allOrNothing() {
    return new ImportOptions(ImportMode.ALL_OR_NOTHING, false);
  }

  /**
   * @return apply the valid rows, for real
   */
  public static ImportOptions applyValidRows() {
    return new ImportOptions(ImportMode.APPLY_VALID_ROWS, false);
  }

  /**
   * @return these options as a dry run
   */
  public ImportOptions asDryRun() {
    return new ImportOptions(mode, true);
  }
}
