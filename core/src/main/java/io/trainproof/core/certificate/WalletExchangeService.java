package io.trainproof.core.certificate;

import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import java.time.Instant;

/**
 * The wallet's side of a certificate delivery ({@link CertificateService#deliverToWallet}). A
 * wallet has no account here: holding the exchange's secret is what lets it redeem the exchange,
 * once, before it expires, after proving control of a DID. Two protocols redeem the same exchange:
 *
 * <ul>
 *   <li>VC API exchanges: {@link #open} gives the DID Authentication challenge, {@link
 *       #redeemWithPresentation} takes the holder's signed presentation;
 *   <li>OpenID4VCI, pre-authorized code flow: {@link #redeemPreAuthorizedCode} gives an access
 *       token, {@link #nonce} a one-time nonce, {@link #redeemWithKeyProof} takes the key proof.
 * </ul>
 *
 * <p>Redeeming issues a new certificate bound to the holder's DID ({@code credentialSubject.id}),
 * with a new credential id and status index; the certificate offered is marked superseded by it.
 * Both are in the audit trail, with the exchange, the protocol and the holder. Every refused proof
 * is audited too; after {@link io.trainproof.core.domain.WalletExchange#MAX_FAILURES} refusals the
 * exchange fails. Of concurrent redemptions of one exchange, on one node or many, exactly one
 * issues; the others are refused with {@link WalletExchangeException.Reason#USED}. Every refusal is
 * a {@link WalletExchangeException}. Thread-safe.
 */
public interface WalletExchangeService {

  /** The DID Authentication protocol's name, as recorded. */
  String VCAPI = "vcapi";

  /** OpenID for Verifiable Credential Issuance's name, as recorded. */
  String OPENID4VCI = "openid4vci";

  /**
   * What a wallet is asked to prove.
   *
   * @param organization the issuing organization
   * @param challenge the one-time challenge its presentation must sign
   * @param expiresAt when the exchange expires
   */
  record Challenge(Id<Organization> organization, String challenge, Instant expiresAt) {}

  /**
   * A certificate delivered.
   *
   * @param certificate the new, holder-bound certificate
   * @param credentialJson the signed credential, as JSON text
   * @param holder the holder's DID
   */
  record Delivered(Certificate certificate, String credentialJson, String holder) {}

  /**
   * An OpenID4VCI access token.
   *
   * @param token the token (shown once; kept only as a hash)
   * @param expiresAt when it expires (never after the exchange)
   */
  record AccessToken(String token, Instant expiresAt) {
    @Override
    public String toString() {
      return "AccessToken[expiresAt=" + expiresAt + "]";
    }
  }

  /**
   * The challenge of a redeemable exchange.
   *
   * @param organization the organization
   * @param secret the exchange's secret
   * @return the challenge
   * @throws WalletExchangeException when the exchange is unknown, expired, used or failed
   */
  Challenge open(Id<Organization> organization, String secret);

  /**
   * Redeems an exchange with a DID Authentication presentation.
   *
   * @param organization the organization
   * @param secret the exchange's secret
   * @param presentation the Verifiable Presentation, JSON text
   * @param domain the domain the presentation must be bound to (the host's public origin)
   * @return the certificate delivered
   * @throws WalletExchangeException when refused
   */
  Delivered redeemWithPresentation(
      Id<Organization> organization, String secret, String presentation, String domain);

  /**
   * Exchanges an OpenID4VCI pre-authorized code (the exchange's secret) for an access token. A code
   * is exchanged once.
   *
   * @param organization the organization
   * @param preAuthorizedCode the code
   * @return the access token
   * @throws WalletExchangeException when the code is unknown, expired or already exchanged
   */
  AccessToken redeemPreAuthorizedCode(Id<Organization> organization, String preAuthorizedCode);

  /**
   * A fresh one-time nonce for an OpenID4VCI key proof, valid for five minutes.
   *
   * @param organization the organization
   * @return the nonce
   */
  String nonce(Id<Organization> organization);

  /**
   * Redeems an exchange with an OpenID4VCI key proof ({@code jwt} proof type).
   *
   * @param organization the organization
   * @param accessToken the access token
   * @param proofJwt the key proof, a compact JWT
   * @param credentialIssuer the credential issuer identifier the proof's {@code aud} must name
   * @return the certificate delivered
   * @throws WalletExchangeException when refused
   */
  Delivered redeemWithKeyProof(
      Id<Organization> organization, String accessToken, String proofJwt, String credentialIssuer);
}
