package io.trainproof.signing.credential;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ValidationException;
import io.trainproof.signing.key.Signer;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.ProofOptions;
import io.trainproof.signing.status.IssuerStatusLists;
import io.trainproof.signing.status.StatusChange;
import io.trainproof.signing.status.StatusListCredentials;
import io.trainproof.signing.status.StatusPurpose;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Issues Trainproof's signed credentials for one issuer: Open Badges 3.0 training certificates and
 * policy attestations, each with a fresh random status index in the issuer's lists, plus
 * revocation, supersession and the signed status list credentials.
 *
 * <p>Standalone use, without core: it keeps the status list state itself in {@link
 * IssuerStatusLists} (one process; the host persists that state after every change). A Trainproof
 * deployment does not use this class: core's credential SPI is implemented by {@link
 * io.trainproof.signing.SigningCredentialIssuer}, which is stateless because core keeps the status
 * indexes and statuses in its store. Both build the same documents through {@link
 * UnsignedCredentials}. (Named {@code Standalone…} so that it is not confused with core's {@code
 * io.trainproof.core.spi.CredentialIssuer}, which it does not implement.)
 *
 * <p>Certificate shape: {@code @context} [VC 2.0, Open Badges 3.0.3]; {@code type}
 * [VerifiableCredential, OpenBadgeCredential]; {@code issuer} a {@code Profile}; {@code
 * credentialSubject} an {@code AchievementSubject} with an {@code identifier} and the {@code
 * Achievement} (one id per course version); {@code validFrom}/{@code validUntil}; {@code evidence};
 * {@code credentialStatus} two {@code BitstringStatusListEntry} (revocation, superseded).
 * Attestation shape: {@code @context} [VC 2.0, Trainproof v1]; {@code type} [VerifiableCredential,
 * PolicyAttestationCredential]; subject of type {@code PolicyAttestation} with member, policy,
 * version and the two hashes.
 *
 * <p>A status index is drawn before signing; if the signer then fails, that index is simply never
 * used (indexes are never reused, so nothing is lost but one entry of the list).
 *
 * <p>Thread-safe when its signer is.
 */
public final class StandaloneCredentialIssuer {

  private final Signer signer;
  private final IssuerStatusLists statusLists;
  private final Clock clock;
  private final Cryptosuite cryptosuite;
  private final DataIntegrity dataIntegrity;

  /**
   * Creates an issuer that signs with {@code eddsa-jcs-2022} (Ed25519 keys) or {@code
   * ecdsa-jcs-2019} (P-256 keys), chosen by the signer's key.
   *
   * @param signer the issuer's active key; its id must be {@code <issuer DID>#…}
   * @param statusLists the issuer's status lists
   * @param clock the clock for proof creation and status changes
   */
  public StandaloneCredentialIssuer(Signer signer, IssuerStatusLists statusLists, Clock clock) {
    this(signer, statusLists, clock, defaultSuite(signer), new DataIntegrity());
  }

  private StandaloneCredentialIssuer(
      Signer signer,
      IssuerStatusLists statusLists,
      Clock clock,
      Cryptosuite cryptosuite,
      DataIntegrity dataIntegrity) {
    if (!signer.keyId().startsWith(statusLists.issuerId() + "#")) {
      throw new ValidationException(
          "signer.keyId", signer.keyId(), "must be a key of issuer " + statusLists.issuerId());
    }
    if (signer.publicKey().algorithm() != cryptosuite.algorithm()) {
      throw new ValidationException(
          "cryptosuite",
          cryptosuite.id(),
          "does not fit a " + signer.publicKey().algorithm() + " key");
    }
    this.signer = signer;
    this.statusLists = statusLists;
    this.clock = clock;
    this.cryptosuite = cryptosuite;
    this.dataIntegrity = dataIntegrity;
  }

