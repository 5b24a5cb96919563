package io.trainproof.signing.key;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.core.ValidationException;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.internal.Crypto;
import io.trainproof.signing.internal.Multibase;
import io.trainproof.signing.internal.Pem;
import io.trainproof.signing.jcs.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Enumeration;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.BigIntegers;
import org.jspecify.annotations.Nullable;

/**
 * A key pair held in this process: the local {@link Signer}. Generates keys, imports and exports
 * them as PKCS#8 PEM, JWK and Multikey, and reads them from PKCS#12 keystores.
 *
 * <p>Immutable and thread-safe. The private bytes never appear in {@link #toString()}.
 */
public final class SigningKey implements Signer {
  private final String keyId;
  private final KeyAlgorithm algorithm;
  private final byte[] privateBytes;
  private final VerificationKey publicKey;
  private final Crypto.PreparedPrivateKey prepared;

  private SigningKey(String keyId, KeyAlgorithm algorithm, byte[] privateBytes) {
    if (keyId.isBlank()) {
      throw new ValidationException("keyId", keyId, "must not be blank");
    }
    this.keyId = keyId;
    this.algorithm = algorithm;
    this.privateBytes = privateBytes.clone();
    this.publicKey =
        new VerificationKey(algorithm, Crypto.publicFromPrivate(algorithm, this.privateBytes));
    this.prepared = Crypto.preparePrivate(algorithm, this.privateBytes);
  }

  /**
   * Generates a new key.
   *
   * @param algorithm the algorithm
   * @param keyId the verification method id it will be published under
   * @param random the randomness source
   * @return the key
   */
  public static SigningKey generate(KeyAlgorithm algorithm, String keyId, SecureRandom random) {
    return new SigningKey(keyId, algorithm, Crypto.generatePrivate(algorithm, random));
  }

  /**
   * Uses raw private bytes: an Ed25519 seed or a P-256 scalar, 32 bytes.
   *
   * @param algorithm the algorithm
   * @param keyId the verification method id
   * @param privateBytes the 32 private bytes (copied)
   * @return the key
   */
  public static SigningKey fromRawPrivate(
      KeyAlgorithm algorithm, String keyId, byte[] privateBytes) {
    return new SigningKey(keyId, algorithm, privateBytes);
  }

  /**
   * Reads an unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}).
   *
   * @param keyId the verification method id
   * @param pem the PEM text
   * @return the key
   */
  public static SigningKey fromPkcs8Pem(String keyId, String pem) {
    Crypto.PrivateKeyBytes key = Crypto.fromPkcs8(Pem.decode(pem, "PRIVATE KEY"));
    return new SigningKey(keyId, key.algorithm(), key.privateBytes());
  }

  /**
   * Reads a private JWK ({@code OKP}/{@code Ed25519} or {@code EC}/{@code P-256} with {@code d}).
   * When the JWK carries the public part it must match the private part.
   *
   * @param keyId the verification method id
   * @param jwkJson the JWK as JSON text
   * @return the key
   */
  public static SigningKey fromJwk(String keyId, String jwkJson) {
    JsonNode jwk = StrictJson.parse(jwkJson);
    VerificationKey claimed = VerificationKey.fromJwkNode(jwk);
    byte[] d = VerificationKey.b64url(jwk, "d");
    int size = Crypto.size(claimed.algorithm());
    if (d.length != size) {
      throw new UnusableInputException("jwk", "private member 'd' must be " + size + " bytes");
    }
    SigningKey key = new SigningKey(keyId, claimed.algorithm(), d);
    if (!key.publicKey.equals(claimed)) {
      throw new UnusableInputException("jwk", "public and private parts do not belong together");
    }
    return key;
  }

