package io.trainproof.examples.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.key.Signer;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.ProofOptions;
import java.time.Clock;

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
   * @param caller who asked
   * @param unsigned the credential without a proof (the host's own copy; it may be changed)
   * @param suite the cryptosuite asked for
   * @return the signed credential
   */
  ObjectNode sign(Caller caller, ObjectNode unsigned, Cryptosuite suite);

  /**
   * Signs directly with a signer, recording nothing: the interim wiring until the audited SDK call
   * replaces it.
   *
   * @param signer the signer of the issuer's active key
   * @param clock the clock the proof's {@code created} comes from
   * @return the signing seam
   */
  static CredentialSigning withSigner(Signer signer, Clock clock) {
    DataIntegrity dataIntegrity = new DataIntegrity();
    return (caller, unsigned, suite) ->
        dataIntegrity.addProof(unsigned, ProofOptions.of(suite, clock.instant()), signer);
  }
}
