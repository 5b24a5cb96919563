package io.trainproof.persistence.jpa;

/** The JPA store passes the storage contract on PostgreSQL. */
class PostgreSqlStoreContractTest extends JpaStoreContract {
  @Override
  SqlDialect dialect() {
    return SqlDialect.POSTGRESQL;
  }
}
