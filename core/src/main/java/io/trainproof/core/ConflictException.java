package io.trainproof.core;

/**
 * A concurrent change won: the record was updated by someone else since it was read (a lost
 * update), or a unique key is already taken. Carries what conflicted; retrying the whole operation
 * on fresh data is safe.
 */
public final class ConflictException extends TrainproofException {
  private static final long serialVersionUID = 1L;

  private final String entity;
  private final String key;
  private final boolean transientFailure;

  /**
   * Creates a conflict.
   *
   * @param entity the kind of record that conflicted
   * @param key its identifier or the unique key that was taken
   * @param detail what the conflict was
   */
  public ConflictException(String entity, Object key, String detail) {
    this(entity, key, detail, false);
  }

  /**
   * Creates a conflict that may be transient.
   *
   * @param entity the kind of record that conflicted
   * @param key its identifier or the unique key that was taken
   * @param detail what the conflict was
   * @param transientFailure true when the database gave up the transaction to resolve contention (a
   *     serialization failure or a deadlock: SQLState 40001, 40P01): running the whole unit of work
   *     again will likely succeed, and Trainproof does so by its {@link RetryPolicy}
   */
  public ConflictException(String entity, Object key, String detail, boolean transientFailure) {
    super(entity + " " + key + ": " + detail);
    this.entity = entity;
    this.key = String.valueOf(key);
    this.transientFailure = transientFailure;
  }

  /**
   * @return the kind of record that conflicted
   */
  public String entity() {
    return entity;
  }

  /**
   * @return the identifier or unique key that conflicted
   */
  public String key() {
    return key;
  }

  /**
   * @return true when the database gave the transaction up to resolve contention (a serialization
   *     failure or a deadlock), so the unit of work is run again by the {@link RetryPolicy}; false
   *     for a lost update or a taken key, which a retry on fresh data would meet differently
   */
  public boolean transientFailure() {
    return transientFailure;
  }
}
