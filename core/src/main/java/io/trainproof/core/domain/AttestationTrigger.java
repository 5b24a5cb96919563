package io.trainproof.core.domain;

/** Which published versions of a policy ask its audience for an attestation. */
public enum AttestationTrigger {
  /** None: attestations are only requested by hand. */
  NONE,
  /** Every new version. */
  EVERY_VERSION,
  /** Only material versions. */
  MATERIAL_ONLY
}
