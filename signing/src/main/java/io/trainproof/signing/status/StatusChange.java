package io.trainproof.signing.status;

import java.time.Instant;

/**
 * A status bit that was set: what the host records next to the certificate (the bitstring only
 * holds the bit, never the reason).
 *
 * @param index the status index
 * @param purpose revocation or supersession
 * @param reason the revocation reason, or the replacing credential's id for a supersession
 * @param at when it was set
 */
public record StatusChange(int index, StatusPurpose purpose, String reason, Instant at) {}
