package io.trainproof.signing.key;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.internal.Crypto;
import io.trainproof.signing.internal.Multibase;
import io.trainproof.signing.internal.Pem;
import io.trainproof.signing.jcs.StrictJson;
import java.util.Arrays;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * A public key: its algorithm and its canonical bytes (32 bytes for Ed25519, the 33-byte compressed
 * point for P-256). Immutable value; the bytes are copied in and out.
 *
 * @param algorithm the algorithm
 * @param bytes the canonical public key bytes
 */
@SuppressWarnings("ArrayRecordComponent") // why: equals and hashCode compare the bytes (below)
public record VerificationKey(KeyAlgorithm algorithm, byte[] bytes) {

  /**
   * Validates and normalizes (a P-256 point given uncompressed is stored compressed).
   *
   * @param algorithm the algorithm
   * @param bytes the public key bytes
   */
  public VerificationKey {
    bytes = Crypto.normalizePublic(algorithm, bytes);
  }

  /**
   * @return a copy of the canonical public key bytes
   */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * The Multikey value: {@code z6Mk…} (multicodec ed25519-pub) or {@code zDna…} (multicodec
   * p256-pub, compressed point).
   *
   * @return the {@code publicKeyMultibase} value
   */
  public String multibase() {
    return Multibase.encodeWithCodec(
        switch (algorithm) {
          case ED25519 -> Multibase.ED25519_PUB;
          case P256 -> Multibase.P256_PUB;
          case P384 -> Multibase.P384_PUB;
        },
        bytes);
  }

  /**
   * @return the {@code did:key} DID of this key
   */
  public String didKey() {
    return "did:key:" + multibase();
  }

  /**
   * @return the {@code did:key} verification method id, {@code did:key:z…#z…}
   */
  public String didKeyVerificationMethod() {
    return didKey() + "#" + multibase();
  }

  /**
   * @return the SubjectPublicKeyInfo as PEM ({@code PUBLIC KEY})
   */
  public String toPem() {
    return Pem.encode("PUBLIC KEY", Crypto.toSpki(algorithm, bytes));
  }

  /**
   * @return the public JWK ({@code OKP}/{@code Ed25519} or {@code EC}/{@code P-256}) as JSON text
   */
  public String toJwk() {
    return StrictJson.write(jwkNode());
  }

  ObjectNode jwkNode() {
    ObjectNode jwk = StrictJson.mapper().createObjectNode();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    if (algorithm == KeyAlgorithm.ED25519) {
      jwk.put("kty", "OKP").put("crv", "Ed25519").put("x", b64.encodeToString(bytes));
    } else {
      int n = Crypto.size(algorithm);
      byte[] uncompressed = Crypto.decodePoint(algorithm, bytes).getEncoded(false);
      jwk.put("kty", "EC")
          .put("crv", algorithm == KeyAlgorithm.P256 ? "P-256" : "P-384")
          .put("x", b64.encodeToString(Arrays.copyOfRange(uncompressed, 1, 1 + n)))
          .put("y", b64.encodeToString(Arrays.copyOfRange(uncompressed, 1 + n, 1 + 2 * n)));
    }
    return jwk;
  }

  /**
   * Reads a Multikey {@code publicKeyMultibase} value.
   *
   * @param multibase {@code z6Mk…} or {@code zDna…}
   * @return the key
   * @throws UnusableInputException when it is not base58btc multibase of a supported key ({@link
   *     #UNSUPPORTED_KEY_TYPE} for a P-384 or P-521 key)
   */
  public static VerificationKey fromMultibase(String multibase) {
    byte[] decoded = Multibase.decodeBase58(multibase);
    if (Multibase.hasCodec(decoded, Multibase.ED25519_PUB) && decoded.length == 34) {
      return new VerificationKey(KeyAlgorithm.ED25519, Arrays.copyOfRange(decoded, 2, 34));
    }
    if (Multibase.hasCodec(decoded, Multibase.P256_PUB) && decoded.length == 35) {
      return new VerificationKey(KeyAlgorithm.P256, Arrays.copyOfRange(decoded, 2, 35));
    }
    if (Multibase.hasCodec(decoded, Multibase.P384_PUB) && decoded.length == 51) {
      return new VerificationKey(KeyAlgorithm.P384, Arrays.copyOfRange(decoded, 2, 51));
    }
    if (Multibase.hasCodec(decoded, Multibase.P521_PUB)) {
      throw unsupported("P-521");
    }
    throw new UnusableInputException(
        "multikey", "not an Ed25519, P-256 or P-384 public Multikey (compressed point)");
  }

