package io.trainproof.signing.key;

import io.trainproof.core.ValidationException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One key in an issuer's history and the interval in which it could sign: from {@code activeFrom}
 * (inclusive) to {@code retiredAt} (exclusive; {@code null} while it is the active key).
 *
 * @param id the verification method id, {@code did:web:…#fragment}
 * @param key the public key
 * @param activeFrom when it started signing
 * @param retiredAt when it stopped signing, or {@code null} while active
 */
public record KeyRecord(
    String id, VerificationKey key, Instant activeFrom, @Nullable Instant retiredAt) {

  /**
   * Validates the interval.
   *
   * @param id the verification method id
   * @param key the public key
   * @param activeFrom when it started signing
   * @param retiredAt when it stopped, or null
   */
  public KeyRecord {
    if (retiredAt != null && retiredAt.isBefore(activeFrom)) {
      throw new ValidationException("retiredAt", retiredAt, "is before activeFrom " + activeFrom);
    }
  }

  /**
   * Whether the key could sign at an instant.
   *
   * @param instant the instant, typically a proof's {@code created}
   * @return true inside {@code [activeFrom, retiredAt)}
   */
  public boolean validAt(Instant instant) {
    return !instant.isBefore(activeFrom) && (retiredAt == null || instant.isBefore(retiredAt));
  }

  /**
   * @return whether the key is still the signing key
   */
  public boolean active() {
    return retiredAt == null;
  }

  KeyRecord retire(Instant at) {
    return new KeyRecord(id, key, activeFrom, at);
  }
}
