package io.trainproof.persistence.jpa;

/** {@link FailedReadTest} on MARIADB. */
class MariaDbFailedReadTest extends FailedReadTest {
  @Override
  SqlDialect dialect() {
    return SqlDialect.MARIADB;
  }
}
