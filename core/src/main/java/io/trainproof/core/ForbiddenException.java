package io.trainproof.core;

/** The calling actor holds no grant that allows the operation on that subject. */
public final class ForbiddenException extends TrainproofException {
  private static final long serialVersionUID = 1L;

  private final String actorId;
  private final String operation;

  /**
   * Creates a refusal.
   *
   * @param actorId the actor that called
   * @param operation the operation that was refused
   * @param detail why, without PHI
   */
  public ForbiddenException(String actorId, String operation, String detail) {
    super("actor " + actorId + " may not " + operation + ": " + detail);
    this.actorId = actorId;
    this.operation = operation;
  }

  /**
   * @return the actor that was refused
   */
  public String actorId() {
    return actorId;
  }

  /**
   * @return the operation that was refused
   */
  public String operation() {
    return operation;
  }
}
