package io.trainproof.core;

/**
 * A rule that protects the evidence says no: a signature or hash does not match, a hash chain is
 * broken, or a retention period or legal hold forbids the change.
 */
public final class IntegrityException extends TrainproofException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an integrity failure.
   *
   * @param message which rule refused and on what
   */
  public IntegrityException(String message) {
    super(message);
  }
}
