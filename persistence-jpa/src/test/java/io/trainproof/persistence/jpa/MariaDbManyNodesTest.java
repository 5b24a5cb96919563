package io.trainproof.persistence.jpa;

/** {@link ManyNodesTest} on MARIADB. */
class MariaDbManyNodesTest extends ManyNodesTest {
  @Override
  SqlDialect dialect() {
    return SqlDialect.MARIADB;
  }
}
