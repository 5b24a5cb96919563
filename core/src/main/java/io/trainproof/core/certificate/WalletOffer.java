package io.trainproof.core.certificate;

import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WalletExchange;
import java.time.Instant;

/**
 * An offer to deliver a certificate to a wallet, as {@link CertificateService#deliverToWallet}
 * returns it. The secret is shown here once and kept only as a hash: it is the VC API exchange id
 * and the OpenID4VCI pre-authorized code, so whoever holds it can redeem the exchange once, until
 * it expires. The host turns it into URLs (the interaction URL a QR code carries, the credential
 * offer) under its own public address; see the web module.
 *
 * @param exchange the exchange's id (for the audit trail and the officer's view; not a secret)
 * @param organization the issuing organization
 * @param certificate the certificate offered
 * @param secret the exchange's secret, URL-safe (base64url, 43 characters)
 * @param expiresAt when the offer stops being redeemable
 */
public record WalletOffer(
    Id<WalletExchange> exchange,
    Id<Organization> organization,
    Id<Certificate> certificate,
    String secret,
    Instant expiresAt) {

  @Override
  public String toString() {
    // why: the secret redeems the exchange; it must not reach a log through a toString
    return "WalletOffer[exchange="
        + exchange
        + ", organization="
        + organization
        + ", certificate="
        + certificate
        + ", expiresAt="
        + expiresAt
        + "]";
  }
}