  /**
   * {@link UnusableInputException#what()} of a key of a known type that Trainproof does not support
   * (an ECDSA key on P-521), so that a verifier can say so rather than call it malformed.
   */
  public static final String UNSUPPORTED_KEY_TYPE = "unsupported-key-type";

  static UnusableInputException unsupported(String curve) {
    return new UnusableInputException(
        UNSUPPORTED_KEY_TYPE,
        curve
            + " keys are not supported: Trainproof verifies the ecdsa suites with P-256 and P-384"
            + " keys and the eddsa suites with Ed25519 keys");
  }

  /**
   * Reads a SubjectPublicKeyInfo PEM ({@code -----BEGIN PUBLIC KEY-----}).
   *
   * @param pem the PEM text
   * @return the key
   */
  public static VerificationKey fromPem(String pem) {
    Crypto.PublicKeyBytes key = Crypto.fromSpki(Pem.decode(pem, "PUBLIC KEY"));
    return new VerificationKey(key.algorithm(), key.publicBytes());
  }

  /**
   * Reads a public JWK (a private JWK is accepted; its {@code d} is ignored).
   *
   * @param jwkJson the JWK as JSON text
   * @return the key
   */
  public static VerificationKey fromJwk(String jwkJson) {
    return fromJwkNode(StrictJson.parse(jwkJson));
  }

  static VerificationKey fromJwkNode(JsonNode jwk) {
    String kty = jwk.path("kty").asText("");
    String crv = jwk.path("crv").asText("");
    if ("OKP".equals(kty) && "Ed25519".equals(crv)) {
      return new VerificationKey(KeyAlgorithm.ED25519, b64url(jwk, "x"));
    }
    if ("EC".equals(kty) && ("P-256".equals(crv) || "P-384".equals(crv))) {
      KeyAlgorithm algorithm = "P-256".equals(crv) ? KeyAlgorithm.P256 : KeyAlgorithm.P384;
      int n = Crypto.size(algorithm);
      byte[] x = b64url(jwk, "x");
      byte[] y = b64url(jwk, "y");
      if (x.length != n || y.length != n) {
        throw new UnusableInputException("jwk", crv + " x and y must be " + n + " bytes each");
      }
      byte[] point = new byte[1 + 2 * n];
      point[0] = 4;
      System.arraycopy(x, 0, point, 1, n);
      System.arraycopy(y, 0, point, 1 + n, n);
      return new VerificationKey(algorithm, point);
    }
    if ("EC".equals(kty) && "P-521".equals(crv)) {
      throw unsupported(crv);
    }
    throw new UnusableInputException(
        "jwk", "only OKP/Ed25519 and EC/P-256 or EC/P-384 are supported");
  }

  static byte[] b64url(JsonNode jwk, String member) {
    JsonNode value = jwk.get(member);
    if (value == null || !value.isTextual()) {
      throw new UnusableInputException("jwk", "missing member '" + member + "'");
    }
    try {
      return Base64.getUrlDecoder().decode(value.textValue());
    } catch (IllegalArgumentException e) {
      throw new UnusableInputException("jwk", "member '" + member + "' is not base64url", e);
    }
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof VerificationKey
        && ((VerificationKey) other).algorithm == algorithm
        && Arrays.equals(((VerificationKey) other).bytes, bytes);
  }

  @Override
  public int hashCode() {
    return 31 * algorithm.hashCode() + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "VerificationKey[" + algorithm + ", " + multibase() + "]";
  }
}
