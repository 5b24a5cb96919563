package io.trainproof.testkit;

import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.spi.Store;

/** The in-memory store passes the storage contract. */
class InMemoryStoreContractTest extends StoreContract {
  @Override
  protected Store createStore() {
    return new InMemoryStore();
  }
}
