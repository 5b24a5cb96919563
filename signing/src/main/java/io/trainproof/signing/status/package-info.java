/**
 * Revocation and supersession with W3C Bitstring Status List v1.0: per issuer, random never-reused
 * indexes in lists of at least 131,072 entries, revocation with a reason for the host to record,
 * and signed, publishable status list credentials. Nothing is ever deleted: a bit once set stays
 * set.
 */
@NullMarked
package io.trainproof.signing.status;

import org.jspecify.annotations.NullMarked;
