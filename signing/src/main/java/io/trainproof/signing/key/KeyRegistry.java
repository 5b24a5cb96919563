package io.trainproof.signing.key;

import io.trainproof.core.ConflictException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds key ids to key bytes, once and for ever: registering an id again with the same key is a
 * no-op, with different key bytes a {@link ConflictException}. A verifier must be able to trust
 * that a key id names one key, years later. Thread-safe.
 */
public final class KeyRegistry {
  private final Map<String, VerificationKey> keys = new ConcurrentHashMap<>();

  /** Creates an empty registry. */
  public KeyRegistry() {}

  /**
   * Binds a key id to a key.
   *
   * @param keyId the verification method id
   * @param key the public key
   * @throws ConflictException when the id is already bound to other key bytes
   */
  public void register(String keyId, VerificationKey key) {
    VerificationKey existing = keys.putIfAbsent(keyId, key);
    if (existing != null && !existing.equals(key)) {
      throw new ConflictException(
          "SigningKey", keyId, "key id already names other key bytes; key ids are never reused");
    }
  }

  /**
   * Looks a key id up.
   *
   * @param keyId the verification method id
   * @return the key, or empty
   */
  public Optional<VerificationKey> find(String keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }
}
