package io.trainproof.core.certificate;

import io.trainproof.core.Actor;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.IssuedCredential;
import io.trainproof.core.domain.WorkforceMember;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Training certificates: issued by the completion service (when a credential issuer is configured
 * and the course version issues certificates), read here, revoked here. Credentials a host
 * assembles are signed here too; they, sealed attestations and certificates share one status index
 * space per organization, so each can be revoked and its bit set in the organization's {@link
 * #REVOCATION} list. Revocation never deletes anything. Thread-safe.
 */
public interface CertificateService {

  /** The status list purpose for revoked certificates. */
  String REVOCATION = "revocation";

  /** The status list purpose for certificates replaced by a renewal. */
  String SUPERSEDED = "superseded";

  /**
   * A member's certificates, oldest first.
   *
   * @param actor the caller
   * @param member the member
   * @return the certificates
   */
  List<Certificate> forMember(Actor actor, Id<WorkforceMember> member);

  /**
   * Finds a certificate by its human verification code.
   *
   * @param actor the caller
   * @param code the code
   * @return the certificate, or empty
   */
  Optional<Certificate> findByCode(Actor actor, String code);

  /**
   * Revokes a certificate with a reason.
   *
   * @param actor the caller
   * @param certificate the certificate
   * @param reason why (kept with the record; the status list shows only the bit)
   * @return the revoked certificate
   */
  Certificate revoke(Actor actor, Id<Certificate> certificate, String reason);

  /** How long an offer to deliver a certificate to a wallet stays redeemable by default. */
  Duration WALLET_OFFER_LIFETIME = Duration.ofMinutes(15);

  /** The longest an offer to deliver a certificate to a wallet may stay redeemable. */
  Duration MAX_WALLET_OFFER_LIFETIME = Duration.ofDays(7);

  /**
   * Offers a certificate for delivery to the member's digital wallet, redeemable for {@link
   * #WALLET_OFFER_LIFETIME}. See {@link #deliverToWallet(Actor, Id, Duration)}.
   *
   * @param actor the caller: a compliance officer, or the member for their own certificate
   * @param certificate the certificate
   * @return the offer, with its secret
   */
  WalletOffer deliverToWallet(Actor actor, Id<Certificate> certificate);

  /**
   * Offers a certificate for delivery to the member's digital wallet: creates a single-use wallet
   * exchange (kept in the store, so any node can redeem it) and returns its secret once. A wallet
   * that redeems it ({@link WalletExchangeService}) proves control of a DID and receives a new
   * certificate bound to that DID; the certificate offered is then superseded by it. The offer is
   * audited ({@code WALLET_DELIVERY_OFFERED}) like any issuing. A revoked or superseded certificate
   * cannot be offered; offering the same certificate twice creates two exchanges, and whichever is
   * redeemed second finds the certificate superseded and is refused.
   *
   * @param actor the caller: a compliance officer, or the member for their own certificate
   * @param certificate the certificate
   * @param lifetime how long the offer stays redeemable (at most {@link
   *     #MAX_WALLET_OFFER_LIFETIME})
   * @return the offer, with its secret
   * @throws NotFoundException when the organization has no such certificate the caller may see
   * @throws ValidationException when the certificate is revoked or superseded, no issuer is
   *     configured, or the lifetime is not positive or too long
   */
  WalletOffer deliverToWallet(Actor actor, Id<Certificate> certificate, Duration lifetime);

  /**
   * Signs a credential the host assembled (for its VC API issuing endpoint, say) with the
   * organization's issuer key, and records the signature in the audit trail: who asked, which key,
   * the credential's id, the hash of what was signed and its status index. Certificates of
   * completed training are issued by {@code CompletionService}, not here.
   *
   * <p>Every credential signed here gets a status entry: a free index is drawn from the
   * organization's status index space (the one its certificates use), the issuer writes a {@code
   * revocation} {@code BitstringStatusListEntry} at that index in the organization's revocation
   * list into the credential before signing (and an {@code id}, {@code urn:uuid:…}, when it has
   * none), and the credential's id, hash and index are kept in the same transaction, so {@link
   * #revokeCredential} can revoke it later. The issuer refuses what it must not sign: a credential
   * that brings its own {@code credentialStatus} or already carries a proof (the entry would break
   * that proof), a credential naming another issuer, a status list (those are signed only by
   * Trainproof), or a document whose JSON-LD drops data.
   *
   * @param actor the caller (a compliance officer or the organization's system actor)
   * @param unsignedCredential the credential as JSON text, without a proof
   * @param cryptosuite the cryptosuite asked for, or null for the issuer's own
   * @return the signed credential as JSON text
   * @throws ValidationException when no issuer is configured, the issuer signs no such credentials,
   *     or it refuses this one (the reason names the field)
   * @throws io.trainproof.core.ConflictException when the organization already issued a credential
   *     with this id
   */
  String signCredential(Actor actor, String unsignedCredential, @Nullable String cryptosuite);

  /**
   * Revokes a credential the SDK signed that is not a certificate (one {@link #signCredential}
   * signed, or a sealed attestation) with a reason: its bit is set in the organization's next
   * {@link #REVOCATION} list. Nothing is deleted; the revocation is audited ({@code
   * CREDENTIAL_REVOKED}, with the status index). Revoke certificates with {@link #revoke}.
   *
   * @param actor the caller (a compliance officer or the organization's system actor)
   * @param credentialId the credential's {@code id}, as in the credential
   * @param reason why (kept with the record; the status list shows only the bit)
   * @return the revoked credential's record
   * @throws NotFoundException when the organization issued no such credential
   * @throws ValidationException when it is already revoked, or an argument is blank
   */
  IssuedCredential revokeCredential(Actor actor, String credentialId, String reason);

  /**
   * The organization's signed status list credential for a purpose.
   *
   * @param actor the caller
   * @param purpose {@link #REVOCATION} or {@link #SUPERSEDED}
   * @return the credential as JSON text
   */
  String statusListCredential(Actor actor, String purpose);
}
