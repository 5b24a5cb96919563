package io.trainproof.reporting;

import io.trainproof.core.TrainproofException;

/**
 * Writing a report, export or evidence pack failed (a full disk, a closed stream). Nothing was left
 * behind: a partial evidence pack is deleted before this is thrown.
 */
public final class ReportOutputException extends TrainproofException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the failure.
   *
   * @param message what was being written
   * @param cause the I/O failure
   */
  public ReportOutputException(String message, Throwable cause) {
    super(message, cause);
  }
}
