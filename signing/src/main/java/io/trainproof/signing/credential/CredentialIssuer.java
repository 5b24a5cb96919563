package io.trainproof.signing.credential;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ValidationException;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.Signer;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.JsonLdContexts;
import io.trainproof.signing.proof.ProofOptions;
import io.trainproof.signing.status.IssuerStatusLists;
import io.trainproof.signing.status.StatusChange;
import io.trainproof.signing.status.StatusEntry;
import io.trainproof.signing.status.StatusPurpose;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Issues Trainproof's signed credentials for one issuer: Open Badges 3.0 training
 * certificates and policy attestations, each with a fresh random status index in the
 * issuer's lists, plus revocation, supersession and the signed status list credentials.
 *
 * <p>This is the class a core credential SPI adapter calls: {@link
 * #issueCertificate(CertificateRequest)}, {@link #issueAttestation(AttestationRequest)},
 * {@link #revoke(int, String)}, {@link #supersede(int, String)}, {@link
 * #statusListCredential(StatusPurpose)}.
 *
 * <p>Certificate shape: {@code @context} [VC 2.0, Open Badges 3.0.3]; {@code type}
 * [VerifiableCredential, OpenBadgeCredential]; {@code issuer} a {@code Profile}; {@code
 * credentialSubject} an {@code AchievementSubject} with an {@code identifier} and the {@code
 * Achievement} (one id per course version); {@code validFrom}/{@code validUntil}; {@code
 * evidence}; {@code credentialStatus} two {@code BitstringStatusListEntry} (revocation,
 * superseded). Attestation shape: {@code @context} [VC 2.0, Trainproof v1]; {@code type}
 * [VerifiableCredential, PolicyAttestationCredential]; subject of type {@code
 * PolicyAttestation} with member, policy, version and the two hashes.
 *
 * <p>A status index is drawn before signing; if the signer then fails, that index is simply
 * never used (indexes are never reused, so nothing is lost but one entry of the list).
 *
 * <p>Thread-safe when its signer is.
 */
public final class CredentialIssuer {
  private static final DateTimeFormatter XSD = DateTimeFormatter.ISO_INSTANT;

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
  public CredentialIssuer(Signer signer, IssuerStatusLists statusLists, Clock clock) {
    this(signer, statusLists, clock, defaultSuite(signer), new DataIntegrity());
  }

  private CredentialIssuer(
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
          "cryptosuite", cryptosuite.id(), "does not fit a " + signer.publicKey().algorithm() + " key");
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
  public CredentialIssuer withCryptosuite(Cryptosuite suite) {
    return new CredentialIssuer(signer, statusLists, clock, suite, dataIntegrity);
  }

  /** @return the suite proofs are made with */
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
    ObjectNode vc = StrictJson.mapper().createObjectNode();
    vc.putArray("@context").add(JsonLdContexts.CREDENTIALS_V2).add(JsonLdContexts.OPEN_BADGES_V3);
    vc.put("id", id);
    vc.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
    ObjectNode issuer = vc.putObject("issuer");
    issuer.put("id", request.issuer().id());
    issuer.putArray("type").add("Profile");
    issuer.put("name", request.issuer().name());
    if (request.issuer().url() != null) {
      issuer.put("url", request.issuer().url());
    }
    vc.put("name", request.achievement().name());
    vc.put("validFrom", xsd(request.validFrom()));
    if (request.validUntil() != null) {
      vc.put("validUntil", xsd(request.validUntil()));
    }
    ObjectNode subject = vc.putObject("credentialSubject");
    subject.putArray("type").add("AchievementSubject");
    subject.putArray("identifier").add(request.subject().toJson());
    ObjectNode achievement = subject.putObject("achievement");
    achievement.put("id", request.achievement().achievementId());
    achievement.putArray("type").add("Achievement");
    achievement.put("name", request.achievement().name());
    achievement.put("description", request.achievement().description());
    achievement.putObject("criteria").put("narrative", request.achievement().criteria());
    if (!request.evidence().isEmpty()) {
      ArrayNode evidence = vc.putArray("evidence");
      request.evidence().forEach(e -> evidence.add(e.toJson()));
    }
    return sign(vc, id);
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
    ObjectNode vc = StrictJson.mapper().createObjectNode();
    vc.putArray("@context").add(JsonLdContexts.CREDENTIALS_V2).add(JsonLdContexts.TRAINPROOF_V1);
    vc.put("id", id);
    vc.putArray("type").add("VerifiableCredential").add("PolicyAttestationCredential");
    vc.put("issuer", request.issuer().id());
    vc.put("name", "Policy attestation");
    vc.put("validFrom", xsd(request.attestedAt()));
    ObjectNode subject = vc.putObject("credentialSubject");
    subject.put("type", "PolicyAttestation");
    subject.put("memberId", request.memberId());
    subject.put("policyId", request.policyId());
    subject.put("policyVersion", request.policyVersion());
    subject.put("policyTextHash", request.policyTextSha256());
    subject.put("statementHash", request.statementSha256());
    subject.put("attestedAt", xsd(request.attestedAt()));
    subject.put("attestationMethod", request.method());
    return sign(vc, id);
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
   * verifiers' trust bundles).
   *
   * @param purpose the list
   * @return the signed {@code BitstringStatusListCredential}, JSON text
   */
  public String statusListCredential(StatusPurpose purpose) {
    Instant now = clock.instant();
    ObjectNode vc = statusLists.statusListCredential(purpose, now);
    return StrictJson.write(dataIntegrity.addProof(vc, ProofOptions.of(cryptosuite, now), signer));
  }

  private IssuedCredential sign(ObjectNode vc, String id) {
    int index = statusLists.allocate();
    ArrayNode status = vc.putArray("credentialStatus");
    for (StatusEntry entry : statusLists.entries(index)) {
      status.add(entry.toJson());
    }
    ObjectNode signed = dataIntegrity.addProof(vc, ProofOptions.of(cryptosuite, clock.instant()), signer);
    return new IssuedCredential(StrictJson.write(signed), id, VerificationCode.forCredentialId(id), index);
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

  private static String xsd(Instant instant) {
    return XSD.format(instant.truncatedTo(ChronoUnit.SECONDS));
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
