package io.trainproof.reporting;

import io.trainproof.core.TrainproofException;

/**
 * An evidence pack asked for a sample of new hires larger than the number of new hires the actor
 * may see in the period. Nothing was written.
 */
public final class SampleTooLargeException extends TrainproofException {
  private static final long serialVersionUID = 1L;

  private final int requested;
  private final int population;

  /**
   * Creates the failure.
   *
   * @param requested the sample size asked for
   * @param population how many new hires there were to choose from
   */
  public SampleTooLargeException(int requested, int population) {
    super("sample of " + requested + " new hires asked for, but the period has only " + population);
    this.requested = requested;
    this.population = population;
  }

  /**
   * @return the sample size asked for
   */
  public int requested() {
    return requested;
  }

  /**
   * @return how many new hires there were to choose from
   */
  public int population() {
    return population;
  }
}
