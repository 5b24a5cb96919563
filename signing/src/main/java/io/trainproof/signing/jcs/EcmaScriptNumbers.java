package io.trainproof.signing.jcs;

import io.trainproof.signing.UnusableInputException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * Formats an IEEE-754 double exactly as ECMAScript's {@code Number.prototype.toString()} (ECMA-262
 * Number::toString), which RFC 8785 section 3.2.2.3 requires.
 *
 * <p>Java's {@code Double.toString} is not that: it uses another layout ({@code 1.0E21}) and,
 * before JDK 19, sometimes more digits than the shortest that round-trips. Here the digits are the
 * shortest decimal that reads back as the same double; among equally short ones the closest to the
 * exact binary value, and on a tie the even one. Thread-safe.
 */
public final class EcmaScriptNumbers {
  private static final double SAFE_INTEGER_BOUND = 0x1p53;

  private EcmaScriptNumbers() {}

  /**
   * Formats a finite double.
   *
   * @param value the value
   * @return its ECMAScript text; {@code -0} gives {@code "0"}
   * @throws UnusableInputException for NaN and the infinities, which JSON cannot hold
   */
  public static String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new UnusableInputException("json", "NaN and Infinity are not JSON numbers");
    }
    if (value == 0) {
      return "0";
    }
    if (value == Math.rint(value) && Math.abs(value) < SAFE_INTEGER_BOUND) {
      // why: below 2^53 an integral double is an integer whose own digits are the shortest
      // that round-trip (any shorter decimal is at least 1 away), and ECMAScript prints
      // integers below 10^21 without an exponent
      return Long.toString((long) value);
    }
    StringBuilder out = new StringBuilder(26);
    if (value < 0) {
      out.append('-');
    }
    BigDecimal shortest = shortest(Math.abs(value));
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    // value = 0.d1d2...dk x 10^n
    int n = k - shortest.scale();
    if (k <= n && n <= 21) {
      out.append(digits);
      for (int i = k; i < n; i++) {
        out.append('0');
      }
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.");
      for (int i = n; i < 0; i++) {
        out.append('0');
      }
      out.append(digits);
    } else {
      int e = n - 1;
      out.append(digits.charAt(0));
      if (k > 1) {
        out.append('.').append(digits, 1, k);
      }
      out.append('e').append(e >= 0 ? '+' : '-').append(Math.abs(e));
    }
    return out.toString();
  }

  private static BigDecimal shortest(double positive) {
    BigDecimal exact = new BigDecimal(positive);
    // why: Java's own digits always round-trip, so the shortest length is at most theirs;
    // the set of lengths that round-trip is upward closed, so walk down until one fails.
    int upper = javaDigitCount(positive);
    BigDecimal best = closestRoundTrip(exact, positive, upper);
    if (best == null) {
      // why: defensive; 17 significant digits always round-trip a double
      upper = 17;
      best = closestRoundTrip(exact, positive, upper);
      if (best == null) {
        throw new IllegalStateException("no 17-digit decimal round-trips " + positive);
      }
    }
    for (int p = upper - 1; p >= 1; p--) {
      BigDecimal candidate = closestRoundTrip(exact, positive, p);
      if (candidate == null) {
        break;
      }
      best = candidate;
    }
    return best.stripTrailingZeros();
  }

  private static @Nullable BigDecimal closestRoundTrip(
      BigDecimal exact, double value, int precision) {
    BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
    BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
    boolean downOk = down.doubleValue() == value;
    boolean upOk = up.doubleValue() == value;
    if (downOk && upOk) {
      int cmp = exact.subtract(down).compareTo(up.subtract(exact));
      if (cmp < 0) {
        return down;
      }
      if (cmp > 0) {
        return up;
      }
      return down.unscaledValue().testBit(0) ? up : down;
    }
    if (downOk) {
      return down;
    }
    return upOk ? up : null;
  }

  private static int javaDigitCount(double positive) {
    String text = Double.toString(positive);
    int end = text.indexOf('E');
    if (end < 0) {
      end = text.length();
    }
    int count = 0;
    boolean leading = true;
    int lastNonZero = 0;
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c == '.') {
        continue;
      }
      if (leading && c == '0') {
        continue;
      }
      leading = false;
      count++;
      if (c != '0') {
        lastNonZero = count;
      }
    }
    return Math.max(1, Math.min(17, lastNonZero));
  }
}
