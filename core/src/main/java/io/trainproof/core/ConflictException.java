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

  /**
   * Creates a conflict.
   *
   * @param entity the kind of record that conflicted
   * @param key its identifier or the unique key that was taken
   * @param detail what the conflict was
   */
  public ConflictException(String entity, Object key, String detail) {
    super(entity + " " + key + ": " + detail);
    this.entity = entity;
    this.key = String.valueOf(key);
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
}
