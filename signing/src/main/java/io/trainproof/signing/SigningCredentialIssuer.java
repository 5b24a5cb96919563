package io.trainproof.signing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.spi.CredentialIssuer;
import io.trainproof.signing.credential.AchievementInfo;
import io.trainproof.signing.credential.AttestationRequest;
import io.trainproof.signing.credential.CertificateRequest;
import io.trainproof.signing.credential.EvidenceItem;
import io.trainproof.signing.credential.IssuerProfile;
import io.trainproof.signing.credential.SubjectIdentifier;
import io.trainproof.signing.credential.UnsignedCredentials;
import io.trainproof.signing.credential.VerificationCode;
import io.trainproof.signing.internal.Crypto;
import io.trainproof.signing.internal.ProofSigning;
import io.trainproof.signing.jcs.JsonLimits;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.KeyRecord;
import io.trainproof.signing.proof.Cryptosuite;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.ProofOptions;
import io.trainproof.signing.status.StatusBitstring;
import io.trainproof.signing.status.StatusEntry;
import io.trainproof.signing.status.StatusListCredentials;
import io.trainproof.signing.status.StatusPurpose;
import io.trainproof.signing.verify.HolderProofVerifier;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Implements core's credential SPI ({@link io.trainproof.core.spi.CredentialIssuer}): signs Open
 * Badges 3.0 training certificates, seals policy attestations and signs the status list
 * credentials, for every organization of a Trainproof instance.
 *
 * <pre>{@code
 * IssuerKeyHistory history = IssuerKeyHistory.start(did, key.keyId(), key.publicKey(), activeFrom);
 * SigningCredentialIssuer issuer = SigningCredentialIssuer.builder()
 *     .issuers(org -> OrganizationIssuer.of(historyOf(org), keyProvider, siteOf(org)))
 *     .statusListBaseUrl("https://trainproof.example.org/status")
 *     .cryptosuite(Cryptosuite.EDDSA_JCS_2022)   // the default; EDDSA_RDFC_2022 for badge wallets
 *     .clock(clock)
 *     .build();
 * Trainproof trainproof = Trainproof.builder().store(store).clock(clock).credentialIssuer(issuer).build();
 * }</pre>
 *
 * <p><b>Stateless.</b> Apart from the keys (reached through the function given to {@link
 * Builder#issuers}) it holds nothing that changes: core draws each certificate's status index and
 * keeps every certificate's status in its store, and passes the set indexes to {@link
 * #statusListCredential}. So any number of nodes may issue at once against one store. Credential
 * ids are derived from core's record ids ({@code urn:uuid:<certificate id>}, {@code
 * urn:uuid:<attestation id>}), so signing the same record twice yields the same id and verification
 * code.
 *
 * <p><b>Certificates</b> ({@link UnsignedCredentials#certificate}): issuer {@code Profile} with the
 * organization's DID and name; subject identified by the member id only ({@code identityType:
 * systemId}, no PHI); one achievement per course version ({@code urn:trainproof:achievement:<course
 * code>:<course version id>}); evidence naming the completion (date and score); {@code validFrom}
 * the start of the first valid date and {@code validUntil} the end of the last valid date (the
 * start of the next day), in the organization's zone; {@code credentialStatus} a {@code revocation}
 * and a {@code superseded} {@code BitstringStatusListEntry}, both at core's status index, in the
 * lists at {@code <base>/<organization id>/revocation} and {@code <base>/<organization
 * id>/superseded}.
 *
 * <p><b>Certificates bound to a holder</b> ({@link #issueHolderCertificate}, wallet delivery): the
 * same certificate with the holder's {@code did:key} DID as {@code credentialSubject.id} and an id
 * of its own; the holder first proves control of the DID ({@link #verifyHolderProof}: a DID
 * Authentication presentation or an OpenID4VCI {@code jwt} key proof, checked by {@link
 * HolderProofVerifier} at this issuer's clock).
 *
 * <p><b>Status lists</b> ({@link #statusListCredential}) carry {@code validFrom} (the clock's
 * instant) and {@code validUntil} ({@link Builder#statusListValidity}, 7 days by default), after
 * which verifiers refuse them.
 *
 * <p><b>Attestations</b> ({@link UnsignedCredentials#attestation}): subject with the member id, the
 * policy code, the policy version number, the SHA-256 of the policy text and of the exact statement
 * shown, when and how; {@code credentialStatus} a {@code revocation} {@code
 * BitstringStatusListEntry} at core's status index.
 *
 * <p><b>Credentials a host assembled</b> ({@link #signCredential}): the same {@code revocation}
 * entry at core's status index is written into the credential before it is signed, and an {@code
 * id} ({@code urn:uuid:<random>}) when it has none; a credential that brings its own {@code
 * credentialStatus}, or a proof the entry would break, is refused. Certificates, attestations and
 * these credentials share one index space per organization (core draws the indexes), so one
 * revocation list covers them all.
 *
 * <p>Every proof is created at this issuer's clock's instant, with the organization's active key; a
 * key that is retired or not yet active at that instant is refused ({@link
 * SigningFailedException}), since verifiers would reject what it signs. Each organization's status
 * lists must keep one size for ever: {@link Builder#statusListSize} is the same on every node and
 * never changes once certificates are issued.
 *
 * <p>Thread-safe when the issuer function and the signers are.
 */
public final class SigningCredentialIssuer implements CredentialIssuer {
  /** The default number of entries in each status list: the standard's minimum, 131,072. */
  public static final int DEFAULT_STATUS_LIST_SIZE = StatusBitstring.MIN_SIZE;

  private final Function<Id<Organization>, @Nullable OrganizationIssuer> issuers;
  private final String statusListBaseUrl;
  private final Cryptosuite cryptosuite;
  private final Clock clock;
  private final int statusListSize;
  private final Duration statusListValidity;
  private final DataIntegrity dataIntegrity;
  private final CertificateJson.ConfigCache configs = new CertificateJson.ConfigCache();
  private final HolderProofVerifier holderProofs;

  private SigningCredentialIssuer(Builder b) {
    this.issuers = Objects.requireNonNull(b.issuers, "issuers");
    this.statusListBaseUrl = Objects.requireNonNull(b.statusListBaseUrl, "statusListBaseUrl");
    this.cryptosuite = b.cryptosuite;
    this.clock = b.clock;
    this.statusListSize = b.statusListSize;
    this.statusListValidity = b.statusListValidity;
    this.dataIntegrity = b.dataIntegrity;
    this.holderProofs = new HolderProofVerifier(clock, dataIntegrity, JsonLimits.DEFAULT);
  }

  /**
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public int statusListSize() {
    return statusListSize;
  }

  /**
   * @return the suite every proof is made with
   */
  public Cryptosuite cryptosuite() {
    return cryptosuite;
  }

  /**
   * The URL of one of an organization's status list credentials, where the host publishes what
   * {@link #statusListCredential} returns.
   *
   * @param organization the organization
   * @param purpose the list
   * @return {@code <base>/<organization id>/<purpose>}
   */
  public String statusListUrl(Id<Organization> organization, StatusPurpose purpose) {
    return statusListBaseUrl + "/" + organization + "/" + purpose.value();
  }

  @Override
  public Issued issueCertificate(CertificateClaims claims) {
    OrganizationIssuer org = issuer(claims.organization());
    List<StatusEntry> status = certificateStatus(claims);
    String id = "urn:uuid:" + claims.certificateId();
    CertificateRequest request = certificateRequest(claims, org);
    String json;
    if (cryptosuite.rdfCanonicalization()
        || org.signer().publicKey().algorithm() == KeyAlgorithm.P384) {
      // why: CertificateJson writes the proof with SHA-256 hashes; P-384 proofs hash with SHA-384
      json = sign(UnsignedCredentials.certificate(id, request, status), org);
    } else {
      // why: what DataIntegrity.addProofToJson writes for this certificate, byte for byte,
      // written straight from the request without building and walking a tree
      Instant created = activeKeyCheckedAt(org);
      ProofSigning.checkSigner(cryptosuite, org.signer());
      json = CertificateJson.sign(id, request, status, cryptosuite, created, org.signer(), configs);
    }
    return new Issued(id, json, VerificationCode.forCredentialId(id), org.signer().keyId());
  }

  /**
   * {@inheritDoc}
   *
   * <p>The certificate {@link #issueCertificate} builds for the claims, with the holder's DID as
   * {@code credentialSubject.id} (the member id stays in its {@code identifier}) and its own id:
   * {@code urn:uuid:} and a UUID (RFC 9562 version 8) made of the SHA-256 of the certificate id and
   * the holder, so that it differs from the id {@link #issueCertificate} gives the same claims and
   * signing the same claims for the same holder again yields the same id.
   *
   * @throws ValidationException (field {@code holder}) when the holder is not a {@code did:key} of
   *     an Ed25519 or P-256 key ({@link HolderProofVerifier#requireHolder})
   */
  @Override
  public Issued issueHolderCertificate(CertificateClaims claims, String holder) {
    HolderProofVerifier.requireHolder(holder);
    OrganizationIssuer org = issuer(claims.organization());
    String id = holderCredentialId(claims.certificateId().toString(), holder);
    ObjectNode credential =
        UnsignedCredentials.certificate(
            id, certificateRequest(claims, org), certificateStatus(claims));
    ObjectNode subject = (ObjectNode) credential.get("credentialSubject");
    ObjectNode bound = subject.objectNode();
    bound.put("id", holder);
    bound.setAll(subject);
    credential.set("credentialSubject", bound);
    // why: wallets verify Open Badges with RDF canonicalization (Open Badges 3.0 certification
    // accepts only eddsa-rdfc-2022 for embedded Ed25519 proofs), whatever the issuer's default
    Cryptosuite suite =
        org.signer().publicKey().algorithm() == KeyAlgorithm.ED25519
            ? Cryptosuite.EDDSA_RDFC_2022
            : cryptosuite;
    String json =
        dataIntegrity.addProofToJson(
            credential, ProofOptions.of(suite, activeKeyCheckedAt(org)), org.signer());
    return new Issued(id, json, VerificationCode.forCredentialId(id), org.signer().keyId());
  }

  /**
   * {@inheritDoc}
   *
   * <p>Verified by a {@link HolderProofVerifier} at this issuer's clock, with its {@link
   * DataIntegrity} (bundled contexts, canonicalization limits) and {@link JsonLimits#DEFAULT}.
   */
  @Override
  public HolderProofResult verifyHolderProof(HolderProof proof) {
    return holderProofs.verify(proof);
  }

  /** The id of a certificate bound to a holder: a version 8 UUID from SHA-256. */
  static String holderCredentialId(String certificateId, String holder) {
    byte[] hash =
        Crypto.sha256(
            ("trainproof holder certificate\n" + certificateId + "\n" + holder)
                .getBytes(StandardCharsets.UTF_8));
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x80);
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
    long high = ByteBuffer.wrap(hash, 0, 8).getLong();
    long low = ByteBuffer.wrap(hash, 8, 8).getLong();
    return "urn:uuid:" + new UUID(high, low);
  }

  private List<StatusEntry> certificateStatus(CertificateClaims claims) {
    return List.of(
        statusEntry(claims.organization(), StatusPurpose.REVOCATION, claims.statusIndex()),
        statusEntry(claims.organization(), StatusPurpose.SUPERSEDED, claims.statusIndex()));
  }

  private static CertificateRequest certificateRequest(
      CertificateClaims claims, OrganizationIssuer org) {
    String criteria =
        "Completed version "
            + claims.courseVersionLabel()
            + " of the course "
            + claims.courseTitle()
            + " and met its pass mark.";
    return new CertificateRequest(
        profile(org, claims.organizationName()),
        SubjectIdentifier.memberId(claims.memberId()),
        new AchievementInfo(
            claims.courseCode(),
            claims.courseVersionId(),
            claims.courseTitle(),
            claims.courseTitle()
                + " ("
                + claims.courseCode()
                + "), version "
                + claims.courseVersionLabel(),
            criteria),
        startOf(claims.validFrom(), claims.zone()),
        claims.validUntil() == null
            ? null
            : startOf(claims.validUntil().plusDays(1), claims.zone()),
        List.of(
            new EvidenceItem(
                "urn:uuid:" + claims.completionId(),
                "Course completion",
                "Completed on "
                    + claims.completedOn()
                    + (claims.score() == null ? "" : " with a score of " + claims.score()),
                null)));
  }

  @Override
  public Issued sealAttestation(AttestationClaims claims) {
    OrganizationIssuer org = issuer(claims.organization());
    StatusEntry revocation =
        statusEntry(claims.organization(), StatusPurpose.REVOCATION, claims.statusIndex());
    String id = credentialId(claims.attestationId());
    AttestationRequest request =
        new AttestationRequest(
            profile(org, claims.organizationName()),
            claims.memberId(),
            claims.policyCode(),
            Integer.toString(claims.policyVersionNumber()),
            claims.policyTextSha256(),
            claims.statementSha256(),
            claims.attestedAt(),
            claims.method().toLowerCase(Locale.ROOT).replace('_', '-'));
    String json = sign(UnsignedCredentials.attestation(id, request, List.of(revocation)), org);
    return new Issued(id, json, null, org.signer().keyId());
  }

  /**
   * {@inheritDoc}
   *
   * <p>Signs with the organization's active key, in the cryptosuite asked for when it fits the key
   * (this issuer's own otherwise), after {@link SignableCredential}'s checks, with a {@code
   * revocation} entry at {@code statusIndex} in {@link #statusListUrl the organization's revocation
   * list} written as its {@code credentialStatus}; safe-mode JSON-LD refusals come from {@link
   * DataIntegrity} (a VC 1.1 credential, whose context does not define the entry's terms, cannot be
   * signed with an RDFC suite).
   *
   * @throws ValidationException when the cryptosuite asked for is unknown or does not fit the
   *     organization's key, the credential names another issuer, is a status list, brings its own
   *     {@code credentialStatus} or a proof, or the index is outside the lists
   */
  @Override
  public Issued signCredential(
      Id<Organization> organization,
      String unsignedCredential,
      @Nullable String requested,
      int statusIndex) {
    OrganizationIssuer org = issuer(organization);
    StatusEntry revocation = statusEntry(organization, StatusPurpose.REVOCATION, statusIndex);
    Cryptosuite suite = cryptosuite;
    if (requested != null) {
      suite =
          Cryptosuite.fromId(requested)
              .orElseThrow(
                  () -> new ValidationException("cryptosuite", requested, "is not supported"));
      KeyAlgorithm algorithm = org.signer().publicKey().algorithm();
      if (!suite.supports(algorithm)) {
        throw new ValidationException(
            "cryptosuite", requested, "does not sign with the issuer's " + algorithm + " key");
      }
    }
    ObjectNode credential =
        SignableCredential.check(
            unsignedCredential, org.did(), statusListBaseUrl + "/" + organization + "/");
    UnsignedCredentials.addStatus(credential, List.of(revocation));
    String json =
        dataIntegrity.addProofToJson(
            credential, ProofOptions.of(suite, activeKeyCheckedAt(org)), org.signer());
    return new Issued(credential.path("id").asText(), json, null, org.signer().keyId());
  }

  /**
   * {@inheritDoc}
   *
   * <p>Builds the list from nothing but {@code setIndexes}: exactly those bits are set.
   *
   * @throws ValidationException when the purpose is not {@code revocation} or {@code superseded},
   *     or an index is outside the list
   */
  @Override
  public Issued statusListCredential(
      Id<Organization> organization, String purpose, List<Integer> setIndexes) {
    OrganizationIssuer org = issuer(organization);
    StatusPurpose p =
        StatusPurpose.fromValue(purpose)
            .orElseThrow(
                () ->
                    new ValidationException(
                        "purpose",
                        purpose,
                        "is not "
                            + StatusPurpose.REVOCATION.value()
                            + " or "
                            + StatusPurpose.SUPERSEDED.value()));
    StatusBitstring bits = StatusBitstring.empty(statusListSize).withBits(setIndexes);
    String url = statusListUrl(organization, p);
    ObjectNode list =
        StatusListCredentials.unsigned(
            org.did(), url, p, bits, clock.instant(), statusListValidity);
    return new Issued(url, sign(list, org), null, org.signer().keyId());
  }

  /**
   * One status entry of a credential: at core's index, in the organization's list for the purpose.
   *
   * @throws ValidationException when the index is outside the lists
   */
  private StatusEntry statusEntry(Id<Organization> organization, StatusPurpose purpose, int index) {
    if (index < 0 || index >= statusListSize) {
      throw new ValidationException("statusIndex", index, "is outside 0.." + (statusListSize - 1));
    }
    return new StatusEntry(statusListUrl(organization, purpose), purpose, index);
  }

  private String sign(ObjectNode document, OrganizationIssuer org) {
    return dataIntegrity.addProofToJson(
        document, ProofOptions.of(cryptosuite, activeKeyCheckedAt(org)), org.signer());
  }

  /**
   * The proof's creation time, the clock's instant to the second.
   *
   * @throws SigningFailedException when the organization's signing key is not valid then
   */
  private Instant activeKeyCheckedAt(OrganizationIssuer org) {
    Instant now = clock.instant();
    String keyId = org.signer().keyId();
    KeyRecord key = org.keyHistory().find(keyId).orElseThrow();
    if (!key.validAt(now.truncatedTo(ChronoUnit.SECONDS))) {
      throw new SigningFailedException(
          "key "
              + keyId
              + " is not valid at "
              + now
              + " (active from "
              + key.activeFrom()
              + (key.retiredAt() == null ? "" : ", retired at " + key.retiredAt())
              + "); verifiers would reject the proof");
    }
    return now.truncatedTo(ChronoUnit.SECONDS);
  }

  private OrganizationIssuer issuer(Id<Organization> organization) {
    OrganizationIssuer org = issuers.apply(organization);
    if (org == null) {
      throw new SigningFailedException(
          "no issuer key is configured for organization " + organization);
    }
    return org;
  }

  private static IssuerProfile profile(OrganizationIssuer org, String organizationName) {
    return new IssuerProfile(org.did(), organizationName, org.url());
  }

  private static Instant startOf(LocalDate date, ZoneId zone) {
    return date.atStartOfDay(zone).toInstant();
  }

  private static String credentialId(String recordId) {
    try {
      return "urn:uuid:" + UUID.fromString(recordId);
    } catch (IllegalArgumentException e) {
      throw new ValidationException("attestationId", recordId, "is not a UUID");
    }
  }

  /**
   * Builds a {@link SigningCredentialIssuer}. Not thread-safe; use from one thread, then discard.
   */
  public static final class Builder {
    private @Nullable Function<Id<Organization>, @Nullable OrganizationIssuer> issuers;
    private @Nullable String statusListBaseUrl;
    private Cryptosuite cryptosuite = Cryptosuite.EDDSA_JCS_2022;
    private Clock clock = Clock.systemUTC();
    private int statusListSize = DEFAULT_STATUS_LIST_SIZE;
    private Duration statusListValidity = StatusListCredentials.DEFAULT_VALIDITY;
    private DataIntegrity dataIntegrity = new DataIntegrity();

    private Builder() {}

    /**
     * Who signs for each organization (required). Called on every issuance, so it may return a new
     * value after a key rotation; it returns null for an organization that has no issuer, which
     * makes issuing for it fail with {@link SigningFailedException}.
     *
     * @param byOrganization the organization's current issuer; thread-safe
     * @return this builder
     */
    public Builder issuers(
        Function<Id<Organization>, @Nullable OrganizationIssuer> byOrganization) {
      this.issuers = Objects.requireNonNull(byOrganization, "issuers");
      return this;
    }

    /**
     * Where the status list credentials are published (required): an organization's lists are at
     * {@code <base>/<organization id>/revocation} and {@code …/superseded}. Written into every
     * certificate, so it must not change once certificates are issued.
     *
     * @param baseUrl an http(s) URL; a trailing slash is dropped
     * @return this builder
     */
    public Builder statusListBaseUrl(String baseUrl) {
      if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://")) {
        throw new ValidationException("statusListBaseUrl", baseUrl, "must be an http(s) URL");
      }
      this.statusListBaseUrl =
          baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
      return this;
    }

    /**
     * The suite every proof is made with (default {@code eddsa-jcs-2022}). {@code eddsa-rdfc-2022}
     * for Open Badges wallets; {@code ecdsa-jcs-2019} with P-256 keys. The organizations' keys must
     * fit it.
     *
     * @param suite the suite
     * @return this builder
     */
    public Builder cryptosuite(Cryptosuite suite) {
      this.cryptosuite = Objects.requireNonNull(suite, "cryptosuite");
      return this;
    }

    /**
     * The clock for proof {@code created} and status list {@code validFrom} (default system UTC).
     * Pass the same clock as {@code Trainproof}'s.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Entries per status list (default {@link #DEFAULT_STATUS_LIST_SIZE}); the same on every node,
     * never changed once certificates are issued.
     *
     * @param size a multiple of 8, at least 131,072
     * @return this builder
     */
    public Builder statusListSize(int size) {
      StatusBitstring.empty(size);
      this.statusListSize = size;
      return this;
    }

    /**
     * How long each signed status list is valid (default {@link
     * StatusListCredentials#DEFAULT_VALIDITY}, 7 days): its {@code validUntil} is its {@code
     * validFrom} (the clock's instant when it is signed) plus this, and verifiers refuse it
     * afterwards, so the host signs and publishes the lists again before then.
     *
     * @param validity at least one second
     * @return this builder
     */
    public Builder statusListValidity(Duration validity) {
      this.statusListValidity = StatusListCredentials.requireValidity(validity);
      return this;
    }

    /**
     * The proof machinery, e.g. with additional JSON-LD contexts (default: the bundled ones).
     *
     * @param value the proof machinery
     * @return this builder
     */
    public Builder dataIntegrity(DataIntegrity value) {
      this.dataIntegrity = Objects.requireNonNull(value, "dataIntegrity");
      return this;
    }

    /**
     * Builds the issuer.
     *
     * @return the issuer
     * @throws ValidationException when the issuers or the status list base URL are missing
     */
    public SigningCredentialIssuer build() {
      if (issuers == null) {
        throw new ValidationException("issuers", null, "is required");
      }
      if (statusListBaseUrl == null) {
        throw new ValidationException("statusListBaseUrl", null, "is required");
      }
      return new SigningCredentialIssuer(this);
    }
  }
}
