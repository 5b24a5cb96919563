package io.trainproof.examples.web;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.Signer;
import io.trainproof.signing.proof.DataIntegrity;
import io.trainproof.signing.proof.ProofOptions;
import io.trainproof.web.vcapi.CredentialSigning;
import java.time.Clock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Sites for tests that exercise the host's HTTP handling rather than the SDK's signing: they sign
 * directly with a signer, recording nothing. The main code has no such path: every signature the
 * host makes goes through {@link CredentialSigning#audited}.
 */
final class TestSites {
  private TestSites() {}

  /**
   * Signs directly with a signer, unaudited.
   *
   * @param signer the signer
   * @param clock the proof's clock
   * @return the seam
   */
  static CredentialSigning direct(Signer signer, Clock clock) {
    DataIntegrity dataIntegrity = new DataIntegrity();
    return (caller, unsigned, suite) ->
        dataIntegrity.addProof(unsigned, ProofOptions.of(suite, clock.instant()), signer);
  }

  /**
   * A site that signs directly and lets no one issue or read the dashboard ({@link Access#none()}).
   */
  static WebHost.Site site(
      Trainproof trainproof,
      Actor reader,
      IssuerKeyHistory history,
      Signer signer,
      Clock clock,
      @Nullable Supplier<String> dashboard) {
    return new WebHost.Site(
        trainproof,
        reader,
        history,
        direct(signer, clock),
        clock,
        dashboard == null ? null : viewer -> dashboard.get(),
        Access.none(),
        false);
  }
}
