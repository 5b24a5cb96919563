package io.trainproof.core.spi;

import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Issues signed credentials: training certificates, sealed attestations and credentials a host
 * assembled. The signing module implements it; core calls it inside the unit of work that records
 * the completion, the attestation or the signature, so the credential and the record commit
 * together. Every credential gets a status entry at an index core draws from the organization's one
 * index space ({@code statusIndex}), so every credential can be revoked. Implementations must be
 * thread-safe and must not keep state that is not in the store (several nodes issue at once).
 */
public interface CredentialIssuer {

  /**
   * What a training certificate states. Carries no PHI: the subject is the member's id.
   *
   * @param organization the issuing organization
   * @param organizationName its display name
   * @param zone the organization's zone: a certificate is valid from the start of its first valid
   *     date to the end of its last valid date there
   * @param certificateId the certificate's id (the credential id is derived from it)
   * @param memberId the member's id
   * @param courseCode the course code
   * @param courseTitle the course title
   * @param courseVersionId the course version's id
   * @param courseVersionLabel its label
   * @param completionId the completion certified
   * @param completedOn when it was completed
   * @param score the score, or null
   * @param validFrom first valid date
   * @param validUntil last valid date, or null when it never expires
   * @param statusIndex the index reserved for it in the issuer's status lists
   * @param issuedAt the issuance instant
   */
  record CertificateClaims(
      Id<Organization> organization,
      String organizationName,
      ZoneId zone,
      Id<Certificate> certificateId,
      String memberId,
      String courseCode,
      String courseTitle,
      String courseVersionId,
      String courseVersionLabel,
      String completionId,
      LocalDate completedOn,
      @Nullable Integer score,
      LocalDate validFrom,
      @Nullable LocalDate validUntil,
      int statusIndex,
      Instant issuedAt) {}

  /**
   * What a sealed attestation states.
   *
   * @param organization the organization
   * @param organizationName its display name
   * @param attestationId the attestation's id
   * @param memberId the member's id
   * @param policyCode the policy code
   * @param policyVersionId the policy version's id
   * @param policyVersionNumber its number
   * @param policyTextSha256 hash of the policy text
   * @param statementSha256 hash of the exact statement shown
   * @param method how it was given
   * @param attestedAt when
   * @param statusIndex the index reserved for it in the issuer's status lists (its revocation
   *     entry)
   */
  record AttestationClaims(
      Id<Organization> organization,
      String organizationName,
      String attestationId,
      String memberId,
      String policyCode,
      String policyVersionId,
      int policyVersionNumber,
      String policyTextSha256,
      String statementSha256,
      String method,
      Instant attestedAt,
      int statusIndex) {}

  /**
   * A signed credential.
   *
   * @param credentialId its {@code id}
   * @param json the credential as JSON text
   * @param verificationCode the short human code, for certificates
   * @param verificationMethod the id of the key that signed it (its proof's {@code
   *     verificationMethod}), recorded in the audit trail with the credential's hash
   */
  record Issued(
      String credentialId,
      String json,
      @Nullable String verificationCode,
      String verificationMethod) {}

  /**
   * @return how many entries each of the issuer's status lists has
   */
  int statusListSize();

  /**
   * Issues a training certificate.
   *
   * @param claims what it states
   * @return the signed credential
   */
  Issued issueCertificate(CertificateClaims claims);

  /**
   * Issues a training certificate bound to a holder: the credential's {@code credentialSubject.id}
   * is the holder's DID, which the holder proved control of ({@link #verifyHolderProof}) before
   * core asks for this. The credential gets a new id of its own; everything else states what {@link
   * #issueCertificate} states for the same claims.
   *
   * @param claims what it states (with the new certificate's id and status index)
   * @param holder the holder's DID, as {@link #verifyHolderProof} returned it
   * @return the signed credential
   * @throws ValidationException when this issuer issues no holder-bound certificates
   */
  default Issued issueHolderCertificate(CertificateClaims claims, String holder) {
    throw new ValidationException(
        "issuer", null, "this credential issuer issues no certificates bound to a holder");
  }

