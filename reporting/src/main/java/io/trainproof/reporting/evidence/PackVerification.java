package io.trainproof.reporting.evidence;

import java.util.List;

/**
 * What checking an evidence pack offline found: one entry per check, in words. Immutable.
 *
 * @param checks the checks, in the order they ran
 */
public record PackVerification(List<Check> checks) {
  /** Copies the list. */
  public PackVerification {
    checks = List.copyOf(checks);
  }

  /** How one check came out. */
  public enum Outcome {
    /** It passed. */
    PASSED,
    /** It failed: the pack is not what it claims. */
    FAILED,
    /** It could not be made (no trusted key given, no signature in the pack). */
    NOT_CHECKED
  }

  /**
   * One check.
   *
   * @param name what was checked, in words ("files match the manifest")
   * @param outcome how it came out
   * @param detail what was found, in words, naming files or entries; never file content
   */
  public record Check(String name, Outcome outcome, String detail) {}

  /**
   * @return true when every check passed (a check not made is not a pass)
   */
  public boolean verified() {
    return !checks.isEmpty() && checks.stream().allMatch(c -> c.outcome() == Outcome.PASSED);
  }
}
