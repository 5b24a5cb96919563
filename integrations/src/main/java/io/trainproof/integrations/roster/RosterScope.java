package io.trainproof.integrations.roster;

/** Whether a roster lists everyone or only some people. */
public enum RosterScope {
  /**
   * The roster is the whole workforce: members not in it (and not terminated) are flagged for
   * review in the result. They are never terminated by the sync.
   */
  FULL,
  /** The roster lists only the people it names (a day's changes); nobody else is looked at. */
  PARTIAL
}
