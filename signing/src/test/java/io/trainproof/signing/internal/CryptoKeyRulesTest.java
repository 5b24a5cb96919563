package io.trainproof.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.signing.UnusableInputException;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.VerificationKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Which private and public key bytes the primitives accept: 32 bytes, a P-256 scalar in [1, n),
 * P-256 only among the EC curves; a key that cannot be used is refused as unusable input on every
 * path (deriving, preparing, encoding), and verification with an unusable public key is simply
 * false.
 */
class CryptoKeyRulesTest {
  static final BigInteger N = Crypto.P256_DOMAIN.getN();
  static final byte[] MESSAGE = "hashData".getBytes(StandardCharsets.US_ASCII);

  static byte[] scalar(BigInteger d) {
    return BigIntegers.asUnsignedByteArray(32, d);
  }

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void privateKeysOtherThan32BytesAreRefusedOnEveryPath(KeyAlgorithm algorithm) {
    for (byte[] bytes : new byte[][] {new byte[31], new byte[33]}) {
      Arrays.fill(bytes, (byte) 7);
      assertThatThrownBy(() -> Crypto.publicFromPrivate(algorithm, bytes))
          .isInstanceOf(UnusableInputException.class);
      assertThatThrownBy(() -> Crypto.preparePrivate(algorithm, bytes))
          .isInstanceOf(UnusableInputException.class);
      assertThatThrownBy(() -> Crypto.toPkcs8(algorithm, bytes))
          .isInstanceOf(UnusableInputException.class);
    }
  }

  @Test
  void ed25519PublicBytesThatAreNotACurvePointAreRefusedAtImportAndNeverVerify() {
    byte[] notAPoint = new byte[32];
    notAPoint[0] = 0x02;
    assertThatThrownBy(() -> Crypto.normalizePublic(KeyAlgorithm.ED25519, notAPoint))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("not a curve point");
    assertThatThrownBy(() -> new VerificationKey(KeyAlgorithm.ED25519, notAPoint))
        .isInstanceOf(UnusableInputException.class);
    assertThat(Crypto.verify(KeyAlgorithm.ED25519, notAPoint, MESSAGE, new byte[64])).isFalse();
    byte[] real = Crypto.publicFromPrivate(KeyAlgorithm.ED25519, new byte[32]);
    assertThat(Crypto.normalizePublic(KeyAlgorithm.ED25519, real)).isEqualTo(real);
  }

  @Test
  void p256ScalarsOutsideOneToNAreRefusedOnEveryPath() {
    for (BigInteger d : new BigInteger[] {BigInteger.ZERO, N, N.add(BigInteger.ONE)}) {
      byte[] bytes = scalar(d);
      assertThatThrownBy(() -> Crypto.publicFromPrivate(KeyAlgorithm.P256, bytes))
          .as("d = %s", d)
          .isInstanceOf(UnusableInputException.class)
          .hasMessageContaining("out of range");
      assertThatThrownBy(() -> Crypto.preparePrivate(KeyAlgorithm.P256, bytes))
          .isInstanceOf(UnusableInputException.class);
      assertThatThrownBy(() -> Crypto.toPkcs8(KeyAlgorithm.P256, bytes))
          .isInstanceOf(UnusableInputException.class);
    }
    byte[] largest = scalar(N.subtract(BigInteger.ONE));
    byte[] smallest = scalar(BigInteger.ONE);
    assertThat(Crypto.publicFromPrivate(KeyAlgorithm.P256, largest)).hasSize(33);
    assertThat(Crypto.publicFromPrivate(KeyAlgorithm.P256, smallest))
        .isEqualTo(Crypto.P256_DOMAIN.getG().getEncoded(true));
    byte[] signature = Crypto.sign(KeyAlgorithm.P256, largest, MESSAGE);
    assertThat(
            Crypto.verify(
                KeyAlgorithm.P256,
                Crypto.publicFromPrivate(KeyAlgorithm.P256, largest),
                MESSAGE,
                signature))
        .isTrue();
  }

