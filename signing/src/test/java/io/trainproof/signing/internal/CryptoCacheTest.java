package io.trainproof.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.signing.key.KeyAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Prepared private keys sign as the one-shot path does, and the decoded-public-key cache never lets
 * one key's verification answer for another's.
 */
class CryptoCacheTest {

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void preparedKeysSignAsTheOneShotPathAndCachedKeysStayApart(KeyAlgorithm algorithm)
      throws Exception {
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(42);
    byte[] first = Crypto.generatePrivate(algorithm, random);
    byte[] second = Crypto.generatePrivate(algorithm, random);
    byte[] firstPublic = Crypto.publicFromPrivate(algorithm, first);
    byte[] secondPublic = Crypto.publicFromPrivate(algorithm, second);
    byte[] message = "hashData".getBytes(StandardCharsets.US_ASCII);
    Crypto.PreparedPrivateKey prepared = Crypto.preparePrivate(algorithm, first);

    byte[] signature = prepared.sign(message);

    // both suites are deterministic (Ed25519; ECDSA with RFC 6979 nonces)
    assertThat(signature)
        .isEqualTo(Crypto.sign(algorithm, first, message))
        .isEqualTo(prepared.sign(message));
    for (int round = 0; round < 3; round++) {
      assertThat(Crypto.verify(algorithm, firstPublic, message, signature)).isTrue();
      assertThat(Crypto.verify(algorithm, secondPublic, message, signature)).isFalse();
      assertThat(
              Crypto.verify(
                  algorithm, secondPublic, message, Crypto.sign(algorithm, second, message)))
          .isTrue();
      byte[] tampered = signature.clone();
      tampered[round] ^= 1;
      assertThat(Crypto.verify(algorithm, firstPublic, message, tampered)).isFalse();
    }
    byte[] mutatedKey = firstPublic.clone();
    // why: the cache copies the key bytes it is given; changing the caller's array changes nothing
    mutatedKey[mutatedKey.length - 1] ^= 1;
    assertThat(Crypto.verify(algorithm, firstPublic, message, signature)).isTrue();
    assertThat(prepared.toString()).doesNotContain(Hex.encode(first));
  }
}
