package io.trainproof.integrations.roster;

/**
 * Something in a row the sync noticed but did not change, because core keeps it fixed (an
 * engagement date, a display name) or cannot express it (removing a manager). The rest of the row
 * is applied. Immutable.
 *
 * @param line the row's line
 * @param externalId the HR id
 * @param field the column
 * @param reason what was not changed and why
 */
public record RosterNotice(int line, String externalId, String field, String reason) {}