  @Test
  void anyThirtyTwoBytesAreAnEd25519SeedEvenAboveTheP256Order() {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) 0xff);
    byte[] publicKey = Crypto.publicFromPrivate(KeyAlgorithm.ED25519, seed);
    assertThat(publicKey).hasSize(32);
    assertThat(
            Crypto.verify(
                KeyAlgorithm.ED25519,
                publicKey,
                MESSAGE,
                Crypto.sign(KeyAlgorithm.ED25519, seed, MESSAGE)))
        .isTrue();
    assertThat(Crypto.fromPkcs8(Crypto.toPkcs8(KeyAlgorithm.ED25519, seed)).privateBytes())
        .isEqualTo(seed);
  }

  @Test
  void aP256KeyIsAValidScalarEvenWhenTheRandomSourceFirstYieldsOneTooLarge() {
    // why: the first 32 bytes drawn are all 0xff, above n; a P-256 generator must draw again
    SecureRandom firstTooLarge =
        new SecureRandom() {
          private static final long serialVersionUID = 1L;
          private int calls;

          @Override
          public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
              bytes[i] = calls == 0 ? (byte) 0xff : (byte) (31 * calls + 17 * i + 1);
            }
            calls++;
          }
        };

    byte[] d = Crypto.generatePrivate(KeyAlgorithm.P256, firstTooLarge);

    assertThat(d).hasSize(32);
    assertThat(new BigInteger(1, d)).isPositive().isLessThan(N);
    assertThat(Crypto.publicFromPrivate(KeyAlgorithm.P256, d)).hasSize(33);
  }

  @Test
  void ecKeysOnCurvesOtherThanP256AndP384AreRefused() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp521r1"));
    KeyPair p521 = generator.generateKeyPair();

    assertThatThrownBy(() -> Crypto.fromPkcs8(p521.getPrivate().getEncoded()))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("P-256 and P-384");
    generator.initialize(new ECGenParameterSpec("secp384r1"));
    KeyPair p384 = generator.generateKeyPair();
    assertThat(Crypto.fromPkcs8(p384.getPrivate().getEncoded()).algorithm())
        .isEqualTo(KeyAlgorithm.P384);
    assertThat(Crypto.fromSpki(p384.getPublic().getEncoded()).publicBytes()).hasSize(49);
    assertThatThrownBy(() -> Crypto.fromSpki(p521.getPublic().getEncoded()))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("P-256 and P-384");

    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair p256 = generator.generateKeyPair();
    assertThat(Crypto.fromPkcs8(p256.getPrivate().getEncoded()).algorithm())
        .isEqualTo(KeyAlgorithm.P256);
    assertThat(Crypto.fromSpki(p256.getPublic().getEncoded()).publicBytes()).hasSize(33);
  }

  @Test
  void verificationWithAnUnusablePublicKeyIsFalse() {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) 3);
    byte[] signature = Crypto.sign(KeyAlgorithm.ED25519, seed, MESSAGE);
    byte[] publicKey = Crypto.publicFromPrivate(KeyAlgorithm.ED25519, seed);

    assertThat(
            Crypto.verify(KeyAlgorithm.ED25519, Arrays.copyOf(publicKey, 31), MESSAGE, signature))
        .isFalse();
    assertThat(
            Crypto.verify(KeyAlgorithm.ED25519, Arrays.copyOf(publicKey, 33), MESSAGE, signature))
        .isFalse();
    byte[] notAPoint = new byte[33];
    notAPoint[0] = 0x02;
    Arrays.fill(notAPoint, 1, 33, (byte) 0xff);
    assertThat(Crypto.verify(KeyAlgorithm.P256, notAPoint, MESSAGE, new byte[64])).isFalse();
    assertThat(
            Crypto.verify(KeyAlgorithm.ED25519, publicKey, MESSAGE, Arrays.copyOf(signature, 63)))
        .isFalse();
  }

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void aKeyNeverSeenBeforeVerifiesOnItsFirstUse(KeyAlgorithm algorithm) {
    // why: a fresh key from a random seed cannot already be in the decoded-key cache
    byte[] d = Crypto.generatePrivate(algorithm, new SecureRandom());
    byte[] publicKey = Crypto.publicFromPrivate(algorithm, d);
    byte[] signature = Crypto.sign(algorithm, d, MESSAGE);

    assertThat(Crypto.verify(algorithm, publicKey, MESSAGE, signature)).isTrue();
    assertThat(Crypto.verify(algorithm, publicKey, MESSAGE, signature)).isTrue();
  }

  @Test
  void aPreparedKeyPrintsItsAlgorithmOnly() {
    byte[] d = scalar(BigInteger.valueOf(123_456_789));
    assertThat(Crypto.preparePrivate(KeyAlgorithm.P256, d).toString())
        .isEqualTo("PreparedPrivateKey[P256]");
    assertThat(Crypto.preparePrivate(KeyAlgorithm.ED25519, d).toString())
        .isEqualTo("PreparedPrivateKey[ED25519]");
  }
}
