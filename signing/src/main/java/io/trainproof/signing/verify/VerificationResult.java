package io.trainproof.signing.verify;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every check a verification ran, in order, with its outcome.
 *
 * @param credentialId the credential's {@code id}, or null when it has none or did not parse
 * @param checks the checks
 */
public record VerificationResult(@Nullable String credentialId, List<Check> checks) {
  /**
   * Copies the checks.
   *
   * @param credentialId the id or null
   * @param checks the checks
   */
  public VerificationResult {
    checks = List.copyOf(checks);
  }

  /**
   * @return true when at least one check ran and none failed
   */
  public boolean verified() {
    return !checks.isEmpty() && checks.stream().noneMatch(c -> c.outcome() == Outcome.FAILED);
  }

  /**
   * @return the reasons of the failed checks; empty when verified
   */
  public Set<FailureReason> failureReasons() {
    Set<FailureReason> reasons = EnumSet.noneOf(FailureReason.class);
    for (Check check : checks) {
      if (check.reason() != null) {
        reasons.add(check.reason());
      }
    }
    return reasons;
  }

  /**
   * The checks of one kind.
   *
   * @param kind the kind
   * @return those checks, in order
   */
  public List<Check> checks(CheckKind kind) {
    return checks.stream().filter(c -> c.kind() == kind).toList();
  }
}
