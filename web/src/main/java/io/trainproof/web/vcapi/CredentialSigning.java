package io.trainproof.web.vcapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.proof.Cryptosuite;

/**
 * The one place where the web host has a credential signed ({@code POST /credentials/issue}): the
 * seam an audited SDK call plugs into. The host calls it only for an authenticated caller holding
 * {@link Caller#ISSUE}, and only with a credential that passed the VC data model checks, names this
 * issuer (or none), and is not a status list credential nor uses a status list's URL as its id
 * (status lists are signed only by the SDK).
 *
 * <p>An implementation records who asked ({@code caller}), with which key, the credential's id and
 * hash, and may add a status entry before signing. It refuses with a typed {@link
 * io.trainproof.core.TrainproofException}, which the host answers with 422. Implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface CredentialSigning {
  /**
   * Signs a credential.
   *
   * @param caller who asked, as the SDK's actor
   * @param unsigned the credential without a proof (the host's own copy; it may be changed)
   * @param suite the cryptosuite asked for
   * @return the signed credential
   */
  ObjectNode sign(Actor caller, ObjectNode unsigned, Cryptosuite suite);

  /**
   * Signs through the SDK ({@code CertificateService.signCredential}) as the caller's actor: the
   * actor's organization's issuer key signs, and the SDK records every signature in that
   * organization's audit trail (who asked, which key, the credential id and its hash) and refuses
   * status lists and other issuers itself.
   *
   * @param trainproof the instance
   * @return the signing seam
   */
  static CredentialSigning audited(Trainproof trainproof) {
    return (caller, unsigned, suite) ->
        (ObjectNode)
            StrictJson.parse(
                trainproof
                    .certificates()
                    .signCredential(caller, StrictJson.write(unsigned), suite.id()));
  }
}
