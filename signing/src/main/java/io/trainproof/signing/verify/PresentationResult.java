package io.trainproof.signing.verify;

import io.trainproof.core.ValidationException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What verifying a Verifiable Presentation found ({@link CredentialVerifier#verifyPresentation}):
 * whether the holder's proof was accepted, the result of each credential it carries, and whether
 * each of them is bound to the holder.
 *
 * @param holder the DID whose key signed the presentation, or null when its proof was refused
 * @param refusedField what failed ({@code proof}, {@code challenge}, {@code domain}, {@code
 *     created}, {@code expires}, {@code holder}, as {@link HolderProofVerifier} names it; {@code
 *     holder} also when a credential is not issued to the holder), or null when nothing did
 * @param refusal why, without the presentation's content, or null when nothing failed
 * @param credentials the verification of each credential the presentation carries, in order; empty
 *     when it carries none or its proof was refused (then they are not verified)
 */
public record PresentationResult(
    @Nullable String holder,
    @Nullable String refusedField,
    @Nullable String refusal,
    List<VerificationResult> credentials) {

  /**
   * Validates that a refusal has a field and a reason, and copies the results.
   *
   * @param holder the holder or null
   * @param refusedField the field or null
   * @param refusal the reason or null
   * @param credentials the credentials' results
   */
  public PresentationResult {
    if ((refusedField == null) != (refusal == null)) {
      throw new ValidationException(
          "refusal", refusal, "a refusal has both a field and a reason, or neither");
    }
    credentials = List.copyOf(credentials);
  }

  /**
   * @return true when the holder's proof was accepted, every credential is bound to the holder and
   *     every credential verified
   */
  public boolean verified() {
    return holder != null
        && refusal == null
        && credentials.stream().allMatch(VerificationResult::verified);
  }
}
