package io.trainproof.signing;

import io.trainproof.core.TrainproofException;

/**
 * Input that the signing module cannot use at all: JSON that does not parse, has duplicate keys, is
 * larger or deeper than the configured limits, holds a number that cannot be represented exactly,
 * or a key, multibase or PEM text that does not decode.
 *
 * <p>Verification never throws this for a credential it was asked to check; it reports the problem
 * as a failed check instead. Signing and key import throw it.
 */
public final class UnusableInputException extends TrainproofException {
  private static final long serialVersionUID = 1L;

  private final String what;

  /**
   * Creates the exception.
   *
   * @param what the kind of input, e.g. {@code "json"}, {@code "multibase"}, {@code "pem"}
   * @param reason what is wrong with it; never the secret content
   */
  public UnusableInputException(String what, String reason) {
    super(what + ": " + reason);
    this.what = what;
  }

  /**
   * Creates the exception with a cause.
   *
   * @param what the kind of input
   * @param reason what is wrong with it
   * @param cause the underlying failure
   */
  public UnusableInputException(String what, String reason, Throwable cause) {
    super(what + ": " + reason, cause);
    this.what = what;
  }

  /**
   * @return the kind of input that was unusable
   */
  public String what() {
    return what;
  }
}
