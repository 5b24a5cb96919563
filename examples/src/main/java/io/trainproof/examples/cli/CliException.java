package io.trainproof.examples.cli;

import io.trainproof.core.TrainproofException;

/**
 * Input the command line refuses: a file that is not usable, an option that would overwrite a key,
 * a fragment outside the allowed pattern. The CLI prints the message on one line and exits with
 * code 2. The message names the file and the problem, never the file's content.
 */
public final class CliException extends TrainproofException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was refused and why; never file content or secrets
   */
  public CliException(String message) {
    super(message);
  }
}
