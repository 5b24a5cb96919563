/**
 * Data Integrity proofs ({@code type: DataIntegrityProof}) with the cryptosuites {@code
 * eddsa-jcs-2022} (default), {@code ecdsa-jcs-2019} (P-256) and {@code eddsa-rdfc-2022} (RDF
 * Dataset Canonicalization with bundled JSON-LD contexts, never fetched), including proof sets and
 * proof chains ({@code previousProof}), and a holder's {@code authentication} proofs on a
 * presentation, with {@code challenge}, {@code domain} and {@code expires} ({@link
 * io.trainproof.signing.proof.ProofOptions#authentication}). Verification lives in {@link
 * io.trainproof.signing.verify}.
 */
@NullMarked
package io.trainproof.signing.proof;

import org.jspecify.annotations.NullMarked;
