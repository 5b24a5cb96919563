package io.trainproof.core.spi;

import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WalletExchange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Wallet exchanges and the one-time nonces of OpenID4VCI key proofs. Every read and write names the
 * organization. Several nodes redeem at once: {@link #update} refuses a stale version with {@link
 * io.trainproof.core.ConflictException}, so of two concurrent redemptions of one exchange exactly
 * one commits, and {@link #consumeNonce} lets exactly one caller consume a nonce.
 */
public interface WalletExchangeRepository {

  /**
   * Inserts a new exchange.
   *
   * @param exchange the exchange, version 0
   * @throws io.trainproof.core.ConflictException when its id or secret hash is taken
   */
  void insert(WalletExchange exchange);

  /**
   * Updates an exchange if its version is the stored one.
   *
   * @param exchange the changed exchange, with the version read
   * @return the stored exchange, its version incremented
   * @throws io.trainproof.core.ConflictException when another transaction changed it first
   */
  WalletExchange update(WalletExchange exchange);

  /**
   * @param organization the organization
   * @param id the exchange
   * @return the exchange, or empty
   */
  Optional<WalletExchange> find(Id<Organization> organization, Id<WalletExchange> id);

  /**
   * @param organization the organization
   * @param secretSha256 SHA-256 of the exchange's secret
   * @return the exchange, or empty
   */
  Optional<WalletExchange> findBySecret(Id<Organization> organization, String secretSha256);

  /**
   * @param organization the organization
   * @param accessTokenSha256 SHA-256 of an access token issued for an exchange
   * @return the exchange, or empty
   */
  Optional<WalletExchange> findByAccessToken(
      Id<Organization> organization, String accessTokenSha256);

  /**
   * @param organization the organization
   * @param certificate a certificate
   * @return the exchanges that offered it, oldest first
   */
  List<WalletExchange> forCertificate(Id<Organization> organization, Id<Certificate> certificate);

  /**
   * Keeps a nonce handed to a wallet for its key proof.
   *
   * @param organization the organization
   * @param nonceSha256 SHA-256 of the nonce
   * @param expiresAt when it stops being accepted
   * @throws io.trainproof.core.ConflictException when the organization already keeps this nonce
   */
  void insertNonce(Id<Organization> organization, String nonceSha256, Instant expiresAt);

  /**
   * Consumes a nonce: removes it and says whether it was there and unexpired at {@code now}.
   * Expired nonces of the organization are removed on the way (a bounded number per call, so a
   * consume stays cheap), which the store contract checks.
   *
   * @param organization the organization
   * @param nonceSha256 SHA-256 of the nonce
   * @param now the current instant
   * @return true exactly once for a nonce inserted and not expired
   */
  boolean consumeNonce(Id<Organization> organization, String nonceSha256, Instant now);
}
