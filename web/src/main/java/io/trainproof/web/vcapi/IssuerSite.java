package io.trainproof.web.vcapi;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.Signer;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * The issuer a VC API host serves: the instance, the actor it reads certificates and status lists
 * as, the issuer's key history (its DID document and verification keys), the signing seam and the
 * clock. Immutable when its parts are.
 *
 * @param trainproof the instance
 * @param reader the actor the host reads certificates and status lists as (the organization's
 *     system actor)
 * @param history the issuer's key history
 * @param signing signs for {@code POST /credentials/issue}, told who asked
 * @param clock the clock verification runs on
 * @param testSigners throwaway {@code did:key} TEST issuers by DID (a TEST host of the examples
 *     module, for the W3C suites); {@link #NO_TEST_SIGNERS} for a real host
 */
public record IssuerSite(
    Trainproof trainproof,
    Actor reader,
    IssuerKeyHistory history,
    CredentialSigning signing,
    Clock clock,
    Function<String, Optional<Signer>> testSigners) {

  /** No TEST issuers: every credential is signed by the organization's key through the SDK. */
  public static final Function<String, Optional<Signer>> NO_TEST_SIGNERS = did -> Optional.empty();

  /** Checks that the reader acts in an organization. */
  public IssuerSite {
    if (reader.organization() == null) {
      throw new IllegalArgumentException("the reader must act in an organization");
    }
  }
}
