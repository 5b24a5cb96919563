package io.trainproof.signing.verify;

/** How a check came out. */
public enum Outcome {
  /** The check ran and passed. */
  PASSED,
  /** The check ran and failed; the check names a {@link FailureReason}. */
  FAILED,
  /** The check does not apply (e.g. no status entry, a {@code did:key} has no interval). */
  NOT_APPLICABLE
}
