package io.trainproof.persistence.jpa;

import io.trainproof.core.spi.Store;
import io.trainproof.testkit.StoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The JPA store passes the storage contract on POSTGRESQL (one migrated database for the class). */
class PostgreSqlStoreContractTest extends StoreContract {
  private static TestDatabase database;
  private static JpaStore shared;

  @BeforeAll
  static void start() {
    database = TestDatabase.create(SqlDialect.POSTGRESQL);
    shared = database.newStore();
  }

  @AfterAll
  static void stop() throws Exception {
    if (shared != null) {
      shared.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Override
  protected Store createStore() {
    return shared;
  }
}