  /**
   * Signs with another suite, e.g. {@code eddsa-rdfc-2022} for Open Badges wallets.
   *
   * @param suite the suite; must fit the signer's key
   * @return a new issuer
   */
  public StandaloneCredentialIssuer withCryptosuite(Cryptosuite suite) {
    return new StandaloneCredentialIssuer(signer, statusLists, clock, suite, dataIntegrity);
  }

  /**
   * @return the suite proofs are made with
   */
  public Cryptosuite cryptosuite() {
    return cryptosuite;
  }

  /**
   * Issues a training certificate.
   *
   * @param request what it states
   * @return the signed credential, its id, verification code and status index
   */
  public IssuedCredential issueCertificate(CertificateRequest request) {
    requireIssuer(request.issuer());
    String id = newId();
    int index = statusLists.allocate();
    return sign(
        UnsignedCredentials.certificate(id, request, statusLists.entries(index)), id, index);
  }

  /**
   * Issues a policy attestation credential.
   *
   * @param request what it states
   * @return the signed credential, its id, verification code and status index
   */
  public IssuedCredential issueAttestation(AttestationRequest request) {
    requireIssuer(request.issuer());
    String id = newId();
    int index = statusLists.allocate();
    return sign(
        UnsignedCredentials.attestation(id, request, statusLists.entries(index)), id, index);
  }

  /**
   * Revokes a credential. Nothing is deleted; the reason is returned for the host to record.
   *
   * @param statusIndex the credential's status index
   * @param reason why, without PHI
   * @return what to record
   */
  public StatusChange revoke(int statusIndex, String reason) {
    return statusLists.revoke(statusIndex, reason, clock.instant());
  }

  /**
   * Marks a credential superseded by its renewal.
   *
   * @param statusIndex the old credential's status index
   * @param replacementCredentialId the new credential's id
   * @return what to record
   */
  public StatusChange supersede(int statusIndex, String replacementCredentialId) {
    return statusLists.supersede(statusIndex, replacementCredentialId, clock.instant());
  }

  /**
   * Signs the current state of one status list, ready to publish at its URL (and to put in
   * verifiers' trust bundles), valid from now for {@link StatusListCredentials#DEFAULT_VALIDITY}.
   *
   * @param purpose the list
   * @return the signed {@code BitstringStatusListCredential}, JSON text
   */
  public String statusListCredential(StatusPurpose purpose) {
    return statusListCredential(purpose, StatusListCredentials.DEFAULT_VALIDITY);
  }

  /**
   * Signs the current state of one status list, valid from now for the given time: verifiers refuse
   * it afterwards, so it must be signed again and republished before then.
   *
   * @param purpose the list
   * @param validity how long it is valid, at least a second
   * @return the signed {@code BitstringStatusListCredential}, JSON text
   */
  public String statusListCredential(StatusPurpose purpose, Duration validity) {
    Instant now = clock.instant();
    ObjectNode vc = statusLists.statusListCredential(purpose, now, validity);
    return dataIntegrity.addProofToJson(vc, ProofOptions.of(cryptosuite, now), signer);
  }

  private IssuedCredential sign(ObjectNode vc, String id, int index) {
    String signed =
        dataIntegrity.addProofToJson(vc, ProofOptions.of(cryptosuite, clock.instant()), signer);
    return new IssuedCredential(signed, id, VerificationCode.forCredentialId(id), index);
  }

  private void requireIssuer(IssuerProfile issuer) {
    if (!issuer.id().equals(statusLists.issuerId())) {
      throw new ValidationException(
          "issuer.id", issuer.id(), "this issuer signs for " + statusLists.issuerId());
    }
  }

  private static String newId() {
    return "urn:uuid:" + UUID.randomUUID();
  }

  private static Cryptosuite defaultSuite(Signer signer) {
    switch (signer.publicKey().algorithm()) {
      case P256:
        return Cryptosuite.ECDSA_JCS_2019;
      case ED25519:
      default:
        return Cryptosuite.EDDSA_JCS_2022;
    }
  }
}
