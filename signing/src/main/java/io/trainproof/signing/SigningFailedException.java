package io.trainproof.signing;

import io.trainproof.core.TrainproofException;

/**
 * A key provider could not produce a signature (an HSM or KMS refused or was unreachable, or the
 * key is of the wrong kind for the requested cryptosuite). Nothing was issued.
 */
public final class SigningFailedException extends TrainproofException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which key and what failed
   */
  public SigningFailedException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message which key and what failed
   * @param cause the provider's failure
   */
  public SigningFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
