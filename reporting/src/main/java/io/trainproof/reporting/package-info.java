/**
 * Reporting for Trainproof: the entry point {@code Reporting}, the output formats and the module's
 * typed errors. Reports are computed from core's services as the calling actor, so each is scoped
 * to what that actor may see and each refusal is core's own {@link
 * io.trainproof.core.ForbiddenException}.
 */
@NullMarked
package io.trainproof.reporting;

import org.jspecify.annotations.NullMarked;
