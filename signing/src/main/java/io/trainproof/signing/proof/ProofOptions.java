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
 * @param challenge the proof's {@code challenge} (an {@code authentication} proof made for a
 *     verifier's one-time challenge), or null
 * @param domain the proof's {@code domain} (the verifier it is made for), or null
 * @param expires the proof's {@code expires} (written to the second), or null
 */
public record ProofOptions(
    Cryptosuite cryptosuite,
    Instant created,
    String proofPurpose,
    @Nullable String id,
    List<String> previousProof,
    @Nullable String challenge,
    @Nullable String domain,
    @Nullable Instant expires) {

  /**
   * Validates and copies.
   *
   * @param cryptosuite the suite
   * @param created the creation time
   * @param proofPurpose the purpose
   * @param id the proof id or null
   * @param previousProof the chained proof ids
   * @param challenge the challenge or null
   * @param domain the domain or null
   * @param expires the expiry or null
   */
  public ProofOptions {
    if (proofPurpose.isBlank()) {
      throw new ValidationException("proofPurpose", proofPurpose, "must not be blank");
    }
    created = created.truncatedTo(ChronoUnit.SECONDS);
    previousProof = List.copyOf(previousProof);
    if (challenge != null && challenge.isEmpty()) {
      throw new ValidationException("challenge", challenge, "must not be empty");
    }
    if (domain != null && domain.isEmpty()) {
      throw new ValidationException("domain", domain, "must not be empty");
    }
    expires = expires == null ? null : expires.truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * Options without challenge, domain or expiry.
   *
   * @param cryptosuite the suite
   * @param created the creation time
   * @param proofPurpose the purpose
   * @param id the proof id or null
   * @param previousProof the chained proof ids
   */
  public ProofOptions(
      Cryptosuite cryptosuite,
      Instant created,
      String proofPurpose,
      @Nullable String id,
      List<String> previousProof) {
    this(cryptosuite, created, proofPurpose, id, previousProof, null, null, null);
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
   * Options for a holder's {@code authentication} proof on a presentation (DID Authentication):
   * made for one verifier ({@code domain}) and one of its one-time challenges.
   *
   * @param cryptosuite the suite
   * @param created the creation time
   * @param challenge the verifier's challenge
   * @param domain the verifier's domain
   * @return the options
   */
  public static ProofOptions authentication(
      Cryptosuite cryptosuite, Instant created, String challenge, String domain) {
    return new ProofOptions(
        cryptosuite, created, "authentication", null, List.of(), challenge, domain, null);
  }

  /**
   * Gives the proof an expiry.
   *
   * @param instant when the proof stops being acceptable
   * @return new options
   */
  public ProofOptions withExpires(Instant instant) {
    return new ProofOptions(
        cryptosuite, created, proofPurpose, id, previousProof, challenge, domain, instant);
  }

  /**
   * Gives the proof an id.
   *
   * @param proofId the id, e.g. {@code urn:uuid:…}
   * @return new options
   */
  public ProofOptions withId(String proofId) {
    return new ProofOptions(
        cryptosuite, created, proofPurpose, proofId, previousProof, challenge, domain, expires);
  }

  /**
   * Chains the proof to proofs already on the document.
   *
   * @param proofIds their ids
   * @return new options
   */
  public ProofOptions withPreviousProof(List<String> proofIds) {
    return new ProofOptions(
        cryptosuite, created, proofPurpose, id, proofIds, challenge, domain, expires);
  }
}
