package io.trainproof.core;

import org.jspecify.annotations.Nullable;

/**
 * Bad input: a value that is null, blank, out of range, inconsistent with other values, or that
 * refers to something in a state that does not allow the operation. Names the field and the
 * offending value. Nothing was written.
 */
public final class ValidationException extends TrainproofException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final @Nullable String value;
  private final String reason;

  /**
   * Creates a validation failure.
   *
   * @param field the name of the parameter or record component that was wrong
   * @param value the offending value as text, or {@code null} when it was null
   * @param reason what is wrong with it
   */
  public ValidationException(String field, @Nullable Object value, String reason) {
    super(field + "=" + (value == null ? "null" : "'" + value + "'") + ": " + reason);
    this.field = field;
    this.value = value == null ? null : String.valueOf(value);
    this.reason = reason;
  }

  /**
   * @return the name of the field that was wrong
   */
  public String field() {
    return field;
  }

  /**
   * @return the offending value as text, or {@code null} when it was null
   */
  public @Nullable String value() {
    return value;
  }

  /**
   * @return why the value was refused, without the field or the value
   */
  public String reason() {
    return reason;
  }
}
