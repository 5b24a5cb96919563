package io.trainproof.benchmarks;

import io.trainproof.core.spi.CredentialIssuer;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Rows 1 and 2: issuing and verifying one certificate, each beside the Bouncy Castle Ed25519
 * operation it cannot be faster than (signing, or verifying, 64 bytes: the eddsa-jcs-2022 hash data
 * is SHA-256(proof config) || SHA-256(document)).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SigningBenchmarks {
  private SigningSetup setup;
  private CredentialIssuer.CertificateClaims claims;
  private byte[] hashData;
  private byte[] signature;
  private Ed25519PrivateKeyParameters bcPrivate;
  private Ed25519PublicKeyParameters bcPublic;

  /** Builds the issuer, the certificate and the verifier once. */
  @Setup
  public void setUp() {
    setup = new SigningSetup();
    claims = setup.claims;
    hashData = new byte[64];
    SigningSetup.seeded(7).nextBytes(hashData);
    bcPrivate = new Ed25519PrivateKeyParameters(SigningSetup.seeded(13));
    bcPublic = bcPrivate.generatePublicKey();
    signature = bcSign();
  }

  /**
   * Row 1: build the Open Badges credential, canonicalize, hash, sign, serialize.
   *
   * @return the signed JSON
   */
  @Benchmark
  public String issueAndSign() {
    return setup.issuer.issueCertificate(claims).json();
  }

  /**
   * Row 1's limit: Bouncy Castle Ed25519 signing of 64 bytes alone.
   *
   * @return the signature
   */
  @Benchmark
  public byte[] bcEd25519Sign() {
    return bcSign();
  }

  /**
   * Row 2: parse, canonicalize, hash, verify, status checks against the bundle's cached lists.
   *
   * @return whether it verified
   */
  @Benchmark
  public boolean verifyFromJson() {
    return setup.verifier.verify(setup.credentialJson).verified();
  }

  /**
   * Row 2's limit: Bouncy Castle Ed25519 verification of 64 bytes alone.
   *
   * @return whether it verified
   */
  @Benchmark
  public boolean bcEd25519Verify() {
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, bcPublic);
    verifier.update(hashData, 0, hashData.length);
    return verifier.verifySignature(signature);
  }

  private byte[] bcSign() {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, bcPrivate);
    signer.update(hashData, 0, hashData.length);
    return signer.generateSignature();
  }
}
