package io.trainproof.core.attestation;

/** Where one attestation request stands on a date (derived from dates, never stored). */
public enum AttestationState {
  /** Requested, not yet due. */
  PENDING,
  /** Attested. */
  ATTESTED,
  /** Past its due date and not attested. */
  OVERDUE,
  /** Not attested, and a newer version of the policy is now in effect. */
  SUPERSEDED
}
