package io.trainproof.reporting.evidence;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The keys a verifier trusts to have signed evidence-pack manifests, by key id (the signing
 * module's trust bundle provides them; see the CLI's {@code verify-pack}).
 */
@FunctionalInterface
public interface ManifestKeys {
  /**
   * A trusted key.
   *
   * @param publicKeyPem the public key, X.509 SubjectPublicKeyInfo PEM
   * @param activeFrom when it started signing
   * @param retiredAt when it stopped, or null while active
   */
  record TrustedKey(String publicKeyPem, Instant activeFrom, @Nullable Instant retiredAt) {}

  /**
   * @param keyId the id the manifest signature names
   * @return the key, when trusted
   */
  Optional<TrustedKey> key(String keyId);

  /**
   * @return no key trusted: the signature is reported as not checked
   */
  static ManifestKeys none() {
    return keyId -> Optional.empty();
  }
}
