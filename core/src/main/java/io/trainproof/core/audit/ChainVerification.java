package io.trainproof.core.audit;

import java.util.List;

/**
 * What verifying an audit chain found. Never a bare boolean: every problem says which entry and
 * what kind. Immutable.
 *
 * @param entriesChecked how many entries were read
 * @param lastSequence the last sequence number reached
 * @param headHash the hash of the last entry reached (compare with a trusted checkpoint)
 * @param problems what was wrong, in chain order; empty when the chain is intact
 */
public record ChainVerification(
    long entriesChecked, long lastSequence, String headHash, List<Problem> problems) {

  /** Makes the list immutable. */
  public ChainVerification {
    problems = List.copyOf(problems);
  }

  /**
   * @return true when no problem was found
   */
  public boolean intact() {
    return problems.isEmpty();
  }

  /** The kinds of tampering the chain reveals. */
  public enum Kind {
    /** An entry's content no longer matches its hash. */
    MODIFIED,
    /** One or more sequence numbers are missing. */
    DELETED,
    /** An extra entry claims a sequence number already taken. */
    INSERTED,
    /** Entries are out of sequence order. */
    REORDERED,
    /** An entry does not link to the hash of the entry before it. */
    BROKEN_LINK
  }

  /**
   * One problem.
   *
   * @param sequence the sequence number where it was found
   * @param kind what kind
   * @param detail a sentence for a person
   */
  public record Problem(long sequence, Kind kind, String detail) {}
}
