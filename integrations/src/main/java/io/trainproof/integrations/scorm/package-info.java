/**
 * SCORM 1.2 and SCORM 2004 results from an LMS export: {@link
 * io.trainproof.integrations.scorm.ScormImporter} reads one CSV row per attempt and turns {@code
 * cmi.core.lesson_status} (1.2) or {@code cmi.completion_status} with {@code cmi.success_status}
 * (2004) into completions and failing attempts.
 */
@NullMarked
package io.trainproof.integrations.scorm;

import org.jspecify.annotations.NullMarked;
