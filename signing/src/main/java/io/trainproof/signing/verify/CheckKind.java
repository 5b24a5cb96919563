package io.trainproof.signing.verify;

/** The checks a verification runs. */
public enum CheckKind {
  /** The input is one JSON object within the size and depth limits, without duplicate keys. */
  WELL_FORMED,
  /** A proof is well formed, of a known suite, and its signature verifies (one check per proof). */
  PROOF,
  /** A proof's key is known and was valid at the proof's {@code created} (one per proof). */
  KEY_VALIDITY,
  /** The issuer is in the trust bundle and signed the credential with one of its keys. */
  ISSUER_TRUSTED,
  /** The verification time lies within {@code validFrom}/{@code validUntil}. */
  VALIDITY_PERIOD,
  /** The credential is not revoked. */
  REVOCATION,
  /** The credential is not superseded by a renewal. */
  SUPERSESSION,
  /**
   * A {@code credentialStatus} entry is one the verifier checks (reported only when it is not: the
   * entries it checks are {@link #REVOCATION} and {@link #SUPERSESSION}).
   */
  STATUS
}
