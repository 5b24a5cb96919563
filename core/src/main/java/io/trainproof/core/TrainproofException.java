package io.trainproof.core;

/**
 * The unchecked root of every exception Trainproof throws on purpose.
 *
 * <p>The hierarchy is small: {@link ValidationException} (bad input, naming the field and the
 * value), {@link NotFoundException}, {@link ConflictException} (a lost update or a duplicate),
 * {@link ForbiddenException} (the actor lacks the grant) and {@link IntegrityException} (a
 * signature, hash chain or retention rule says no). A call that throws any of them has written
 * nothing.
 */
public abstract class TrainproofException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, for a developer to read; never PHI or secrets
   */
  protected TrainproofException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  protected TrainproofException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Every Trainproof exception is created with a message, so this is never null; declared here so
   * that callers in {@code @NullMarked} code need no null check.
   *
   * @return what went wrong
   */
  @Override
  public String getMessage() {
    String message = super.getMessage();
    return message == null ? "" : message;
  }
}
