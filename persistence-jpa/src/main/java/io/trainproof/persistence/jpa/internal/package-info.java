/**
 * Not API: the JPA entity classes (kept apart from core's domain records), the mapping between the
 * two ({@code Mapper} and one mapper per area), the repositories of one transaction ({@link
 * io.trainproof.persistence.jpa.internal.JpaTransaction}, one {@code Jpa*Repository} per SPI
 * repository over a shared {@code JpaSession}), the SQL that differs per database ({@code
 * DialectSql}, one class per database), bulk reads, multi-row inserts and row claims, and the
 * translation of database errors into core's typed exceptions. Public only because a host's
 * persistence unit must be able to name the entity classes; everything else is package-private
 * where it can be.
 */
@NullMarked
package io.trainproof.persistence.jpa.internal;

import org.jspecify.annotations.NullMarked;
