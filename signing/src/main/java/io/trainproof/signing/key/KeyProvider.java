package io.trainproof.signing.key;

import java.util.Optional;

/**
 * Looks up signers by key id: the extension point for HSM, KMS or vault-backed keys. {@link
 * InMemoryKeyProvider} is the local implementation. Implementations must be thread-safe.
 */
public interface KeyProvider {
  /**
   * Finds the signer for a key id.
   *
   * @param keyId the verification method id
   * @return the signer, or empty when this provider holds no such key
   */
  Optional<Signer> signer(String keyId);
}
