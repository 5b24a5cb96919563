package io.trainproof.persistence.jpa;

/** The JPA store passes the storage contract on H2. */
class H2StoreContractTest extends JpaStoreContract {
  @Override
  SqlDialect dialect() {
    return SqlDialect.H2;
  }
}
