package io.trainproof.integrations;

import org.jspecify.annotations.Nullable;

/**
 * A row that is valid but is not completion evidence (a {@code launched} statement, an {@code
 * incomplete} SCORM status), so nothing was recorded for it. Immutable.
 *
 * @param line where it starts in the input
 * @param ref the statement id or other reference, when known
 * @param reason why nothing was recorded
 */
public record SkippedRow(int line, @Nullable String ref, String reason) {}
