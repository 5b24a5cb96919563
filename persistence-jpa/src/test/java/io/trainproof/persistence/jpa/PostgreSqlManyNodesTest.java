package io.trainproof.persistence.jpa;

/** {@link ManyNodesTest} on POSTGRESQL. */
class PostgreSqlManyNodesTest extends ManyNodesTest {
  @Override
  SqlDialect dialect() {
    return SqlDialect.POSTGRESQL;
  }
}
