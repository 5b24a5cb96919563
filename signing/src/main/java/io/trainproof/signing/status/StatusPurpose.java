package io.trainproof.signing.status;

import java.util.Optional;

/**
 * Why a status bit is set.
 *
 * <p>Choice (documented here because the standard leaves it open): a renewal that replaces a
 * certificate marks the old one in a <em>separate list</em> whose {@code statusPurpose} is {@code
 * superseded}, rather than revoking it. Bitstring Status List v1.0 allows purposes beyond its four
 * named ones, so standard verifiers still parse the entry; Trainproof's verifier reports superseded
 * distinctly from revoked, and a superseded certificate is not stained by a revocation it never
 * had.
 */
public enum StatusPurpose {
  /** The credential was withdrawn (with a reason the host records). */
  REVOCATION("revocation"),
  /** The credential was replaced by a newer one (a renewal). */
  SUPERSEDED("superseded");

  private final String value;

  StatusPurpose(String value) {
    this.value = value;
  }

  /**
   * @return the {@code statusPurpose} value
   */
  public String value() {
    return value;
  }

  /**
   * Finds a purpose by its {@code statusPurpose} value.
   *
   * @param value the value
   * @return the purpose, or empty
   */
  public static Optional<StatusPurpose> fromValue(String value) {
    for (StatusPurpose purpose : values()) {
      if (purpose.value.equals(value)) {
        return Optional.of(purpose);
      }
    }
    return Optional.empty();
  }
}
