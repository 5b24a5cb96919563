package io.trainproof.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A signed credential issued for a passing completion. Never deleted to revoke: revocation and
 * supersession change its status, which stays visible to outside verifiers through the issuer's
 * status list. Expiry is derived from {@link #validUntil()}. Immutable.
 *
 * @param id the certificate's id
 * @param organization the organization (the issuer)
 * @param member the member it was issued to
 * @param completion the completion it certifies
 * @param course the course
 * @param courseVersion the course version
 * @param credentialId the credential's {@code id} (a URN)
 * @param verificationCode the short human verification code
 * @param credentialJson the signed credential as issued
 * @param statusIndex its index in the issuer's status lists; unique per organization
 * @param issuedAt when issued
 * @param validFrom first valid date
 * @param validUntil last valid date, or null when it never expires
 * @param status valid, revoked or superseded
 * @param statusReason the revocation reason, or the id of the replacing certificate
 * @param statusChangedAt when the status last changed
 * @param version optimistic-lock version, managed by the store
 */
public record Certificate(
    Id<Certificate> id,
    Id<Organization> organization,
    Id<WorkforceMember> member,
    Id<Completion> completion,
    Id<Course> course,
    Id<CourseVersion> courseVersion,
    String credentialId,
    String verificationCode,
    String credentialJson,
    int statusIndex,
    Instant issuedAt,
    LocalDate validFrom,
    @Nullable LocalDate validUntil,
    Status status,
    @Nullable String statusReason,
    @Nullable Instant statusChangedAt,
    long version) {

  /** The stored status; "expired" is derived from dates. */
  public enum Status {
    /** Valid (unless expired by date). */
    VALID,
    /** Revoked, with a reason. */
    REVOKED,
    /** Replaced by a renewal. */
    SUPERSEDED
  }

  /**
   * This certificate with a new status.
   *
   * @param newStatus the status
   * @param reason why (or the replacing certificate's id)
   * @param at when
   * @return the new value
   */
  public Certificate withStatus(Status newStatus, String reason, Instant at) {
    return new Certificate(
        id,
        organization,
        member,
        completion,
        course,
        courseVersion,
        credentialId,
        verificationCode,
        credentialJson,
        statusIndex,
        issuedAt,
        validFrom,
        validUntil,
        newStatus,
        reason,
        at,
        version);
  }
}
