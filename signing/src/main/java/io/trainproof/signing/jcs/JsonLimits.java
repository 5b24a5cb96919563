package io.trainproof.signing.jcs;

import io.trainproof.core.ValidationException;

/**
 * Limits applied when parsing untrusted JSON, so that a hostile input cannot exhaust memory or the
 * stack.
 *
 * @param maxChars the longest accepted input, in UTF-16 chars
 * @param maxDepth the deepest accepted nesting of arrays and objects
 */
public record JsonLimits(int maxChars, int maxDepth) {
  /** 2 MiB of text and 64 levels: far beyond any credential, far below any harm. */
  public static final JsonLimits DEFAULT = new JsonLimits(2 * 1024 * 1024, 64);

  /**
   * Validates the limits.
   *
   * @param maxChars the longest accepted input
   * @param maxDepth the deepest accepted nesting
   */
  public JsonLimits {
    if (maxChars < 2) {
      throw new ValidationException("maxChars", maxChars, "must be at least 2");
    }
    if (maxDepth < 1 || maxDepth > 10_000) {
      throw new ValidationException("maxDepth", maxDepth, "must be 1..10000");
    }
  }
}
