package io.trainproof.core;

/** A record that a call refers to does not exist in the caller's organization. */
public final class NotFoundException extends TrainproofException {
  private static final long serialVersionUID = 1L;

  private final String entity;
  private final String key;

  /**
   * Creates a not-found failure.
   *
   * @param entity the kind of record, e.g. {@code "WorkforceMember"}
   * @param key the identifier that was looked up
   */
  public NotFoundException(String entity, Object key) {
    super(entity + " not found: " + key);
    this.entity = entity;
    this.key = String.valueOf(key);
  }

  /**
   * @return the kind of record that was not found
   */
  public String entity() {
    return entity;
  }

  /**
   * @return the identifier that was looked up
   */
  public String key() {
    return key;
  }
}
