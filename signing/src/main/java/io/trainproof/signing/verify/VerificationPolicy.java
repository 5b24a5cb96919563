package io.trainproof.signing.verify;

import io.trainproof.signing.jcs.JsonLimits;

/**
 * What a verifier demands beyond the proofs themselves.
 *
 * @param limits size and depth limits for the input
 * @param requireIssuerKey whether at least one valid proof must be made with a key of the
 *     credential's issuer (Data Integrity itself only checks proofs; Trainproof asks for this by
 *     default, since otherwise anyone could sign a credential that names a trusted issuer)
 */
public record VerificationPolicy(JsonLimits limits, boolean requireIssuerKey) {
  /** Default limits, issuer key required. */
  public static final VerificationPolicy DEFAULT = new VerificationPolicy(JsonLimits.DEFAULT, true);
}
