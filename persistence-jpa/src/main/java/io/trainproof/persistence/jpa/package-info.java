/**
 * The Jakarta Persistence store: {@link io.trainproof.persistence.jpa.JpaStore} implements core's
 * storage SPI on a relational database (PostgreSQL, MariaDB or H2), safe for many application nodes
 * sharing one database. The schema ships as versioned SQL migrations per database under {@code
 * db/trainproof/{postgresql,mariadb,h2}/} on the classpath (see {@link
 * io.trainproof.persistence.jpa.SqlDialect#migrationLocation()}), for the host's own Flyway or
 * Liquibase. Runs on Jakarta Persistence 3.1 and 3.2: tested with Hibernate ORM 6.6 (on 3.1), 7.2
 * and 7.4 (on 3.2), on H2, PostgreSQL and MariaDB.
 */
@NullMarked
package io.trainproof.persistence.jpa;

import org.jspecify.annotations.NullMarked;
