package io.trainproof.spring.boot.autoconfigure.internal;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.trainproof.signing.verify.Check;
import io.trainproof.signing.verify.FailureReason;
import io.trainproof.signing.verify.VerificationObserver;
import io.trainproof.signing.verify.VerificationResult;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Each credential verification as a Micrometer Observation named {@value #NAME}, with two
 * low-cardinality keys (so a timer and a count per outcome): {@code outcome}, {@code verified} or
 * {@code failed}, and {@code reason}, the first failed check's reason in lowercase words joined by
 * hyphens ({@code revoked}, {@code tampered-content}, ...) or {@code none}. Nothing about the
 * credential or its holder is recorded. Thread-safe.
 */
public final class ObservedVerifications implements VerificationObserver {
  /** The observation's name. */
  public static final String NAME = "trainproof.verify";

  private final ObservationRegistry registry;

  /**
   * @param registry the host's registry
   */
  public ObservedVerifications(ObservationRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public VerificationResult observe(Supplier<VerificationResult> verification) {
    Observation observation =
        Observation.createNotStarted(NAME, registry)
            .contextualName("trainproof verify credential")
            .start();
    try {
      // why: scoped, so a span the host traces with is current while the checks run
      VerificationResult result = observation.scoped(verification);
      observation
          .lowCardinalityKeyValue("outcome", result.verified() ? "verified" : "failed")
          .lowCardinalityKeyValue("reason", reason(result));
      return result;
    } catch (RuntimeException | Error e) {
      observation
          .lowCardinalityKeyValue("outcome", "error")
          .lowCardinalityKeyValue("reason", "none");
      observation.error(e);
      throw e;
    } finally {
      observation.stop();
    }
  }

  private static String reason(VerificationResult result) {
    for (Check check : result.checks()) {
      FailureReason reason = check.reason();
      if (reason != null) {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
      }
    }
    return "none";
  }
}
