package io.trainproof.integrations.xapi;

import org.jspecify.annotations.Nullable;

/**
 * A statement's {@code result.score}. Immutable.
 *
 * @param scaled -1 to 1, or null
 * @param raw the raw score, or null
 * @param min the lowest possible raw score, or null
 * @param max the highest possible raw score, or null
 */
public record XapiScore(
    @Nullable Double scaled, @Nullable Double raw, @Nullable Double min, @Nullable Double max) {

  /**
   * The score on Trainproof's 0 to 100 scale: {@code scaled} x 100 when given, else raw within min
   * and max, else a raw score that is already 0 to 100. A negative scaled score counts as 0.
   *
   * @return the score, or null when there is none or it cannot be put on the scale
   */
  public @Nullable Integer percent() {
    if (scaled != null) {
      return clamp(scaled * 100);
    }
    if (raw != null && min != null && max != null && max > min) {
      return clamp((raw - min) / (max - min) * 100);
    }
    if (raw != null && raw >= 0 && raw <= 100) {
      return clamp(raw);
    }
    return null;
  }

  private static int clamp(double value) {
    return (int) Math.max(0, Math.min(100, Math.round(value)));
  }
}
