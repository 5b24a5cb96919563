package io.trainproof.persistence.jpa;

/** {@link FailedReadTest} on POSTGRESQL. */
class PostgreSqlFailedReadTest extends FailedReadTest {
  @Override
  SqlDialect dialect() {
    return SqlDialect.POSTGRESQL;
  }
}
