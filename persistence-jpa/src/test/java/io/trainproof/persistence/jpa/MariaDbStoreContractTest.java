package io.trainproof.persistence.jpa;

/** The JPA store passes the storage contract on MariaDB. */
class MariaDbStoreContractTest extends JpaStoreContract {
  @Override
  SqlDialect dialect() {
    return SqlDialect.MARIADB;
  }
}
