package io.trainproof.spring.boot.autoconfigure.internal;

import io.trainproof.core.spi.Store;
import io.trainproof.core.spi.StoreCapabilities;
import io.trainproof.core.spi.Transaction;
import io.trainproof.persistence.jpa.JpaStore;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JPA store, opened on first use rather than when the application starts: opening detects the
 * database, runs Trainproof's migrations and builds the store, and a database that is down at
 * start-up must not stop the host from starting (its health is DOWN until the database answers). A
 * failed open is tried again by the next call. Thread-safe.
 */
public final class DeferredJpaStore implements Store, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeferredJpaStore.class);

  private final Supplier<JpaStore> opener;
  private volatile @Nullable JpaStore store;

  /**
   * @param opener detects the database, migrates it and builds the store; called until it succeeds
   */
  public DeferredJpaStore(Supplier<JpaStore> opener) {
    this.opener = Objects.requireNonNull(opener, "opener");
  }

  /**
   * Opens the store now if it is not open, logging (not throwing) when the database is not
   * reachable.
   *
   * @return whether the store is open
   */
  public boolean tryOpen() {
    try {
      open();
      return true;
    } catch (RuntimeException e) {
      LOG.warn(
          "Trainproof's store is not available yet ({}); it opens on first use and the renewal"
              + " sweep retries at its next run",
          e.toString());
      return false;
    }
  }

  /**
   * @return the open store
   * @throws RuntimeException what opening threw: the database is unreachable or not supported, or a
   *     migration failed
   */
  public JpaStore open() {
    JpaStore open = store;
    if (open != null) {
      return open;
    }
    synchronized (this) {
      open = store;
      if (open == null) {
        open = opener.get();
        store = open;
      }
      return open;
    }
  }

  /**
   * @return whether the store has been opened
   */
  public boolean isOpen() {
    return store != null;
  }

  @Override
  public <T> T inTransaction(Function<Transaction, T> work) {
    return open().inTransaction(work);
  }

  @Override
  public StoreCapabilities capabilities() {
    // why: JpaStore's capabilities, known before the database is reachable
    return new StoreCapabilities(true, true);
  }

  @Override
  public void close() {
    JpaStore open = store;
    if (open != null) {
      open.close();
    }
  }
}
