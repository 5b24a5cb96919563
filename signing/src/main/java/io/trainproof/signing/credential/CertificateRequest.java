package io.trainproof.signing.credential;

import io.trainproof.core.ValidationException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a training certificate states.
 *
 * @param issuer the issuing organization
 * @param subject who completed the course
 * @param achievement the course version
 * @param validFrom from when the certificate is valid (usually the completion time)
 * @param validUntil when it expires, or null when it does not
 * @param evidence supporting evidence, possibly empty
 */
public record CertificateRequest(
    IssuerProfile issuer,
    SubjectIdentifier subject,
    AchievementInfo achievement,
    Instant validFrom,
    @Nullable Instant validUntil,
    List<EvidenceItem> evidence) {

  /**
   * Validates and copies.
   *
   * @param issuer the issuer
   * @param subject the subject
   * @param achievement the achievement
   * @param validFrom valid from
   * @param validUntil valid until or null
   * @param evidence the evidence
   */
  public CertificateRequest {
    if (validUntil != null && !validUntil.isAfter(validFrom)) {
      throw new ValidationException(
          "validUntil", validUntil, "must be after validFrom " + validFrom);
    }
    evidence = List.copyOf(evidence);
  }
}
