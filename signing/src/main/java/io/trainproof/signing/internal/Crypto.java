package io.trainproof.signing.internal;

import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.key.KeyAlgorithm;
import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.util.BigIntegers;
import org.jspecify.annotations.Nullable;

/**
 * The signature primitives, on Bouncy Castle's lightweight API (no JCA provider is installed or
 * looked up): Ed25519 (RFC 8032) and ECDSA P-256 with SHA-256 and deterministic nonces (RFC 6979,
 * {@link HMacDSAKCalculator}), signatures as raw {@code r‖s}. Thread-safe.
 */
public final class Crypto {
  private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");

  /** P-256 domain parameters with their OID, so encodings name the curve. */
  public static final ECNamedDomainParameters P256_DOMAIN =
      new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1, P256);

  private static final MessageDigest SHA256_PROTOTYPE = newSha256();
  private static final PublicKeyCache PUBLIC_KEYS = new PublicKeyCache(1024);

  private Crypto() {}

  /**
   * SHA-256.
   *
   * @param data the bytes
   * @return the 32-byte digest
   */
  public static byte[] sha256(byte[] data) {
    return sha256Digest().digest(data);
  }

  /**
   * A new SHA-256 digest, for hashing data given in pieces.
   *
   * @return the digest, reset
   */
  public static MessageDigest sha256Digest() {
    try {
      // why: cloning the unused prototype skips the provider look-up of getInstance
      return (MessageDigest) SHA256_PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      return newSha256();
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // why: every Java SE platform must provide SHA-256
      throw new IllegalStateException(e);
    }
  }

  /**
   * Generates a private key: an Ed25519 seed or a P-256 scalar, 32 bytes either way.
   *
   * @param algorithm the algorithm
   * @param random the randomness source
   * @return the 32 private bytes
   */
  public static byte[] generatePrivate(KeyAlgorithm algorithm, SecureRandom random) {
    if (algorithm == KeyAlgorithm.ED25519) {
      return new Ed25519PrivateKeyParameters(random).getEncoded();
    }
    ECKeyPairGenerator generator = new ECKeyPairGenerator();
    generator.init(new ECKeyGenerationParameters(P256_DOMAIN, random));
    AsymmetricCipherKeyPair pair = generator.generateKeyPair();
    return BigIntegers.asUnsignedByteArray(32, ((ECPrivateKeyParameters) pair.getPrivate()).getD());
  }

  /**
   * Derives the public key: 32 bytes for Ed25519, a 33-byte compressed point for P-256.
   *
   * @param algorithm the algorithm
   * @param privateBytes the 32 private bytes
   * @return the public key bytes
   */
  public static byte[] publicFromPrivate(KeyAlgorithm algorithm, byte[] privateBytes) {
    checkPrivate(algorithm, privateBytes);
    if (algorithm == KeyAlgorithm.ED25519) {
      return new Ed25519PrivateKeyParameters(privateBytes, 0).generatePublicKey().getEncoded();
    }
    ECPoint q = P256_DOMAIN.getG().multiply(new BigInteger(1, privateBytes)).normalize();
    return q.getEncoded(true);
  }

  /**
   * Normalizes public key bytes: checks that Ed25519 bytes are 32 and encode a curve point, and for
   * P-256 decodes the point (compressed or uncompressed, must lie on the curve) and returns it
   * compressed.
   *
   * @param algorithm the algorithm
   * @param publicBytes the public key bytes
   * @return the canonical public key bytes
   */
  public static byte[] normalizePublic(KeyAlgorithm algorithm, byte[] publicBytes) {
    if (algorithm == KeyAlgorithm.ED25519) {
      if (publicBytes.length != 32) {
        throw new UnusableInputException("key", "Ed25519 public key must be 32 bytes");
      }
      if (PUBLIC_KEYS.get(algorithm, publicBytes) == null) {
        try {
          // why: 32 bytes that are not the encoding of a curve point would be taken here and then
          // make every verification with the key throw inside Bouncy Castle; the decoded key is
          // kept for verify, so the point is decoded once
          PUBLIC_KEYS.put(algorithm, publicBytes, new Ed25519PublicKeyParameters(publicBytes, 0));
        } catch (IllegalArgumentException e) {
          throw new UnusableInputException("key", "Ed25519 public key is not a curve point", e);
        }
      }
      return publicBytes.clone();
    }
    return decodePoint(publicBytes).getEncoded(true);
  }

  /**
   * Decodes a P-256 point.
   *
   * @param encoded compressed or uncompressed SEC1 encoding
   * @return the point
   */
  public static ECPoint decodePoint(byte[] encoded) {
    try {
      ECPoint point = P256_DOMAIN.getCurve().decodePoint(encoded).normalize();
      if (point.isInfinity() || !point.isValid()) {
        throw new UnusableInputException("key", "P-256 point is not valid");
      }
      return point;
    } catch (IllegalArgumentException e) {
      throw new UnusableInputException("key", "not a P-256 point encoding", e);
    }
  }

  /**
   * Signs. Ed25519 signs the message itself (pure EdDSA); P-256 signs SHA-256 of the message with
   * an RFC 6979 nonce and returns {@code r‖s}, 64 bytes. Decodes the key on every call; a key that
   * signs repeatedly should use {@link #preparePrivate} once instead.
   *
   * @param algorithm the algorithm
   * @param privateBytes the 32 private bytes
   * @param message the message
   * @return the signature, 64 bytes
   */
  public static byte[] sign(KeyAlgorithm algorithm, byte[] privateBytes, byte[] message) {
    return preparePrivate(algorithm, privateBytes).sign(message);
  }

  /**
   * Decodes a private key once for repeated signing.
   *
   * @param algorithm the algorithm
   * @param privateBytes the 32 private bytes (not retained; the decoded key is)
   * @return the prepared key
   */
  public static PreparedPrivateKey preparePrivate(KeyAlgorithm algorithm, byte[] privateBytes) {
    checkPrivate(algorithm, privateBytes);
    if (algorithm == KeyAlgorithm.ED25519) {
      Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(privateBytes, 0);
      // why: signing needs the public key; Bouncy Castle derives it (a scalar multiplication, as
      // costly as the signature itself) once per parameters object and caches it there
      key.generatePublicKey();
      return new PreparedPrivateKey(key, null);
    }
    return new PreparedPrivateKey(
        null, new ECPrivateKeyParameters(new BigInteger(1, privateBytes), P256_DOMAIN));
  }

  /**
   * A private key decoded once (with its Ed25519 public key derived once), for signing many
   * messages. Immutable and thread-safe; never printed.
   */
  public static final class PreparedPrivateKey {
    private final @Nullable Ed25519PrivateKeyParameters ed25519;
    private final @Nullable ECPrivateKeyParameters p256;

    private PreparedPrivateKey(
        @Nullable Ed25519PrivateKeyParameters ed25519, @Nullable ECPrivateKeyParameters p256) {
      this.ed25519 = ed25519;
      this.p256 = p256;
    }

    /**
     * Signs as {@link Crypto#sign} does.
     *
     * @param message the message
     * @return the signature, 64 bytes
     */
    public byte[] sign(byte[] message) {
      if (ed25519 != null) {
        byte[] signature = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
        ed25519.sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
        return signature;
      }
      ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
      signer.init(true, p256);
      BigInteger[] rs = signer.generateSignature(sha256(message));
      byte[] out = new byte[64];
      System.arraycopy(BigIntegers.asUnsignedByteArray(32, rs[0]), 0, out, 0, 32);
      System.arraycopy(BigIntegers.asUnsignedByteArray(32, rs[1]), 0, out, 32, 32);
      return out;
    }

    @Override
    public String toString() {
      return "PreparedPrivateKey["
          + (ed25519 != null ? KeyAlgorithm.ED25519 : KeyAlgorithm.P256)
          + "]";
    }
  }

  /**
   * Verifies a signature made by {@link #sign}. Decoded public keys are cached by their bytes
   * (decoding an Ed25519 point costs a square root, a tenth of a verification).
   *
   * @param algorithm the algorithm
   * @param publicBytes the public key bytes
   * @param message the message
   * @param signature the signature
   * @return whether the signature is valid; a malformed signature is simply not valid
   */
  public static boolean verify(
      KeyAlgorithm algorithm, byte[] publicBytes, byte[] message, byte[] signature) {
    if (signature.length != 64) {
      return false;
    }
    if (algorithm == KeyAlgorithm.ED25519) {
      if (publicBytes.length != 32) {
        return false;
      }
      Ed25519PublicKeyParameters key =
          (Ed25519PublicKeyParameters) PUBLIC_KEYS.get(algorithm, publicBytes);
      if (key == null) {
        try {
          key = new Ed25519PublicKeyParameters(publicBytes, 0);
        } catch (IllegalArgumentException e) {
          // not a curve point: no signature verifies with it (as a P-256 non-point below)
          return false;
        }
        PUBLIC_KEYS.put(algorithm, publicBytes, key);
      }
      return key.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
    }
    ECPublicKeyParameters key = (ECPublicKeyParameters) PUBLIC_KEYS.get(algorithm, publicBytes);
    if (key == null) {
      try {
        key = new ECPublicKeyParameters(decodePoint(publicBytes), P256_DOMAIN);
      } catch (UnusableInputException e) {
        return false;
      }
      PUBLIC_KEYS.put(algorithm, publicBytes, key);
    }
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, key);
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
    return verifier.verifySignature(sha256(message), r, s);
  }

  /**
   * Encodes a private key as PKCS#8 DER.
   *
   * @param algorithm the algorithm
   * @param privateBytes the 32 private bytes
   * @return DER bytes
   */
  public static byte[] toPkcs8(KeyAlgorithm algorithm, byte[] privateBytes) {
    checkPrivate(algorithm, privateBytes);
    try {
      return PrivateKeyInfoFactory.createPrivateKeyInfo(privateParameters(algorithm, privateBytes))
          .getEncoded("DER");
    } catch (IOException e) {
      throw new IllegalStateException("PKCS#8 encoding failed", e);
    }
  }

  /**
   * Encodes a public key as SubjectPublicKeyInfo DER.
   *
   * @param algorithm the algorithm
   * @param publicBytes the public key bytes
   * @return DER bytes
   */
  public static byte[] toSpki(KeyAlgorithm algorithm, byte[] publicBytes) {
    AsymmetricKeyParameter params =
        algorithm == KeyAlgorithm.ED25519
            ? new Ed25519PublicKeyParameters(publicBytes, 0)
            : new ECPublicKeyParameters(decodePoint(publicBytes), P256_DOMAIN);
    try {
      return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(params).getEncoded("DER");
    } catch (IOException e) {
      throw new IllegalStateException("SubjectPublicKeyInfo encoding failed", e);
    }
  }

  /** A decoded private key. */
  @SuppressWarnings("ArrayRecordComponent") // why: a carrier of decoded bytes, never compared
  public record PrivateKeyBytes(KeyAlgorithm algorithm, byte[] privateBytes) {}

  /** A decoded public key. */
  @SuppressWarnings("ArrayRecordComponent") // why: a carrier of decoded bytes, never compared
  public record PublicKeyBytes(KeyAlgorithm algorithm, byte[] publicBytes) {}

  /**
   * Decodes PKCS#8 DER (Ed25519 or EC on P-256).
   *
   * @param der the DER bytes
   * @return algorithm and private bytes
   */
  public static PrivateKeyBytes fromPkcs8(byte[] der) {
    AsymmetricKeyParameter key;
    try {
      key = PrivateKeyFactory.createKey(der);
    } catch (IOException | RuntimeException e) {
      throw new UnusableInputException("pkcs8", "not a PKCS#8 private key", e);
    }
    if (key instanceof Ed25519PrivateKeyParameters) {
      return new PrivateKeyBytes(
          KeyAlgorithm.ED25519, ((Ed25519PrivateKeyParameters) key).getEncoded());
    }
    if (key instanceof ECPrivateKeyParameters) {
      ECPrivateKeyParameters ec = (ECPrivateKeyParameters) key;
      requireP256(ec.getParameters().getCurve().equals(P256_DOMAIN.getCurve()));
      return new PrivateKeyBytes(KeyAlgorithm.P256, BigIntegers.asUnsignedByteArray(32, ec.getD()));
    }
    throw new UnusableInputException("pkcs8", "only Ed25519 and P-256 keys are supported");
  }

  /**
   * Decodes SubjectPublicKeyInfo DER (Ed25519 or EC on P-256).
   *
   * @param der the DER bytes
   * @return algorithm and canonical public bytes
   */
  public static PublicKeyBytes fromSpki(byte[] der) {
    AsymmetricKeyParameter key;
    try {
      key = PublicKeyFactory.createKey(der);
    } catch (IOException | RuntimeException e) {
      throw new UnusableInputException("spki", "not a SubjectPublicKeyInfo public key", e);
    }
    if (key instanceof Ed25519PublicKeyParameters) {
      return new PublicKeyBytes(
          KeyAlgorithm.ED25519, ((Ed25519PublicKeyParameters) key).getEncoded());
    }
    if (key instanceof ECPublicKeyParameters) {
      ECPublicKeyParameters ec = (ECPublicKeyParameters) key;
      requireP256(ec.getParameters().getCurve().equals(P256_DOMAIN.getCurve()));
      return new PublicKeyBytes(KeyAlgorithm.P256, ec.getQ().getEncoded(true));
    }
    throw new UnusableInputException("spki", "only Ed25519 and P-256 keys are supported");
  }

  private static void requireP256(boolean isP256) {
    if (!isP256) {
      throw new UnusableInputException(
          "key", "only the P-256 curve is supported (P-384 and P-521 keys are not)");
    }
  }

  private static AsymmetricKeyParameter privateParameters(KeyAlgorithm algorithm, byte[] bytes) {
    if (algorithm == KeyAlgorithm.ED25519) {
      return new Ed25519PrivateKeyParameters(bytes, 0);
    }
    return new ECPrivateKeyParameters(new BigInteger(1, bytes), P256_DOMAIN);
  }

  private static void checkPrivate(KeyAlgorithm algorithm, byte[] privateBytes) {
    if (privateBytes.length != 32) {
      throw new UnusableInputException("key", algorithm + " private key must be 32 bytes");
    }
    if (algorithm == KeyAlgorithm.P256) {
      BigInteger d = new BigInteger(1, privateBytes);
      if (d.signum() == 0 || d.compareTo(P256_DOMAIN.getN()) >= 0) {
        throw new UnusableInputException("key", "P-256 private scalar out of range");
      }
    }
  }
}
