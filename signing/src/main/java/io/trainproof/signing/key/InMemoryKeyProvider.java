package io.trainproof.signing.key;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link KeyProvider} over {@link SigningKey}s held in memory, for tests, demos and hosts that
 * keep keys in their own vault and load them at start. Rejects a key id reused for other key bytes
 * (through a {@link KeyRegistry}). Thread-safe.
 */
public final class InMemoryKeyProvider implements KeyProvider {
  private final KeyRegistry registry = new KeyRegistry();
  private final Map<String, SigningKey> keys = new ConcurrentHashMap<>();

  /** Creates an empty provider. */
  public InMemoryKeyProvider() {}

  /**
   * Adds a key.
   *
   * @param key the key
   * @return this provider
   * @throws io.trainproof.core.ConflictException when its id already names other key bytes
   */
  public InMemoryKeyProvider add(SigningKey key) {
    registry.register(key.keyId(), key.publicKey());
    keys.putIfAbsent(key.keyId(), key);
    return this;
  }

  @Override
  public Optional<Signer> signer(String keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }
}
