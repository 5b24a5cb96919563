package io.trainproof.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.spi.Store;
import io.trainproof.core.spi.StoreCapabilities;
import io.trainproof.core.spi.Transaction;
import io.trainproof.reporting.report.MemberTranscript;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A member's transcript is read in one transaction of the store (issue 22, row 11: its tail latency
 * came from a dozen transactions per transcript, one per service call).
 */
class TranscriptTransactionTest {
  /** Counts the transactions a caller opens (a call nested in an open one joins it). */
  static final class CountingStore implements Store {
    final InMemoryStore delegate = new InMemoryStore();
    final AtomicInteger outermost = new AtomicInteger();
    final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);

    @Override
    public <T> T inTransaction(Function<Transaction, T> work) {
      if (depth.get() == 0) {
        outermost.incrementAndGet();
      }
      depth.set(depth.get() + 1);
      try {
        return delegate.inTransaction(work);
      } finally {
        depth.set(depth.get() - 1);
      }
    }

    @Override
    public StoreCapabilities capabilities() {
      return delegate.capabilities();
    }
  }

  @Test
  void aTranscriptIsReadInOneTransaction() {
    CountingStore store = new CountingStore();
    Clinic clinic = new Clinic(null, store);
    Reporting reporting = Reporting.builder(clinic.tp).build();

    int before = store.outermost.get();
    MemberTranscript t =
        reporting.reports().memberTranscript(clinic.officer, clinic.a.id(), Clinic.TODAY);

    assertThat(store.outermost.get() - before).isEqualTo(1);
    // and it is the whole transcript: records of every kind were read in it
    assertThat(t.assignments()).isNotEmpty();
    assertThat(t.completions()).hasSize(2);
    assertThat(t.attestations()).hasSize(1);
  }
}
