/**
 * Trainproof's integrations: data the host already has, taken in without retyping and with
 * provenance for the auditor.
 *
 * <p>Feature packages: {@link io.trainproof.integrations.roster} (roster sync from the HR system),
 * {@link io.trainproof.integrations.xapi} (xAPI statements), {@link
 * io.trainproof.integrations.cmi5} (cmi5 moveOn, satisfied and waived), {@link
 * io.trainproof.integrations.scorm} (SCORM 1.2 and 2004 LMS exports), {@link
 * io.trainproof.integrations.history} (historical completions from another system) and {@link
 * io.trainproof.integrations.external} (third-party certifications, with the verification outcome
 * when they are credentials). This package holds what they share: the {@link
 * io.trainproof.integrations.ImportMode}, typed per-row {@link
 * io.trainproof.integrations.RowError}s and the completion import result. {@code
 * io.trainproof.integrations.internal} is not API.
 */
@NullMarked
package io.trainproof.integrations;

import org.jspecify.annotations.NullMarked;
