package io.trainproof.core.spi;

import java.util.function.Function;

/**
 * A place where Trainproof keeps its records. Every service call runs its reads and writes in one
 * {@link #inTransaction unit of work}: either all of it is committed or none of it. Implementations
 * must be thread-safe.
 */
public interface Store {

  /**
   * Runs work in one transaction. If the work throws, nothing it wrote is kept and the exception
   * propagates unchanged.
   *
   * @param work what to do with the repositories
   * @param <T> the result type
   * @return what the work returned
   */
  <T> T inTransaction(Function<Transaction, T> work);

  /**
   * @return what this store can do, so the contract suite tests the right things
   */
  StoreCapabilities capabilities();
}
