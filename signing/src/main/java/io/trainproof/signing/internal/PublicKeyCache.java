package io.trainproof.signing.internal;

import io.trainproof.signing.key.KeyAlgorithm;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.jspecify.annotations.Nullable;

/**
 * Decoded public keys keyed by their algorithm and exact bytes, so a verifier decodes each issuer
 * key once. Bounded: when full it is emptied (keys are few; a flood of distinct keys only costs
 * re-decoding). The cached Bouncy Castle parameters are immutable. Thread-safe.
 */
final class PublicKeyCache {
  private final int capacity;
  private final ConcurrentHashMap<Entry, AsymmetricKeyParameter> keys = new ConcurrentHashMap<>();

  PublicKeyCache(int capacity) {
    this.capacity = capacity;
  }

  @Nullable AsymmetricKeyParameter get(KeyAlgorithm algorithm, byte[] bytes) {
    return keys.get(new Entry(algorithm, bytes));
  }

  void put(KeyAlgorithm algorithm, byte[] bytes, AsymmetricKeyParameter key) {
    if (keys.size() >= capacity) {
      keys.clear();
    }
    keys.put(new Entry(algorithm, bytes.clone()), key);
  }

  /** A key's identity: algorithm and bytes, compared by content. */
  private static final class Entry {
    private final KeyAlgorithm algorithm;
    private final byte[] bytes;
    private final int hash;

    Entry(KeyAlgorithm algorithm, byte[] bytes) {
      this.algorithm = algorithm;
      this.bytes = bytes;
      this.hash = 31 * algorithm.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof Entry
          && ((Entry) other).algorithm == algorithm
          && Arrays.equals(((Entry) other).bytes, bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
