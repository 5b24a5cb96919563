/**
 * The model the store persists, as immutable records: organizations, workforce members, policies
 * and their versions, courses and their versions, requirements, assignments, completions,
 * certificates and the other credentials the SDK signed, attestations, outside certifications,
 * audit entries, notifications, security reminders, legal holds, tombstones and grants, with the
 * values they are made of. Every repository of the storage SPI speaks these types; a feature
 * package holds its service and the values only that service uses (ARCHITECTURE.md, "Packages").
 * Everything that changes is effective-dated so any question can be answered as of a past date.
 */
@NullMarked
package io.trainproof.core.domain;

import org.jspecify.annotations.NullMarked;
