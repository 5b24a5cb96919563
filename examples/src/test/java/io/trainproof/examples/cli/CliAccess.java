package io.trainproof.examples.cli;

import java.io.PrintWriter;

/** Lets tests in other packages drive the CLI in-process. */
public final class CliAccess {
  private CliAccess() {}

  /**
   * Runs the CLI without exiting.
   *
   * @param args arguments
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return TrainproofCli.run(args, out, err);
  }
}
