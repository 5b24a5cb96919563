package io.trainproof.persistence.jpa;

/** {@link JpaStoreBehaviourTest} on MARIADB. */
class MariaDbBehaviourTest extends JpaStoreBehaviourTest {
  @Override
  SqlDialect dialect() {
    return SqlDialect.MARIADB;
  }
}
