package io.trainproof.integrations;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Id;

/**
 * An open assignment an import waived (a cmi5 {@code waived} statement). Immutable.
 *
 * @param line where the statement starts in the input
 * @param sourceRef the statement id
 * @param assignment the waived assignment
 */
public record WaivedAssignment(int line, String sourceRef, Id<Assignment> assignment) {}
