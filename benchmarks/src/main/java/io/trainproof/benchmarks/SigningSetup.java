package io.trainproof.benchmarks;

import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.spi.CredentialIssuer;
import io.trainproof.signing.OrganizationIssuer;
import io.trainproof.signing.SigningCredentialIssuer;
import io.trainproof.signing.jcs.StrictJson;
import io.trainproof.signing.key.InMemoryKeyProvider;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.status.StatusPurpose;
import io.trainproof.signing.verify.CredentialVerifier;
import io.trainproof.signing.verify.TrustBundle;
import java.math.BigInteger;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * One organization's issuer on a fixed clock, as the host wires it (the {@link
 * SigningCredentialIssuer} adapter with an Ed25519 key and the default eddsa-jcs-2022 suite), a
 * realistic certificate's claims, and a verifier whose trust bundle holds the issuer's key history
 * and both signed status lists (the cached status lists of row 2).
 */
final class SigningSetup {
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final String DID = "did:web:trainproof.example.org:org:clinic";
  static final String STATUS_BASE = "https://trainproof.example.org/status";
  static final Instant KEY_FROM = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant ISSUED = Instant.parse("2026-03-02T14:00:00Z");
  static final Instant VERIFIED = Instant.parse("2026-06-01T12:00:00Z");

  final Id<Organization> organization =
      new Id<>(UUID.fromString("6a1f3c0e-0b55-4f7e-9a4e-2f3b1c5d7e90"));
  final SigningCredentialIssuer issuer;
  final CredentialIssuer.CertificateClaims claims;
  final String credentialJson;
  final CredentialVerifier verifier;

  /** The issuer's Ed25519 public key (row 2's floor verifies with it directly). */
  final byte[] publicKey;

  /** The certificate's signature, decoded from its proof value (for row 2's floor). */
  final byte[] proofSignature;

  SigningSetup() {
    SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519, DID + "#key-1", seeded(11));
    publicKey = key.publicKey().bytes();
    IssuerKeyHistory history = IssuerKeyHistory.start(DID, key.keyId(), key.publicKey(), KEY_FROM);
    OrganizationIssuer org =
        OrganizationIssuer.of(
            history, new InMemoryKeyProvider().add(key), "https://clinic.example.org");
    issuer =
        SigningCredentialIssuer.builder()
            .issuers(id -> org)
            .statusListBaseUrl(STATUS_BASE)
            .clock(Clock.fixed(ISSUED, ZoneOffset.UTC))
            .build();
    claims =
        new CredentialIssuer.CertificateClaims(
            organization,
            "Lakeside Family Clinic",
            ZONE,
            new Id<Certificate>(UUID.fromString("0e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a")),
            "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
            "HIPAA-101",
            "HIPAA Privacy Rule essentials",
            "b7e1c2d3-1111-4a2b-8c3d-4e5f60718293",
            "2026.1",
            "c0ffee00-2222-4b3c-9d4e-5f6071829304",
            LocalDate.of(2026, 3, 2),
            92,
            LocalDate.of(2026, 3, 2),
            LocalDate.of(2027, 3, 1),
            4711,
            ISSUED);
    credentialJson = issuer.issueCertificate(claims).json();
    proofSignature =
        base58btc(StrictJson.parse(credentialJson).get("proof").get("proofValue").asText());
    // why: status lists are valid for 7 days from their signing, so the verifier holds the lists
    // as published the day before it verifies, as a host refreshing its bundle would
    SigningCredentialIssuer listIssuer =
        SigningCredentialIssuer.builder()
            .issuers(id -> org)
            .statusListBaseUrl(STATUS_BASE)
            .clock(Clock.fixed(VERIFIED.minus(Duration.ofDays(1)), ZoneOffset.UTC))
            .build();
    List<String> lists =
        List.of(
            listIssuer
                .statusListCredential(
                    organization, StatusPurpose.REVOCATION.value(), List.of(1, 17))
                .json(),
            listIssuer
                .statusListCredential(organization, StatusPurpose.SUPERSEDED.value(), List.of(2))
                .json());
    verifier =
        new CredentialVerifier(
            TrustBundle.of(List.of(history), lists), Clock.fixed(VERIFIED, ZoneOffset.UTC));
    if (!verifier.verify(credentialJson).verified()) {
      throw new IllegalStateException(
          "the benchmark's certificate does not verify: " + verifier.verify(credentialJson));
    }
  }

  static SecureRandom seeded(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Decodes a multibase base58btc value ({@code z…}); setup only, so plainly. */
  static byte[] base58btc(String text) {
    String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    if (!text.startsWith("z")) {
      throw new IllegalArgumentException("not base58btc: " + text);
    }
    BigInteger value = BigInteger.ZERO;
    int zeros = 0;
    for (int i = 1; i < text.length(); i++) {
      int digit = alphabet.indexOf(text.charAt(i));
      if (digit < 0) {
        throw new IllegalArgumentException("not base58btc: " + text);
      }
      if (digit == 0 && value.signum() == 0) {
        zeros++;
      }
      value = value.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(digit));
    }
    byte[] magnitude = value.toByteArray();
    int skip = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
    byte[] out = new byte[zeros + magnitude.length - skip];
    System.arraycopy(magnitude, skip, out, zeros, magnitude.length - skip);
    return out;
  }
}
