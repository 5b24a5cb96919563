package io.trainproof.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.signing.key.KeyAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.junit.jupiter.api.Test;

/**
 * The decoded-key cache compares keys by their bytes, not only by their hash: an attacker's public
 * key whose bytes hash like a trusted, already cached key never borrows that key's verification.
 */
class KeyCacheCollisionTest {
  static final byte[] MESSAGE = "hashData".getBytes(StandardCharsets.US_ASCII);

  @Test
  void aKeyWithTheHashOfACachedKeyIsStillItsOwnKey() {
    for (int seed = 1; seed < 200; seed++) {
      byte[] d = new byte[32];
      Arrays.fill(d, (byte) seed);
      byte[] trusted = Crypto.publicFromPrivate(KeyAlgorithm.ED25519, d);
      byte[] colliding = collidingWith(trusted);
      if (colliding == null || !isEd25519Point(colliding)) {
        continue;
      }
      byte[] signature = Crypto.sign(KeyAlgorithm.ED25519, d, MESSAGE);
      assertThat(Arrays.hashCode(colliding)).isEqualTo(Arrays.hashCode(trusted));

      assertThat(Crypto.verify(KeyAlgorithm.ED25519, trusted, MESSAGE, signature)).isTrue();
      assertThat(Crypto.verify(KeyAlgorithm.ED25519, colliding, MESSAGE, signature)).isFalse();
      assertThat(Crypto.verify(KeyAlgorithm.ED25519, trusted, MESSAGE, signature)).isTrue();
      return;
    }
    throw new AssertionError("no seed gave a colliding key that is a curve point");
  }

  /** The same Arrays.hashCode: the last-but-one byte one up (+31), the last byte 31 down (−31). */
  private static byte[] collidingWith(byte[] key) {
    int n = key.length;
    if (key[n - 2] == Byte.MAX_VALUE || key[n - 1] < Byte.MIN_VALUE + 31) {
      return null;
    }
    byte[] other = key.clone();
    other[n - 2]++;
    other[n - 1] = (byte) (other[n - 1] - 31);
    return other;
  }

  private static boolean isEd25519Point(byte[] key) {
    try {
      new Ed25519PublicKeyParameters(key, 0);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
