package io.trainproof.core.internal;

import io.trainproof.core.ValidationException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Argument checks that fail fast with a {@link ValidationException} naming the field and the value.
 * Not API. Stateless and thread-safe.
 */
public final class Check {
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final int MAX_TEXT = 10_000;

  private Check() {}

  /** Requires a non-null value. */
  public static <T> T notNull(String field, @Nullable T value) {
    if (value == null) {
      throw new ValidationException(field, null, "is required");
    }
    return value;
  }

  /** Requires a non-blank string of reasonable length; returns it stripped. */
  public static String notBlank(String field, @Nullable String value) {
    if (value == null) {
      throw new ValidationException(field, null, "is required");
    }
    if (value.isBlank()) {
      throw new ValidationException(field, value, "must not be blank");
    }
    if (value.length() > MAX_TEXT) {
      throw new ValidationException(
          field, value.substring(0, 32) + "…", "is longer than " + MAX_TEXT + " characters");
    }
    return value.strip();
  }

  /** Requires {@code min <= value <= max}. */
  public static int inRange(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ValidationException(field, value, "must be between " + min + " and " + max);
    }
    return value;
  }

  /** Requires a lowercase hex SHA-256 digest. */
  public static String sha256Hex(String field, @Nullable String value) {
    String hex = notNull(field, value);
    if (!SHA256_HEX.matcher(hex).matches()) {
      throw new ValidationException(field, hex, "must be 64 lowercase hex digits (SHA-256)");
    }
    return hex;
  }

  /** Requires that no element is null or blank; returns an immutable copy. */
  public static Set<String> codes(String field, @Nullable Collection<String> values) {
    for (String v : notNull(field, values)) {
      if (v == null || v.isBlank()) {
        throw new ValidationException(field, values, "must not contain a null or blank entry");
      }
    }
    return Set.copyOf(values);
  }

  /** Requires that {@code date} is not before {@code floor}. */
  public static LocalDate notBefore(String field, LocalDate date, LocalDate floor, String what) {
    if (date.isBefore(floor)) {
      throw new ValidationException(field, date, "is before " + what + " (" + floor + ")");
    }
    return date;
  }
}
