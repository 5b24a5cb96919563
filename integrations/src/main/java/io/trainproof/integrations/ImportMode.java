package io.trainproof.integrations;

/** How a batch with bad rows is applied. */
public enum ImportMode {
  /**
   * Every row is applied in one transaction, or none is: one bad row (or an unreadable file) leaves
   * the store as it was, and the result lists every error found.
   */
  ALL_OR_NOTHING,
  /**
   * Each valid row is applied in its own transaction; bad rows are reported and skipped. A row
   * never half-applies.
   */
  APPLY_VALID_ROWS
}
