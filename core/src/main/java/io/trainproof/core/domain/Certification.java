package io.trainproof.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A certification a member holds from an outside provider, kept as evidence: issuer, credential id,
 * dates, the hash of the evidence file, and — when the certification is a verifiable credential —
 * the outcome of verifying it. Immutable.
 *
 * @param id the record's id
 * @param organization the organization
 * @param member who holds it
 * @param kind its kind
 * @param issuer the issuing provider
 * @param credentialId the provider's credential id
 * @param issuedOn when issued
 * @param expiresOn the last valid date, or null when it never expires
 * @param evidenceSha256 SHA-256 of the evidence file, if kept
 * @param verification the outcome of verifying it as a credential, if it is one
 * @param recordedAt when recorded
 * @param recordedBy who recorded it
 */
public record Certification(
    Id<Certification> id,
    Id<Organization> organization,
    Id<WorkforceMember> member,
    Id<CertificationKind> kind,
    String issuer,
    String credentialId,
    LocalDate issuedOn,
    @Nullable LocalDate expiresOn,
    @Nullable String evidenceSha256,
    @Nullable Verification verification,
    Instant recordedAt,
    String recordedBy) {

  /**
   * How a certification that is a verifiable credential or Open Badge was verified.
   *
   * @param verified whether every check passed
   * @param summary the checks and their outcomes, as the verifier reported them
   * @param verifiedAt when
   */
  public record Verification(boolean verified, String summary, Instant verifiedAt) {}

  /**
   * Whether it is valid on a date.
   *
   * @param date the date
   * @return true from the issue date through the expiry date
   */
  public boolean validOn(LocalDate date) {
    return !issuedOn.isAfter(date)
        && (expiresOn == null || !expiresOn.isBefore(date))
        && (verification == null || verification.verified());
  }
}
