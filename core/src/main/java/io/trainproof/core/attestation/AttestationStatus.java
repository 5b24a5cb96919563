package io.trainproof.core.attestation;

import io.trainproof.core.domain.Attestation;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One attestation's standing on a date. Immutable.
 *
 * @param attestation the request and its evidence
 * @param asOf the date
 * @param state its state that day
 */
public record AttestationStatus(Attestation attestation, LocalDate asOf, AttestationState state) {
  /**
   * Derives the state on a date.
   *
   * @param a the attestation
   * @param asOf the date
   * @param supersededOn the date a newer version of the policy took effect, or null when none
   * @return the status
   */
  public static AttestationStatus of(
      Attestation a, LocalDate asOf, @Nullable LocalDate supersededOn) {
    AttestationState state;
    if (a.evidence() != null && !a.evidence().attestedOn().isAfter(asOf)) {
      state = AttestationState.ATTESTED;
    } else if (supersededOn != null && !supersededOn.isAfter(asOf)) {
      state = AttestationState.SUPERSEDED;
    } else if (asOf.isAfter(a.dueOn())) {
      state = AttestationState.OVERDUE;
    } else {
      state = AttestationState.PENDING;
    }
    return new AttestationStatus(a, asOf, state);
  }
}
