package io.trainproof.core.certificate;

import io.trainproof.core.Actor;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.WorkforceMember;
import java.util.List;
import java.util.Optional;

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
   * The organization's signed status list credential for a purpose.
   *
   * @param actor the caller
   * @param purpose {@link #REVOCATION} or {@link #SUPERSEDED}
   * @return the credential as JSON text
   */
  String statusListCredential(Actor actor, String purpose);
}