  /**
   * A holder's proof of control of a DID, made for one wallet exchange.
   *
   * @param kind what the proof is
   * @param proof the proof as received: a Verifiable Presentation's JSON text ({@link
   *     Kind#PRESENTATION}) or a compact JWT ({@link Kind#JWT})
   * @param challenge the presentation's expected {@code challenge}; for a JWT, null (the JWT's
   *     {@code nonce} is returned for core to check)
   * @param domain the presentation's expected {@code domain}, or the JWT's expected {@code aud}
   *     (the credential issuer identifier)
   */
  record HolderProof(Kind kind, String proof, @Nullable String challenge, String domain) {
    /** What a holder proof is. */
    public enum Kind {
      /**
       * A DID Authentication Verifiable Presentation (VC API exchanges): a Data Integrity proof
       * with purpose {@code authentication} over the challenge and the domain.
       */
      PRESENTATION,
      /**
       * An OpenID for Verifiable Credential Issuance key proof of type {@code jwt} ({@code typ}
       * {@code openid4vci-proof+jwt}), signed by a key the {@code kid} names as a DID URL.
       */
      JWT
    }
  }

  /**
   * What a verified holder proof established.
   *
   * @param holder the holder's DID (for example {@code did:key:z6Mk…})
   * @param nonce the proof's nonce: the presentation's challenge, or the JWT's {@code nonce} claim
   *     (null when it has none)
   */
  record HolderProofResult(String holder, @Nullable String nonce) {}

  /**
   * Verifies a holder's proof of control of a DID: the signature by a key the DID controls (did:key
   * at least, resolved with no network), its purpose, challenge or nonce, domain or audience, and
   * its age. Verifies nothing else and keeps no state: core checks that the challenge or nonce is
   * one it issued and has not been used.
   *
   * @param proof the proof and what it must be bound to
   * @return the holder and the nonce the proof carries
   * @throws ValidationException when the proof is refused; the field names what failed ({@code
   *     proof}, {@code challenge}, {@code domain}, {@code nonce}, {@code aud}, {@code holder}) and
   *     the reason says why, without echoing the proof
   */
  default HolderProofResult verifyHolderProof(HolderProof proof) {
    throw new ValidationException(
        "issuer", null, "this credential issuer verifies no holder proofs");
  }

  /**
   * Seals an attestation.
   *
   * @param claims what it states
   * @return the signed credential
   */
  Issued sealAttestation(AttestationClaims claims);

  /**
   * Signs a credential the host assembled, for {@code CertificateService.signCredential}, which
   * records it (to revoke it later) and audits every call. Before signing, the issuer adds a {@code
   * revocation} status entry at {@code statusIndex} in the organization's revocation list, and
   * gives a credential without an {@code id} one; it refuses a credential that carries a {@code
   * credentialStatus} of its own. An issuer that signs only what Trainproof builds keeps this
   * default.
   *
   * @param organization the organization whose key signs
   * @param unsignedCredential the credential as JSON text, without a proof
   * @param cryptosuite the cryptosuite asked for, or null for the issuer's own
   * @param statusIndex the index core reserved for it in the organization's status lists
   * @return the signed credential, with its {@code credentialId}
   * @throws ValidationException when it refuses the credential; the default always refuses
   */
  default Issued signCredential(
      Id<Organization> organization,
      String unsignedCredential,
      @Nullable String cryptosuite,
      int statusIndex) {
    throw new ValidationException(
        "issuer", null, "this credential issuer signs only what Trainproof builds");
  }

  /**
   * Builds the organization's signed status list credential from the indexes whose bit is set. Core
   * calls it only when the set bits changed or its last list is older than {@link
   * #statusListReuse}, and audits every call.
   *
   * @param organization the organization
   * @param purpose {@code revocation} or {@code suspension}-like purposes the issuer supports;
   *     Trainproof uses {@code revocation} and {@code superseded}
   * @param setIndexes indexes whose bit is set
   * @return the signed status list credential
   */
  Issued statusListCredential(
      Id<Organization> organization, String purpose, List<Integer> setIndexes);

  /**
   * How long core may hand out a status list it signed before it asks for a new one, when no bit
   * has changed. Must be well inside the list's own validity period.
   *
   * @return the reuse period; 15 minutes unless an issuer says otherwise
   */
  default Duration statusListReuse() {
    return Duration.ofMinutes(15);
  }
}
