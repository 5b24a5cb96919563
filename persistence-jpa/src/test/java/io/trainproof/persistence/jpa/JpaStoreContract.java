package io.trainproof.persistence.jpa;

import io.trainproof.core.spi.Store;
import io.trainproof.testkit.StoreContract;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

/**
 * The storage contract on one database: one migrated database per class, shared by its tests (each
 * contract test works in organizations of its own). Subclasses name the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("database")
abstract class JpaStoreContract extends StoreContract {
  private @Nullable TestDatabase database;
  private @Nullable JpaStore shared;
  private @Nullable TestAbortedException unavailable;

  /**
   * @return the database this class runs the contract on
   */
  abstract SqlDialect dialect();

  @BeforeAll
  void start() {
    try {
      database = TestDatabase.create(dialect());
      shared = database.newStore();
    } catch (TestAbortedException e) {
      // Skipped test by test (below), so the report counts every skipped test.
      unavailable = e;
    }
  }

  @AfterAll
  void stop() throws Exception {
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
    return Objects.requireNonNull(shared);
  }

  /** A second store over the same database, with its own entity manager factory: another node. */
  @Override
  protected Store openAnotherStore() {
    return Objects.requireNonNull(database).newStore();
  }
}
