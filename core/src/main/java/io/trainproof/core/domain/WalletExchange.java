package io.trainproof.core.domain;

import io.trainproof.core.ValidationException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One delivery of a certificate to a holder's wallet: created when an officer (or the member) asks
 * to deliver, redeemed once by a wallet that proves control of a DID, over the VC API exchange
 * protocol or OpenID for Verifiable Credential Issuance (pre-authorized code). Both protocols work
 * on this one state, so a certificate offered once is issued once, whichever the wallet speaks. The
 * exchange's secret (its VC API exchange id and its pre-authorized code) and its access token are
 * kept only as SHA-256 hashes. Immutable.
 *
 * @param id the record's id
 * @param organization the organization (the issuer)
 * @param certificate the certificate offered
 * @param member the certificate's member
 * @param secretSha256 SHA-256 of the exchange's secret, lowercase hex; unique per organization
 * @param challenge the one-time DID Authentication challenge
 * @param createdAt when it was offered
 * @param expiresAt when it stops being redeemable
 * @param createdBy the id of the actor who offered it
 * @param state where it is
 * @param failures refused proofs so far; at {@link #MAX_FAILURES} the exchange fails
 * @param accessTokenSha256 SHA-256 of the OpenID4VCI access token, once one was issued
 * @param accessTokenExpiresAt when that token expires
 * @param holder the DID the certificate was bound to, once issued
 * @param protocol {@code vcapi} or {@code openid4vci}, once issued
 * @param issuedCertificate the holder-bound certificate issued, once issued
 * @param completedAt when it was issued
 * @param version optimistic-lock version, managed by the store
 */
public record WalletExchange(
    Id<WalletExchange> id,
    Id<Organization> organization,
    Id<Certificate> certificate,
    Id<WorkforceMember> member,
    String secretSha256,
    String challenge,
    Instant createdAt,
    Instant expiresAt,
    String createdBy,
    State state,
    int failures,
    @Nullable String accessTokenSha256,
    @Nullable Instant accessTokenExpiresAt,
    @Nullable String holder,
    @Nullable String protocol,
    @Nullable Id<Certificate> issuedCertificate,
    @Nullable Instant completedAt,
    long version) {

  /** Refused proofs after which an exchange fails and can no longer be redeemed. */
  public static final int MAX_FAILURES = 5;

  /** The longest DID kept as a holder. */
  public static final int MAX_HOLDER = 500;

  /** The longest challenge, and the longest id of the actor who offered, kept. */
  public static final int MAX_TEXT = 200;

  /** The longest protocol name kept. */
  public static final int MAX_PROTOCOL = 40;

  /** Validates the record. */
  public WalletExchange {
    if (!expiresAt.isAfter(createdAt)) {
      throw new ValidationException("expiresAt", expiresAt, "must be after createdAt");
    }
    if (secretSha256.length() != 64) {
      throw new ValidationException("secretSha256", "…", "must be 64 hex characters");
    }
    if (challenge.isBlank() || challenge.length() > MAX_TEXT) {
      throw new ValidationException(
          "challenge", challenge.length() + " characters", "must be 1 to " + MAX_TEXT);
    }
    if (createdBy.isBlank() || createdBy.length() > MAX_TEXT) {
      throw new ValidationException(
          "createdBy", createdBy.length() + " characters", "must be 1 to " + MAX_TEXT);
    }
    if (protocol != null && (protocol.isBlank() || protocol.length() > MAX_PROTOCOL)) {
      throw new ValidationException(
          "protocol", protocol.length() + " characters", "must be 1 to " + MAX_PROTOCOL);
    }
    if (holder != null && holder.length() > MAX_HOLDER) {
      throw new ValidationException(
          "holder", holder.substring(0, 40) + "…", "is longer than " + MAX_HOLDER + " characters");
    }
  }

  /** Where an exchange is. */
  public enum State {
    /** Offered; nothing redeemed yet. */
    OFFERED,
    /** An OpenID4VCI access token was issued for its pre-authorized code. */
    TOKEN_ISSUED,
    /** The certificate was issued to a holder; the exchange is used up. */
    COMPLETED,
    /** Too many refused proofs; it can no longer be redeemed. */
    FAILED
  }

  /**
   * A new exchange.
   *
   * @param organization the organization
   * @param certificate the certificate offered
   * @param member its member
   * @param secretSha256 SHA-256 of the secret handed to the wallet
   * @param challenge the DID Authentication challenge
   * @param createdAt now
   * @param expiresAt when it expires
   * @param createdBy who offered it
   * @return the exchange, {@link State#OFFERED}
   */
  public static WalletExchange offered(
      Id<Organization> organization,
      Id<Certificate> certificate,
      Id<WorkforceMember> member,
      String secretSha256,
      String challenge,
      Instant createdAt,
      Instant expiresAt,
      String createdBy) {
    return new WalletExchange(
        Id.random(),
        organization,
        certificate,
        member,
        secretSha256,
        challenge,
        createdAt,
        expiresAt,
        createdBy,
        State.OFFERED,
        0,
        null,
        null,
        null,
        null,
        null,
        null,
        0);
  }

  /**
   * @param now the instant to test
   * @return whether it can still be redeemed at {@code now}: not expired, not used, not failed
   */
  public boolean redeemableAt(Instant now) {
    return now.isBefore(expiresAt) && (state == State.OFFERED || state == State.TOKEN_ISSUED);
  }

  /**
   * @param tokenSha256 the access token's hash
   * @param tokenExpiresAt when it expires
   * @return this exchange with an access token issued
   */
  public WalletExchange withAccessToken(String tokenSha256, Instant tokenExpiresAt) {
    return new WalletExchange(
        id,
        organization,
        certificate,
        member,
        secretSha256,
        challenge,
        createdAt,
        expiresAt,
        createdBy,
        State.TOKEN_ISSUED,
        failures,
        tokenSha256,
        tokenExpiresAt,
        holder,
        protocol,
        issuedCertificate,
        completedAt,
        version);
  }

  /**
   * @return this exchange with one more refused proof, failed at {@link #MAX_FAILURES}
   */
  public WalletExchange withFailure() {
    int n = failures + 1;
    return new WalletExchange(
        id,
        organization,
        certificate,
        member,
        secretSha256,
        challenge,
        createdAt,
        expiresAt,
        createdBy,
        n >= MAX_FAILURES ? State.FAILED : state,
        n,
        accessTokenSha256,
        accessTokenExpiresAt,
        holder,
        protocol,
        issuedCertificate,
        completedAt,
        version);
  }

  /**
   * @param holderDid the holder the certificate was bound to
   * @param protocolName {@code vcapi} or {@code openid4vci}
   * @param issued the holder-bound certificate
   * @param at when
   * @return this exchange, completed
   */
  public WalletExchange completed(
      String holderDid, String protocolName, Id<Certificate> issued, Instant at) {
    return new WalletExchange(
        id,
        organization,
        certificate,
        member,
        secretSha256,
        challenge,
        createdAt,
        expiresAt,
        createdBy,
        State.COMPLETED,
        failures,
        accessTokenSha256,
        accessTokenExpiresAt,
        holderDid,
        protocolName,
        issued,
        at,
        version);
  }
}
