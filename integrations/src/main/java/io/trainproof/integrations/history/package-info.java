/**
 * Historical completions from another system, for organizations moving to Trainproof: {@link
 * io.trainproof.integrations.history.HistoryImporter} reads a CSV of member external id, course
 * code, completion date, score and source, and records each row as a {@code HISTORICAL_IMPORT}
 * completion with the file and line as its provenance.
 */
@NullMarked
package io.trainproof.integrations.history;

import org.jspecify.annotations.NullMarked;
