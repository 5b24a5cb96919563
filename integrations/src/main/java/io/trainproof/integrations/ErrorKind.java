package io.trainproof.integrations;

/** What kind of problem a {@link RowError} reports, so a host can react without parsing text. */
public enum ErrorKind {
  /** The bytes are not valid in the expected encoding (UTF-8). */
  ENCODING,
  /** The file is not well-formed CSV or JSON at this point. */
  MALFORMED,
  /** A header names a column this format does not have. */
  UNKNOWN_COLUMN,
  /** A required column is missing from the header, or a header names a column twice. */
  MISSING_COLUMN,
  /** The same key (an external id, a statement id) appears more than once in one input. */
  DUPLICATE,
  /** A value is missing, blank, unparseable or out of range. */
  INVALID_VALUE,
  /** The input's person could not be mapped to a workforce member. */
  UNKNOWN_MEMBER,
  /** The input's activity or course code could not be mapped to a released course (version). */
  UNKNOWN_COURSE,
  /** The change is valid input but Trainproof has no operation for it (a rehire, say). */
  UNSUPPORTED,
  /** Core refused the row: a {@code ValidationException} naming the field. */
  REJECTED,
  /** Core refused the row with a not-found. */
  NOT_FOUND,
  /** Core refused the row with a conflict (a duplicate, a lost update). */
  CONFLICT
}