  /**
   * Reads a private Multikey as the W3C test vectors write it: base58btc multibase of multicodec
   * {@code ed25519-priv} (0x1300) or {@code p256-priv} (0x1306) and 32 bytes.
   *
   * @param keyId the verification method id
   * @param secretKeyMultibase the {@code z…} value
   * @return the key
   */
  public static SigningKey fromPrivateMultikey(String keyId, String secretKeyMultibase) {
    byte[] decoded = Multibase.decodeBase58(secretKeyMultibase);
    if (decoded.length == 34 && Multibase.hasCodec(decoded, Multibase.ED25519_PRIV)) {
      return new SigningKey(keyId, KeyAlgorithm.ED25519, Arrays.copyOfRange(decoded, 2, 34));
    }
    if (decoded.length == 34 && Multibase.hasCodec(decoded, Multibase.P256_PRIV)) {
      return new SigningKey(keyId, KeyAlgorithm.P256, Arrays.copyOfRange(decoded, 2, 34));
    }
    if (decoded.length == 50 && Multibase.hasCodec(decoded, Multibase.P384_PRIV)) {
      return new SigningKey(keyId, KeyAlgorithm.P384, Arrays.copyOfRange(decoded, 2, 50));
    }
    throw new UnusableInputException("multikey", "not an Ed25519, P-256 or P-384 private Multikey");
  }

  /**
   * Reads a private key from a PKCS#12 keystore, with Bouncy Castle named explicitly as the
   * keystore provider (it is not installed as a JVM-wide provider).
   *
   * @param keyId the verification method id
   * @param keystore the PKCS#12 bytes
   * @param password the store and key password
   * @param alias the entry's alias, or {@code null} for the only key entry
   * @return the key
   */
  public static SigningKey fromPkcs12(
      String keyId, InputStream keystore, char[] password, @Nullable String alias) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12", new BouncyCastleProvider());
      store.load(keystore, password);
      String entry = alias;
      if (entry == null) {
        Enumeration<String> aliases = store.aliases();
        while (aliases.hasMoreElements()) {
          String candidate = aliases.nextElement();
          if (store.isKeyEntry(candidate)) {
            if (entry != null) {
              throw new UnusableInputException("pkcs12", "several key entries; name the alias");
            }
            entry = candidate;
          }
        }
      }
      if (entry == null) {
        throw new UnusableInputException("pkcs12", "no key entry");
      }
      Key key = store.getKey(entry, password);
      if (!(key instanceof PrivateKey)) {
        throw new UnusableInputException("pkcs12", "entry '" + entry + "' holds no private key");
      }
      Crypto.PrivateKeyBytes bytes = Crypto.fromPkcs8(key.getEncoded());
      return new SigningKey(keyId, bytes.algorithm(), bytes.privateBytes());
    } catch (IOException | GeneralSecurityException e) {
      throw new UnusableInputException("pkcs12", "cannot read keystore: " + e.getMessage(), e);
    }
  }

  @Override
  public String keyId() {
    return keyId;
  }

  @Override
  public VerificationKey publicKey() {
    return publicKey;
  }

  /**
   * @return the algorithm
   */
  public KeyAlgorithm algorithm() {
    return algorithm;
  }

  @Override
  public byte[] sign(byte[] message) {
    return prepared.sign(message);
  }

  /**
   * Returns the same key under another verification method id (for example a {@code did:key} id for
   * a key first published under {@code did:web}).
   *
   * @param newKeyId the verification method id
   * @return the key under that id
   */
  public SigningKey withKeyId(String newKeyId) {
    return new SigningKey(newKeyId, algorithm, privateBytes);
  }

  /**
   * @return the private key as unencrypted PKCS#8 PEM; protect it accordingly
   */
  public String toPkcs8Pem() {
    return Pem.encode("PRIVATE KEY", Crypto.toPkcs8(algorithm, privateBytes));
  }

  /**
   * @return the private JWK (with {@code d}) as JSON text; protect it accordingly
   */
  public String toPrivateJwk() {
    ObjectNode jwk = publicKey.jwkNode();
    jwk.put("d", Base64.getUrlEncoder().withoutPadding().encodeToString(privateBytes));
    return StrictJson.write(jwk);
  }

  /**
   * @return the private Multikey ({@code secretKeyMultibase}); protect it accordingly
   */
  public String toPrivateMultikey() {
    return Multibase.encodeWithCodec(
        switch (algorithm) {
          case ED25519 -> Multibase.ED25519_PRIV;
          case P256 -> Multibase.P256_PRIV;
          case P384 -> Multibase.P384_PRIV;
        },
        algorithm == KeyAlgorithm.ED25519
            ? privateBytes
            : BigIntegers.asUnsignedByteArray(
                Crypto.size(algorithm), new BigInteger(1, privateBytes)));
  }

  @Override
  public String toString() {
    return "SigningKey[" + keyId + ", " + publicKey.multibase() + "]";
  }
}
