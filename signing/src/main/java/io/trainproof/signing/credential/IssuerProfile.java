package io.trainproof.signing.credential;

import io.trainproof.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The issuer as it appears in a credential (an Open Badges {@code Profile}).
 *
 * @param id the issuer's DID ({@code did:web:…}); its keys sign
 * @param name the organization's display name
 * @param url its web site, or null
 */
public record IssuerProfile(String id, String name, @Nullable String url) {
  /**
   * Validates.
   *
   * @param id the DID
   * @param name the name
   * @param url the web site or null
   */
  public IssuerProfile {
    if (!id.startsWith("did:")) {
      throw new ValidationException("issuer.id", id, "must be a DID");
    }
    if (name.isBlank()) {
      throw new ValidationException("issuer.name", name, "must not be blank");
    }
  }
}
