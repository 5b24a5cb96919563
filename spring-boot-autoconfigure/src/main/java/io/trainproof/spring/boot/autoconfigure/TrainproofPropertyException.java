package io.trainproof.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * A {@code trainproof.*} property is missing or wrong; thrown while the application starts, and
 * reported by Spring Boot's failure analysis with the property's name and value. Immutable.
 */
public final class TrainproofPropertyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String property;
  private final @Nullable String value;
  private final String reason;

  /**
   * @param property the property's full name, e.g. {@code trainproof.scheduler.cron}
   * @param value its value as configured, or null when it is missing
   * @param reason what is wrong, e.g. "is not a cron expression"
   */
  public TrainproofPropertyException(String property, @Nullable Object value, String reason) {
    this(property, value, reason, null);
  }

  /**
   * @param property the property's full name
   * @param value its value as configured, or null when it is missing
   * @param reason what is wrong
   * @param cause what failed
   */
  public TrainproofPropertyException(
      String property, @Nullable Object value, String reason, @Nullable Throwable cause) {
    super(property + "=" + (value == null ? "(not set)" : "'" + value + "'") + " " + reason, cause);
    this.property = property;
    this.value = value == null ? null : String.valueOf(value);
    this.reason = reason;
  }

  /**
   * @return the property's full name
   */
  public String property() {
    return property;
  }

  /**
   * @return its value as configured, or null when it was not set
   */
  public @Nullable String value() {
    return value;
  }

  /**
   * @return what is wrong with it
   */
  public String reason() {
    return reason;
  }
}
