/**
 * The Jakarta Persistence store: {@link io.trainproof.persistence.jpa.JpaStore} implements core's
 * storage SPI on a relational database (PostgreSQL, MariaDB or H2), safe for many application nodes
 * sharing one database. The schema ships as versioned SQL migrations per database under {@code
 * db/trainproof/{postgresql,mariadb,h2}/} on the classpath (see {@link
 * io.trainproof.persistence.jpa.SqlDialect#migrationLocation()}), for the host's own Flyway or
 * Liquibase. Tested with Hibernate ORM 7.
 */
@NullMarked
package io.trainproof.persistence.jpa;

import org.jspecify.annotations.NullMarked;
