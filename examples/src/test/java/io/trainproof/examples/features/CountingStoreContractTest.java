package io.trainproof.examples.features;

import io.trainproof.core.spi.Store;
import io.trainproof.testkit.StoreContract;

/** The custom store of {@link CustomStoreAgainstContract} passes the storage contract. */
class CountingStoreContractTest extends StoreContract {
  @Override
  protected Store createStore() {
    return new CustomStoreAgainstContract.CountingStore();
  }
}
