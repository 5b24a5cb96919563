package io.trainproof.signing.key;

import io.trainproof.signing.UnusableInputException;

/**
 * Resolves {@code did:key} DIDs and verification method ids for Ed25519 and P-256 locally: the key
 * is in the identifier, no network is involved. Stateless and thread-safe.
 */
public final class DidKey {
  private static final String PREFIX = "did:key:";

  private DidKey() {}

  /**
   * Whether a DID or verification method id is a {@code did:key}.
   *
   * @param id the id
   * @return true when it starts with {@code did:key:}
   */
  public static boolean isDidKey(String id) {
    return id.startsWith(PREFIX);
  }

  /**
   * Resolves {@code did:key:z…} or {@code did:key:z…#z…} to its key; the fragment, when present,
   * must repeat the multibase value.
   *
   * @param id the DID or verification method id
   * @return the key
   * @throws UnusableInputException when it is not a did:key of a supported key
   */
  public static VerificationKey resolve(String id) {
    if (!isDidKey(id)) {
      throw new UnusableInputException("did:key", "not a did:key identifier");
    }
    String rest = id.substring(PREFIX.length());
    int hash = rest.indexOf('#');
    String multibase = hash < 0 ? rest : rest.substring(0, hash);
    if (hash >= 0 && !rest.substring(hash + 1).equals(multibase)) {
      throw new UnusableInputException("did:key", "fragment does not match the key");
    }
    return VerificationKey.fromMultibase(multibase);
  }
}
