package io.trainproof.core.internal;

import io.trainproof.core.ConflictException;
import io.trainproof.core.audit.AuditChain;
import io.trainproof.core.domain.IssuedCredential;
import io.trainproof.core.spi.CredentialIssuer;
import java.security.SecureRandom;

/**
 * Draws status list indexes and keeps the credentials signed with them: one index space per
 * organization, shared by its certificates and the other credentials the SDK signs (host-signed
 * credentials, sealed attestations), so no index ever names two credentials. An index is drawn at
 * random, so its value tells an outside verifier nothing about when or in what order credentials
 * were issued. Thread-safe. Not API.
 */
final class StatusIndexes {
  /** Draws before giving up: a list this full has to be replaced, not searched. */
  private static final int ATTEMPTS = 64;

  private static final SecureRandom RANDOM = new SecureRandom();

  private StatusIndexes() {}

  /**
   * A random index that no certificate or issued credential of the work's organization holds. The
   * store refuses an index taken meanwhile by another transaction ({@link ConflictException}).
   *
   * @param w the unit of work
   * @param size the number of entries in the issuer's status lists
   * @return a free index in {@code 0..size-1}
   * @throws ConflictException when no free index is found: the list is nearly full
   */
  static int free(Work w, int size) {
    for (int i = 0; i < ATTEMPTS; i++) {
      int candidate = RANDOM.nextInt(size);
      if (!w.tx().certificates().statusIndexTaken(w.org().id(), candidate)) {
        return candidate;
      }
    }
    throw new ConflictException(
        "Certificate", "statusIndex", "no free status list index found; the list is nearly full");
  }

  /**
   * Keeps a credential the SDK signed that is not a certificate, at the index it was signed with,
   * in the work's transaction, so it can be revoked.
   *
   * @param w the unit of work
   * @param kind what was signed
   * @param signed what the issuer returned
   * @param index the index drawn for it with {@link #free}
   * @return the record kept
   * @throws io.trainproof.core.ValidationException when the credential has no usable id
   * @throws ConflictException when the organization already issued a credential with its id
   */
  static IssuedCredential keep(
      Work w, IssuedCredential.Kind kind, CredentialIssuer.Issued signed, int index) {
    IssuedCredential issued =
        IssuedCredential.issued(
            w.org().id(),
            kind,
            signed.credentialId(),
            AuditChain.sha256(signed.json()),
            index,
            w.now());
    w.tx().certificates().insertCredential(issued);
    return issued;
  }
}
