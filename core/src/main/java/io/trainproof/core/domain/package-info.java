/**
 * The domain vocabulary as immutable records: organizations, workforce members, policies
 * and their versions, courses and their versions, requirements, assignments and
 * completions. Everything that changes is effective-dated so any question can be answered
 * as of a past date.
 */
@NullMarked
package io.trainproof.core.domain;

import org.jspecify.annotations.NullMarked;
