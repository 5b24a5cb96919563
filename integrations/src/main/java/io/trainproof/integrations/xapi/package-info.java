/**
 * xAPI statements as completion evidence: {@link io.trainproof.integrations.xapi.XapiImporter}
 * reads a statement array, a single statement or an LRS {@code StatementResult}, maps each
 * statement's actor to a member ({@link io.trainproof.integrations.xapi.MemberMapping}) and
 * activity to a course ({@link io.trainproof.integrations.CourseMapping}), and records {@code
 * completed}, {@code passed} and {@code failed} statements with the statement id as provenance, so
 * importing a statement twice records it once.
 */
@NullMarked
package io.trainproof.integrations.xapi;

import org.jspecify.annotations.NullMarked;
