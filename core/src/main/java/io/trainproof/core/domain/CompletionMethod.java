package io.trainproof.core.domain;

/** How a completion was obtained: the "how" of the evidence record. */
public enum CompletionMethod {
  /** Completed in the host's own UI. */
  IN_APP,
  /** Imported from an xAPI statement. */
  XAPI,
  /** Imported from a cmi5 session. */
  CMI5,
  /** Imported from a SCORM LMS export. */
  SCORM,
  /** Instructor-led classroom session, recorded by the instructor or an officer. */
  CLASSROOM,
  /** Entered by hand by an officer, with a justification. */
  MANUAL_ENTRY,
  /** Imported from a previous system's history. */
  HISTORICAL_IMPORT
}
