package io.trainproof.signing.verify;

import io.trainproof.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * One check of a verification and how it came out.
 *
 * @param kind what was checked
 * @param outcome how it came out
 * @param reason why it failed; null unless {@code outcome} is {@link Outcome#FAILED}
 * @param detail a sentence for people: which proof, which key, which date
 */
public record Check(
    CheckKind kind, Outcome outcome, @Nullable FailureReason reason, String detail) {
  /**
   * Validates that a reason is given exactly for failures.
   *
   * @param kind the kind
   * @param outcome the outcome
   * @param reason the reason or null
   * @param detail the detail
   */
  public Check {
    if ((outcome == Outcome.FAILED) != (reason != null)) {
      throw new ValidationException("reason", reason, "is required for, and only for, a failure");
    }
  }

  static Check passed(CheckKind kind, String detail) {
    return new Check(kind, Outcome.PASSED, null, detail);
  }

  static Check failed(CheckKind kind, FailureReason reason, String detail) {
    return new Check(kind, Outcome.FAILED, reason, detail);
  }

  static Check notApplicable(CheckKind kind, String detail) {
    return new Check(kind, Outcome.NOT_APPLICABLE, null, detail);
  }
}
