package io.trainproof.persistence.jpa;

/** {@link JpaStoreBehaviourTest} on POSTGRESQL. */
class PostgreSqlBehaviourTest extends JpaStoreBehaviourTest {
  @Override
  SqlDialect dialect() {
    return SqlDialect.POSTGRESQL;
  }
}
