package io.trainproof.integrations.internal;

import io.trainproof.core.TrainproofException;
import io.trainproof.integrations.RowError;

/**
 * Thrown inside a row's work to fail the row with a typed error (an unknown member, say) and roll
 * back whatever the row had done. Not API.
 */
public final class RowFailure extends TrainproofException {
  private static final long serialVersionUID = 1L;
  private final transient RowError error;

  /**
   * A failure.
   *
   * @param error the row error
   */
  public RowFailure(RowError error) {
    super(error.toString());
    this.error = error;
  }

  /**
   * @return the row error
   */
  public RowError error() {
    return error;
  }
}
