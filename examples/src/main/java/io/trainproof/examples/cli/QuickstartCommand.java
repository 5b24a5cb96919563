package io.trainproof.examples.cli;

import io.trainproof.examples.Quickstart;
import picocli.CommandLine.Command;

/** {@code trainproof quickstart}: the in-memory walk-through. */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    description =
        "A small clinic on the in-memory store: hires, completions, a material change, renewals, status.")
final class QuickstartCommand implements Runnable {
  @Override
  public void run() {
    Quickstart.main(new String[0]);
  }
}
