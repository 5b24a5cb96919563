package io.trainproof.core.certificate;

import io.trainproof.core.TrainproofException;

/**
 * A wallet's step in an exchange was refused. The {@link #reason()} says which refusal it is, so a
 * host answers with the status and error code its protocol defines (see the web module); the
 * message says why in words and never repeats the secret, the token or the proof.
 */
public final class WalletExchangeException extends TrainproofException {
  private static final long serialVersionUID = 1L;

  /** Why a step was refused. */
  public enum Reason {
    /** No exchange, access token or nonce of the organization matches (HTTP 404 or 400). */
    UNKNOWN,
    /** The exchange expired before it was redeemed (HTTP 410). */
    EXPIRED,
    /** The exchange was already redeemed, or its pre-authorized code already exchanged. */
    USED,
    /** Too many refused proofs: the exchange can no longer be redeemed. */
    FAILED,
    /** The certificate was revoked or replaced after it was offered. */
    NOT_DELIVERABLE,
    /** The access token is unknown or expired (OAuth {@code invalid_token}). */
    INVALID_TOKEN,
    /** The holder's proof was refused (OpenID4VCI {@code invalid_proof}). */
    INVALID_PROOF,
    /**
     * The key proof's nonce was not issued here, expired or was used (OpenID4VCI {@code
     * invalid_nonce}).
     */
    INVALID_NONCE
  }

  private final Reason reason;

  /**
   * @param reason which refusal
   * @param message why, in words
   */
  public WalletExchangeException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /**
   * @return which refusal
   */
  public Reason reason() {
    return reason;
  }
}
