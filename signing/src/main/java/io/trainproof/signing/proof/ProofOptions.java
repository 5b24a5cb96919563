package io.trainproof.signing.proof;

import io.trainproof.core.ValidationException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The options of one proof to add. The verification method comes from the {@link
 * io.trainproof.signing.key.Signer}.
 *
 * @param cryptosuite the suite
 * @param created the proof's creation time (written to the second)
 * @param proofPurpose usually {@code assertionMethod}
 * @param id the proof's own id, needed when a later proof names it in {@code previousProof}
 * @param previousProof ids of proofs already on the document that this proof chains to; empty for a
 *     proof in a set
 */
public record ProofOptions(
    Cryptosuite cryptosuite,
    Instant created,
    String proofPurpose,
    @Nullable String id,
    List<String> previousProof) {

  /**
   * Validates and copies.
   *
   * @param cryptosuite the suite
   * @param created the creation time
   * @param proofPurpose the purpose
   * @param id the proof id or null
   * @param previousProof the chained proof ids
   */
  public ProofOptions {
    if (proofPurpose.isBlank()) {
      throw new ValidationException("proofPurpose", proofPurpose, "must not be blank");
    }
    created = created.truncatedTo(ChronoUnit.SECONDS);
    previousProof = List.copyOf(previousProof);
  }

  /**
   * Options for an {@code assertionMethod} proof without id or chain.
   *
   * @param cryptosuite the suite
   * @param created the creation time
   * @return the options
   */
  public static ProofOptions of(Cryptosuite cryptosuite, Instant created) {
    return new ProofOptions(cryptosuite, created, "assertionMethod", null, List.of());
  }

  /**
   * Gives the proof an id.
   *
   * @param proofId the id, e.g. {@code urn:uuid:…}
   * @return new options
   */
  public ProofOptions withId(String proofId) {
    return new ProofOptions(cryptosuite, created, proofPurpose, proofId, previousProof);
  }

  /**
   * Chains the proof to proofs already on the document.
   *
   * @param proofIds their ids
   * @return new options
   */
  public ProofOptions withPreviousProof(List<String> proofIds) {
    return new ProofOptions(cryptosuite, created, proofPurpose, id, proofIds);
  }
}
