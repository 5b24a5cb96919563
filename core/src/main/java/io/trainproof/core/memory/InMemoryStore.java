package io.trainproof.core.memory;

import io.trainproof.core.spi.Store;
import io.trainproof.core.spi.StoreCapabilities;
import io.trainproof.core.spi.Transaction;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A thread-safe store that keeps everything in memory: for tests, demos and hosts that keep their
 * own durable copy. Transactions are serializable (one at a time, under a lock) and atomic: every
 * write records how to undo itself, and a transaction that throws is rolled back before the
 * exception propagates.
 */
public final class InMemoryStore implements Store {
  private final ReentrantLock lock = new ReentrantLock();
  private final MemoryTables tables = new MemoryTables();
  private final MemoryTransaction tx = new MemoryTransaction(tables);

  /** Creates an empty store. */
  public InMemoryStore() {}

  @Override
  public <T> T inTransaction(Function<Transaction, T> work) {
    lock.lock();
    try {
      if (lock.getHoldCount() > 1) {
        // why: a nested call joins the outer transaction, as a JTA REQUIRED boundary would.
        return work.apply(tx);
      }
      tables.begin();
      try {
        T result = work.apply(tx);
        tables.commit();
        return result;
      } catch (RuntimeException | Error e) {
        tables.rollback();
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public StoreCapabilities capabilities() {
    return new StoreCapabilities(false, false);
  }
}
