package io.trainproof.signing.proof;

import io.trainproof.core.ValidationException;
import java.time.Duration;

/**
 * Bounds on the work of one RDF canonicalization ({@code eddsa-rdfc-2022}, signing or verifying),
 * so that a small hostile document cannot hold a thread for minutes. RDF Dataset Canonicalization
 * (RDFC-1.0) is exponential in the number of blank nodes that look alike: 9 blank nodes each linked
 * to all the others, about 2 KB of JSON-LD, took 64 s unbounded. JSON-LD expansion (Titanium) is
 * quadratic in the values of one property, so the size of the document is bounded before it is
 * expanded.
 *
 * <p>A document that exceeds a bound is refused with an {@link
 * io.trainproof.signing.UnusableInputException} whose message names the bound and its value; a
 * verifier reports it as {@code CANONICALIZATION_LIMIT}.
 *
 * @param maxDuration the longest RDFC-1.0 may run for one document, from its first step (wall
 *     clock; expansion is bounded by {@code maxQuads} instead, since it cannot be interrupted)
 * @param maxQuads the most values (JSON objects and scalars, embedded contexts included) a document
 *     may hold before it is expanded, and the most quads it may produce
 * @param maxBlankNodes the most distinct blank nodes its quads may name
 * @param maxSteps the most RDFC-1.0 steps (titanium-rdfc's ticks: one per blank node hashed, per
 *     related blank node and per permutation tried)
 */
public record CanonicalizationLimits(
    Duration maxDuration, int maxQuads, int maxBlankNodes, long maxSteps) {

  /**
   * The defaults: 2 s of RDFC-1.0, 2,000 values and quads, 500 blank nodes and 100,000 steps. A
   * Trainproof certificate has about 40 quads, 6 blank nodes and needs fewer than 100 steps, the
   * W3C test vectors fewer than 20; 100,000 steps are reached by 6 mutually linked look-alike blank
   * nodes (about 0.3 s), so the 9-node graph above is refused in well under a second. The time
   * bound is the backstop for what the step count does not weigh.
   */
  public static final CanonicalizationLimits DEFAULT =
      new CanonicalizationLimits(Duration.ofSeconds(2), 2_000, 500, 100_000);

  /**
   * Validates the limits.
   *
   * @param maxDuration positive
   * @param maxQuads at least 1
   * @param maxBlankNodes at least 0
   * @param maxSteps at least 1
   */
  public CanonicalizationLimits {
    if (maxDuration.isNegative() || maxDuration.isZero()) {
      throw new ValidationException("maxDuration", maxDuration, "must be positive");
    }
    if (maxQuads < 1) {
      throw new ValidationException("maxQuads", maxQuads, "must be at least 1");
    }
    if (maxBlankNodes < 0) {
      throw new ValidationException("maxBlankNodes", maxBlankNodes, "must not be negative");
    }
    if (maxSteps < 1) {
      throw new ValidationException("maxSteps", maxSteps, "must be at least 1");
    }
  }
}
