package io.trainproof.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.spi.CredentialIssuer;
import io.trainproof.signing.jcs.JsonCanonicalizer;
import io.trainproof.signing.jcs.StrictJson;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.jspecify.annotations.Nullable;
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
  private Ed25519PublicKeyParameters issuerKey;
  private MessageDigest sha256;
  private byte[] floorSignature;

  /** The proof configuration: the proof without its value. */
  private static final Map<String, @Nullable JsonNode> WITHOUT_PROOF_VALUE =
      Collections.singletonMap("proofValue", null);

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
    issuerKey = new Ed25519PublicKeyParameters(setup.publicKey, 0);
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    floorSignature = setup.proofSignature;
    if (!verifyFloor()) {
      throw new IllegalStateException("row 2's floor does not verify the certificate");
    }
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
   * Row 2's floor for a verifier that parses and canonicalizes once, as issue 22 asks: the strict
   * parse into a tree, the canonical bytes of the proof configuration and of the document without
   * its proof, their SHA-256, and the signature verified with the issuer's key; nothing else (no
   * issuer, date, status or key-history check, no result object). The signature is decoded from its
   * multibase once, at setup (the decoder is the signing module's internal one), so the floor does
   * a little less than any verifier must.
   *
   * @return whether the signature verified
   */
  @Benchmark
  public boolean verifyFloor() {
    ObjectNode secured = (ObjectNode) StrictJson.parse(setup.credentialJson);
    ObjectNode proof = (ObjectNode) secured.get("proof");
    byte[] config = sha256.digest(JsonCanonicalizer.canonicalBytes(proof, WITHOUT_PROOF_VALUE));
    Map<String, @Nullable JsonNode> changes = new HashMap<>(4);
    changes.put("proof", null);
    JsonNode context = proof.get("@context");
    if (context != null) {
      changes.put("@context", context);
    }
    byte[] document = sha256.digest(JsonCanonicalizer.canonicalBytes(secured, changes));
    byte[] hashData = Arrays.copyOf(config, 64);
    System.arraycopy(document, 0, hashData, 32, 32);
    return issuerKey.verify(Ed25519.Algorithm.Ed25519, null, hashData, 0, 64, floorSignature, 0);
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
