/**
 * Not API: the JPA entity classes (kept apart from core's domain records), the mapping
 * between the two, the repositories of one transaction, the SQL that differs per database,
 * and the translation of database errors into core's typed exceptions. Public only because
 * a host's persistence unit must be able to name the entity classes.
 */
@NullMarked
package io.trainproof.persistence.jpa.internal;

import org.jspecify.annotations.NullMarked;
