package io.trainproof.examples.features;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.organization.OrganizationService;
import io.trainproof.core.spi.Store;
import io.trainproof.core.spi.StoreCapabilities;
import io.trainproof.core.spi.Transaction;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Writing a custom store: implement {@link Store} (here, a decorator that counts transactions
 * around the in-memory store; a real one would speak to the host's database), then prove it with
 * the testkit contract — a subclass of {@code io.trainproof.testkit.StoreContract} whose only
 * method creates the store. This example's contract test is {@code
 * examples/src/test/java/io/trainproof/examples/features/CountingStoreContractTest.java}.
 */
public final class CustomStoreAgainstContract {
  private CustomStoreAgainstContract() {}

  /** A store that counts the transactions it runs. Thread-safe. */
  public static final class CountingStore implements Store {
    private final Store delegate = new InMemoryStore();
    private final AtomicLong transactions = new AtomicLong();

    @Override
    public <T> T inTransaction(Function<Transaction, T> work) {
      transactions.incrementAndGet();
      return delegate.inTransaction(work);
    }

    @Override
    public StoreCapabilities capabilities() {
      return delegate.capabilities();
    }

    /**
     * @return how many transactions ran
     */
    public long transactions() {
      return transactions.get();
    }
  }

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    CountingStore store = new CountingStore();
    Trainproof.builder()
        .store(store)
        .build()
        .organizations()
        .create(
            Actor.platform("vendor-admin"),
            OrganizationService.NewOrganization.of("Demo", ZoneId.of("UTC")));
    System.out.println(
        "transactions run: "
            + store.transactions()
            + "; run its contract with: mvn -pl examples -am test -Dtest=CountingStoreContractTest");
  }
}
