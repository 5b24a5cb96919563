package io.trainproof.core.certificate;

import io.trainproof.core.Actor;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.WorkforceMember;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Training certificates: issued by the completion service (when a credential issuer is configured
 * and the course version issues certificates), read here, revoked here. Revocation never deletes
 * anything. Thread-safe.
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

  /**
   * Signs a credential the host assembled (for its VC API issuing endpoint, say) with the
   * organization's issuer key, and records the signature in the audit trail: who asked, which key,
   * the credential's id and the hash of what was signed. Certificates of completed training are
   * issued by {@code CompletionService}, not here. The issuer refuses what it must not sign: a
   * credential naming another issuer, a status list (those are signed only by Trainproof), or a
   * document whose JSON-LD drops data. A proof already on the credential stays (a proof set).
   *
   * @param actor the caller (a compliance officer or the organization's system actor)
   * @param unsignedCredential the credential as JSON text, without a proof
   * @param cryptosuite the cryptosuite asked for, or null for the issuer's own
   * @return the signed credential as JSON text
   * @throws ValidationException when no issuer is configured, the issuer signs no such credentials,
   *     or it refuses this one (the reason names the field)
   */
  String signCredential(Actor actor, String unsignedCredential, @Nullable String cryptosuite);

  /**
   * The organization's signed status list credential for a purpose.
   *
   * @param actor the caller
   * @param purpose {@link #REVOCATION} or {@link #SUPERSEDED}
   * @return the credential as JSON text
   */
  String statusListCredential(Actor actor, String purpose);
}
