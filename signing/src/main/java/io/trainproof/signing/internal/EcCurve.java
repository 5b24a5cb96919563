package io.trainproof.signing.internal;

import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.key.KeyAlgorithm;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.crypto.ExtendedDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.jspecify.annotations.Nullable;

/**
 * The NIST curves ECDSA signs on here, each with its field size and the hash the ECDSA cryptosuites
 * pair it with: P-256 with SHA-256, P-384 with SHA-384 (ECDSA cryptosuites v1.0, "the hash function
 * ... SHA-384 for P-384"). Immutable.
 */
enum EcCurve {
  P256(KeyAlgorithm.P256, "P-256", "secp256r1", SECObjectIdentifiers.secp256r1, 32, "SHA-256"),
  P384(KeyAlgorithm.P384, "P-384", "secp384r1", SECObjectIdentifiers.secp384r1, 48, "SHA-384");

  final KeyAlgorithm algorithm;
  final String name;

  @SuppressWarnings("ImmutableEnumChecker") // why: Bouncy Castle's domain parameters are never
  // changed after construction; they are not annotated @Immutable
  final ECNamedDomainParameters domain;

  final int size;
  private final String digestName;

  EcCurve(
      KeyAlgorithm algorithm,
      String name,
      String secName,
      ASN1ObjectIdentifier oid,
      int size,
      String digestName) {
    this.algorithm = algorithm;
    this.name = name;
    this.domain = new ECNamedDomainParameters(oid, CustomNamedCurves.getByName(secName));
    this.size = size;
    this.digestName = digestName;
  }

  /**
   * @param algorithm an ECDSA algorithm
   * @return its curve
   */
  static EcCurve of(KeyAlgorithm algorithm) {
    EcCurve curve = orNull(algorithm);
    if (curve == null) {
      throw new UnusableInputException("key", algorithm + " is not an ECDSA curve");
    }
    return curve;
  }

  static @Nullable EcCurve orNull(KeyAlgorithm algorithm) {
    for (EcCurve curve : values()) {
      if (curve.algorithm == algorithm) {
        return curve;
      }
    }
    return null;
  }

  /**
   * @param domain decoded domain parameters
   * @return the curve they are, or null when Trainproof does not sign on it
   */
  static @Nullable EcCurve ofDomain(ECDomainParameters domain) {
    for (EcCurve curve : values()) {
      if (curve.domain.getCurve().equals(domain.getCurve())) {
        return curve;
      }
    }
    return null;
  }

  /**
   * @return a new digest of the curve's hash, for the deterministic nonce (RFC 6979)
   */
  ExtendedDigest nonceDigest() {
    return this == P256 ? new SHA256Digest() : new SHA384Digest();
  }

  /**
   * @param data the bytes
   * @return the curve's hash of them
   */
  byte[] hash(byte[] data) {
    if (this == P256) {
      return Crypto.sha256(data);
    }
    try {
      return MessageDigest.getInstance(digestName).digest(data);
    } catch (NoSuchAlgorithmException e) {
      // why: every Java SE platform provides SHA-256 and SHA-384
      throw new IllegalStateException(e);
    }
  }
}
