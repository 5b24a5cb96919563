package io.trainproof.signing.verify;

import io.trainproof.core.ValidationException;
import io.trainproof.signing.jcs.JsonLimits;
import io.trainproof.signing.status.StatusListCredentials;
import java.time.Duration;

/**
 * What a verifier demands beyond the proofs themselves.
 *
 * @param limits size and depth limits for the input
 * @param requireIssuerKey whether at least one valid proof must be made with a key of the
 *     credential's issuer (Data Integrity itself only checks proofs; Trainproof asks for this by
 *     default, since otherwise anyone could sign a credential that names a trusted issuer)
 * @param statusListMaxAge how long after its {@code validFrom} a status list that states no {@code
 *     validUntil} is taken as current (a list that states neither date is refused); a list that
 *     states {@code validUntil} is current until then
 */
public record VerificationPolicy(
    JsonLimits limits, boolean requireIssuerKey, Duration statusListMaxAge) {
  /**
   * Default limits, issuer key required, status lists without {@code validUntil} current for {@link
   * StatusListCredentials#DEFAULT_VALIDITY} (what Trainproof's issuers give their lists).
   */
  public static final VerificationPolicy DEFAULT = new VerificationPolicy(JsonLimits.DEFAULT, true);

  /**
   * Validates.
   *
   * @param limits the input limits
   * @param requireIssuerKey whether the issuer's own key must sign
   * @param statusListMaxAge positive
   */
  public VerificationPolicy {
    if (statusListMaxAge.isNegative() || statusListMaxAge.isZero()) {
      throw new ValidationException("statusListMaxAge", statusListMaxAge, "must be positive");
    }
  }

  /**
   * A policy with the default {@link #statusListMaxAge()}.
   *
   * @param limits the input limits
   * @param requireIssuerKey whether the issuer's own key must sign
   */
  public VerificationPolicy(JsonLimits limits, boolean requireIssuerKey) {
    this(limits, requireIssuerKey, StatusListCredentials.DEFAULT_VALIDITY);
  }
}
