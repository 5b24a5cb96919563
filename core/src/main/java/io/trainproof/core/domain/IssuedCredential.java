package io.trainproof.core.domain;

import io.trainproof.core.ValidationException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A credential the SDK signed that is not a training certificate: one a host assembled and had
 * signed ({@code CertificateService.signCredential}), or a sealed attestation. Every one holds an
 * index in the organization's status lists, in the same index space as the certificates (no index
 * is held twice), so it can be revoked like a certificate: never deleted, its bit set in the
 * organization's {@code revocation} list. The credential itself is not kept (the host has it; a
 * sealed attestation keeps its own), only its id and the hash of what was signed. Immutable.
 *
 * @param id the record's id
 * @param organization the organization (the issuer)
 * @param kind what was signed
 * @param credentialId the credential's {@code id}; unique per organization, at most {@value
 *     #MAX_CREDENTIAL_ID} characters
 * @param credentialSha256 SHA-256 of the signed credential's JSON text, lowercase hex
 * @param statusIndex its index in the organization's status lists; unique per organization, among
 *     certificates and these credentials together
 * @param issuedAt when it was signed
 * @param status valid or revoked
 * @param statusReason the revocation reason
 * @param statusChangedAt when it was revoked
 * @param version optimistic-lock version, managed by the store
 */
public record IssuedCredential(
    Id<IssuedCredential> id,
    Id<Organization> organization,
    Kind kind,
    String credentialId,
    String credentialSha256,
    int statusIndex,
    Instant issuedAt,
    Status status,
    @Nullable String statusReason,
    @Nullable Instant statusChangedAt,
    long version) {

  /** The longest credential id kept, in characters (what every store's column holds). */
  public static final int MAX_CREDENTIAL_ID = 500;

  /**
   * Checks the credential id and the status index.
   *
   * @throws ValidationException when the credential id is blank or longer than {@value
   *     #MAX_CREDENTIAL_ID} characters, or the index is negative
   */
  public IssuedCredential {
    if (credentialId.isBlank()) {
      throw new ValidationException(
          "credentialId", credentialId, "is required: it names the credential to revoke it");
    }
    if (credentialId.length() > MAX_CREDENTIAL_ID) {
      throw new ValidationException(
          "credentialId",
          credentialId.substring(0, 40) + "…",
          "is "
              + credentialId.length()
              + " characters; at most "
              + MAX_CREDENTIAL_ID
              + " are kept");
    }
    if (statusIndex < 0) {
      throw new ValidationException("statusIndex", statusIndex, "must not be negative");
    }
  }

  /** What the SDK signed. */
  public enum Kind {
    /** A credential the host assembled and had signed. */
    HOST_SIGNED,
    /** A sealed policy attestation. */
    ATTESTATION
  }

  /** The stored status. */
  public enum Status {
    /** Valid (as far as its issuer is concerned; its own dates may still expire it). */
    VALID,
    /** Revoked, with a reason. */
    REVOKED
  }

  /**
   * A credential just signed: valid, version 0.
   *
   * @param organization the organization
   * @param kind what was signed
   * @param credentialId the credential's id
   * @param credentialSha256 the hash of the signed JSON text
   * @param statusIndex its status list index
   * @param issuedAt when
   * @return the record
   */
  public static IssuedCredential issued(
      Id<Organization> organization,
      Kind kind,
      String credentialId,
      String credentialSha256,
      int statusIndex,
      Instant issuedAt) {
    return new IssuedCredential(
        Id.random(),
        organization,
        kind,
        credentialId,
        credentialSha256,
        statusIndex,
        issuedAt,
        Status.VALID,
        null,
        null,
        0);
  }

  /**
   * This credential revoked.
   *
   * @param reason why
   * @param at when
   * @return the new value
   */
  public IssuedCredential revoked(String reason, Instant at) {
    return new IssuedCredential(
        id,
        organization,
        kind,
        credentialId,
        credentialSha256,
        statusIndex,
        issuedAt,
        Status.REVOKED,
        reason,
        at,
        version);
  }
}
