/**
 * cmi5 sessions as completion evidence: {@link io.trainproof.integrations.cmi5.Cmi5Importer}
 * evaluates each assignable unit's {@link io.trainproof.integrations.cmi5.MoveOn} criterion over a
 * registration's {@code completed}, {@code passed} and {@code failed} statements, takes the LMS's
 * {@code satisfied} statement as satisfaction, and turns {@code waived} into a waiver of the
 * member's open assignment.
 */
@NullMarked
package io.trainproof.integrations.cmi5;

import org.jspecify.annotations.NullMarked;
