package io.trainproof.persistence.jpa;

import io.trainproof.core.spi.Store;
import io.trainproof.testkit.StoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.opentest4j.TestAbortedException;

/** The JPA store passes the storage contract on MARIADB (one migrated database for the class). */
class MariaDbStoreContractTest extends StoreContract {
  private static TestDatabase database;
  private static JpaStore shared;
  private static TestAbortedException unavailable;

  @BeforeAll
  static void start() {
    try {
      database = TestDatabase.create(SqlDialect.MARIADB);
      shared = database.newStore();
    } catch (TestAbortedException e) {
      // Skipped test by test (below), so the report counts every skipped test.
      unavailable = e;
    }
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
    if (unavailable != null) {
      throw unavailable;
    }
    return shared;
  }
}
