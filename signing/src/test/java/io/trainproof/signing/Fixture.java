package io.trainproof.signing;

import io.trainproof.signing.credential.AchievementInfo;
import io.trainproof.signing.credential.AttestationRequest;
import io.trainproof.signing.credential.CertificateRequest;
import io.trainproof.signing.credential.EvidenceItem;
import io.trainproof.signing.credential.IssuerProfile;
import io.trainproof.signing.credential.StandaloneCredentialIssuer;
import io.trainproof.signing.credential.SubjectIdentifier;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.Signer;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.status.IssuerStatusLists;
import io.trainproof.signing.status.StatusPurpose;
import io.trainproof.signing.verify.CredentialVerifier;
import io.trainproof.signing.verify.TrustBundle;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** One issuer with a key history, status lists and an issuer; times fixed in 2026. */
public final class Fixture {
  public static final String DID = "did:web:trainproof.example.org";
  public static final IssuerProfile PROFILE =
      new IssuerProfile(DID, "Example Health Clinic", "https://clinic.example.org");
  public static final Instant KEY1_FROM = Instant.parse("2026-01-01T00:00:00Z");
  public static final Instant ISSUED = Instant.parse("2026-03-01T09:30:00Z");
  public static final Instant VALID_UNTIL = Instant.parse("2027-03-01T00:00:00Z");
  public static final Instant VERIFIED = Instant.parse("2026-06-01T12:00:00Z");

  public final SecureRandom random = deterministicRandom(42);
  public final SigningKey key1;
  public IssuerKeyHistory history;
  public final IssuerStatusLists statusLists;

  public Fixture() {
    this(KeyAlgorithm.ED25519);
  }

  public Fixture(KeyAlgorithm algorithm) {
    key1 = SigningKey.generate(algorithm, DID + "#key-1", random);
    history = IssuerKeyHistory.start(DID, key1.keyId(), key1.publicKey(), KEY1_FROM);
    statusLists =
        IssuerStatusLists.create(
            DID, "https://trainproof.example.org/status/org-1", 131_072, random);
  }

  public static SecureRandom deterministicRandom(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  public StandaloneCredentialIssuer issuer(Signer signer, Instant now) {
    return new StandaloneCredentialIssuer(signer, statusLists, at(now));
  }

  public StandaloneCredentialIssuer issuer() {
    return issuer(key1, ISSUED);
  }

  public static CertificateRequest certificate() {
    return new CertificateRequest(
        PROFILE,
        SubjectIdentifier.memberId("member-1042"),
        new AchievementInfo(
            "hipaa-privacy-101",
            "2026.1",
            "HIPAA Privacy Rule essentials",
            "Uses and disclosures of PHI, minimum necessary, patient rights.",
            "Completed all modules and passed the assessment with at least 80%."),
        ISSUED,
        VALID_UNTIL,
        List.of(
            new EvidenceItem(
                "urn:trainproof:completion:9f1c",
                "Course completion",
                "Completion record in the training system",
                "Completed in-app; score 92")));
  }

  public static AttestationRequest attestation() {
    return new AttestationRequest(
        PROFILE,
        "member-1042",
        "policy-sanctions",
        "3",
        "a".repeat(64),
        "b".repeat(64),
        ISSUED,
        "click-through");
  }

  /**
   * A bundle with the current history and the status lists as published at {@link #VERIFIED}, when
   * the verifier of {@link #verifier()} runs (lists are valid for a week from their publication).
   */
  public TrustBundle bundle() {
    return bundle(issuer(key1, VERIFIED));
  }

  public TrustBundle bundle(StandaloneCredentialIssuer publisher) {
    List<String> lists = new ArrayList<>();
    for (StatusPurpose purpose : StatusPurpose.values()) {
      lists.add(publisher.statusListCredential(purpose));
    }
    return TrustBundle.of(List.of(history), lists);
  }

  public CredentialVerifier verifier(TrustBundle bundle, Instant now) {
    return new CredentialVerifier(bundle, at(now));
  }

  public CredentialVerifier verifier() {
    return verifier(bundle(), VERIFIED);
  }
}
