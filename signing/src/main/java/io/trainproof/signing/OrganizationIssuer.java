package io.trainproof.signing;

import io.trainproof.core.ValidationException;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyProvider;
import io.trainproof.signing.key.KeyRecord;
import io.trainproof.signing.key.Signer;
import org.jspecify.annotations.Nullable;

/**
 * Who signs for one organization: its {@code did:web} key history (the DID is the credentials'
 * {@code issuer}), the signer of the history's active key, the web site its issuer profile shows.
 * (Certificates' calendar dates begin and end in the organization's zone, which core passes with
 * every certificate.)
 *
 * <p>The signer is checked against the history here (its key id must be in the history, with the
 * same key bytes) and again when it signs (the key must be valid at that instant), so a credential
 * is never signed with a key a verifier holding the history would reject.
 *
 * <p>The host returns a current value from the function it gives {@link
 * SigningCredentialIssuer.Builder#issuers}: after a key rotation, the new history and the new key's
 * signer. Immutable.
 *
 * @param keyHistory the organization's issuer key history
 * @param signer the signer of the history's active key (a local key or an HSM/KMS handle)
 * @param url the organization's web site for the issuer {@code Profile}, or null
 */
public record OrganizationIssuer(IssuerKeyHistory keyHistory, Signer signer, @Nullable String url) {

  /**
   * Validates.
   *
   * @param keyHistory the key history
   * @param signer the signer
   * @param url the web site or null
   */
  public OrganizationIssuer {
    KeyRecord record =
        keyHistory
            .find(signer.keyId())
            .orElseThrow(
                () ->
                    new ValidationException(
                        "signer.keyId",
                        signer.keyId(),
                        "is not a key in the issuer key history of " + keyHistory.did()));
    if (!record.key().equals(signer.publicKey())) {
      throw new ValidationException(
          "signer.keyId",
          signer.keyId(),
          "names other key bytes in the issuer key history than the signer holds");
    }
    if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
      throw new ValidationException("url", url, "must be an http(s) URL");
    }
  }

  /**
   * An issuer signing with the history's active key, taken from a key provider.
   *
   * @param keyHistory the key history; its active key signs
   * @param keys where the active key's signer lives
   * @param url the web site or null
   * @return the issuer
   * @throws ValidationException when the history has no active key or the provider does not hold it
   */
  public static OrganizationIssuer of(
      IssuerKeyHistory keyHistory, KeyProvider keys, @Nullable String url) {
    KeyRecord active =
        keyHistory
            .active()
            .orElseThrow(
                () ->
                    new ValidationException(
                        "keyHistory", keyHistory.did(), "has no active key; every key is retired"));
    Signer signer =
        keys.signer(active.id())
            .orElseThrow(
                () ->
                    new ValidationException(
                        "keys",
                        active.id(),
                        "the key provider holds no signer for the active key"));
    return new OrganizationIssuer(keyHistory, signer, url);
  }

  /**
   * An issuer signing with the history's active key, with no web site.
   *
   * @param keyHistory the key history; its active key signs
   * @param keys where the active key's signer lives
   * @return the issuer
   */
  public static OrganizationIssuer of(IssuerKeyHistory keyHistory, KeyProvider keys) {
    return of(keyHistory, keys, null);
  }

  /**
   * @return the issuer's DID, the credentials' {@code issuer}
   */
  public String did() {
    return keyHistory.did();
  }
}
