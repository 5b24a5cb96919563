package io.trainproof.web.vcapi;

import static java.util.stream.Collectors.joining;

import io.trainproof.signing.verify.FailureReason;
import io.trainproof.signing.verify.VerificationResult;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The verdict of a verification page in one sentence, shared by the Spring module's page and the
 * examples' Jetty host. Stateless.
 */
public final class Verdict {
  private Verdict() {}

  /**
   * One plain-language sentence for the outcome: what a person reading a verification page needs
   * first ("Valid", "Revoked: why", "Expired", "Not valid: ..."), in words, never enum names.
   *
   * @param result the verification result
   * @param revocationReason why the issuer revoked it (shown after "Revoked"), or null
   * @return the sentence
   */
  public static String sentence(VerificationResult result, @Nullable String revocationReason) {
    if (result.verified()) {
      return "Valid";
    }
    Set<FailureReason> reasons = result.failureReasons();
    if (reasons.contains(FailureReason.TAMPERED_CONTENT)
        || reasons.contains(FailureReason.UNCANONICALIZABLE_CONTENT)) {
      return "Not valid: the certificate was changed after it was signed (tampered)";
    }
    if (reasons.contains(FailureReason.REVOKED)) {
      return "Revoked" + (revocationReason == null ? "" : ": " + revocationReason);
    }
    if (reasons.contains(FailureReason.SUPERSEDED)) {
      return "Superseded: a newer certificate replaced this one";
    }
    if (reasons.contains(FailureReason.EXPIRED)) {
      return "Expired";
    }
    if (reasons.contains(FailureReason.NOT_YET_VALID)) {
      return "Not yet valid";
    }
    if (reasons.contains(FailureReason.UNKNOWN_ISSUER)
        || reasons.contains(FailureReason.WRONG_KEY)
        || reasons.contains(FailureReason.UNKNOWN_KEY)) {
      return "Not valid: not signed by a trusted issuer's key";
    }
    if (reasons.contains(FailureReason.MALFORMED_JSON)
        || reasons.contains(FailureReason.MALFORMED_CREDENTIAL)) {
      return "Not valid: this is not a certificate";
    }
    return "Not valid: "
        + reasons.stream().map(FailureReason::description).sorted().collect(joining("; "));
  }
}
