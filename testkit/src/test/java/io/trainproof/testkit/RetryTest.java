package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.ConflictException;
import io.trainproof.core.RetryPolicy;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.event.TrainproofEvent;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.spi.Store;
import io.trainproof.core.spi.StoreCapabilities;
import io.trainproof.core.spi.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Units of work the database gave up (a serialization failure or a deadlock, as the JPA store
 * reports SQLState 40001 and 40P01) run again, whole, by the retry policy; nothing of a failed
 * attempt is kept, and other conflicts reach the caller at once.
 */
class RetryTest {
  static final ZoneId ZONE = ZoneId.of("America/Denver");
  static final LocalDate TODAY = LocalDate.of(2026, 11, 2);
  static final RetryPolicy QUICK = new RetryPolicy(4, Duration.ZERO, Duration.ZERO);

  /** Fails the next {@code failures} transactions at commit, after their work ran. */
  static final class FlakyStore implements Store {
    final InMemoryStore delegate = new InMemoryStore();
    final AtomicInteger failures = new AtomicInteger();
    final AtomicInteger attempts = new AtomicInteger();
    volatile boolean transientFailure = true;

    final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);

    @Override
    public <T> T inTransaction(Function<Transaction, T> work) {
      boolean outermost = depth.get() == 0;
      depth.set(depth.get() + 1);
      try {
        return delegate.inTransaction(
            tx -> {
              T result = work.apply(tx);
              // the commit of the outermost transaction is where the database gives up
              if (outermost) {
                attempts.incrementAndGet();
                if (failures.getAndDecrement() > 0) {
                  throw new ConflictException(
                      "unit of work",
                      "commit",
                      "deadlock (SQLState 40P01); retry",
                      transientFailure);
                }
              }
              return result;
            });
      } finally {
        depth.set(depth.get() - 1);
      }
    }

    @Override
    public StoreCapabilities capabilities() {
      return delegate.capabilities();
    }
  }

  FlakyStore store;
  Trainproof tp;
  Fixtures fx;
  final List<TrainproofEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    store = new FlakyStore();
    tp =
        Trainproof.builder()
            .store(store)
            .clock(SettableClock.at(TODAY.atTime(9, 0).atZone(ZONE).toInstant()))
            .retryPolicy(QUICK)
            .listener(events::add)
            .build();
    fx = Fixtures.organization(tp, ZONE);
    events.clear();
  }

  List<AuditEntry> audit() {
    return tp.audit().entries(fx.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
  }

  @Test
  void aUnitTheDatabaseGaveUpRunsAgainAndItsWritesAreKeptOnce() {
    int before = audit().size();
    store.failures.set(2);
    store.attempts.set(0);
    fx.hire(TODAY, "ICU", "nurse");
    assertThat(store.attempts.get()).isEqualTo(3);
    assertThat(tp.workforce().list(fx.officer())).hasSize(1);
    assertThat(audit().subList(before, audit().size()))
        .filteredOn(e -> e.action().equals("MEMBER_HIRED"))
        .hasSize(1);
    assertThat(events).filteredOn(e -> e.type().equals("MEMBER_HIRED")).hasSize(1);
  }

  @Test
  void whenTheAttemptsAreSpentTheConflictReachesTheCallerAndNothingIsWritten() {
    store.failures.set(QUICK.maxAttempts());
    store.attempts.set(0);
    assertThatThrownBy(() -> fx.hire(TODAY, "ICU", "nurse"))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.transientFailure()).isTrue());
    assertThat(store.attempts.get()).isEqualTo(QUICK.maxAttempts());
    assertThat(tp.workforce().list(fx.officer())).isEmpty();
    assertThat(events).isEmpty();
  }

  @Test
  void aLostUpdateOrATakenKeyIsNotRetried() {
    store.transientFailure = false;
    store.failures.set(1);
    store.attempts.set(0);
    assertThatThrownBy(() -> fx.hire(TODAY, "ICU", "nurse"))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.transientFailure()).isFalse());
    assertThat(store.attempts.get()).isEqualTo(1);
  }

  @Test
  void severalCallsInOneUnitRunAgainTogether() {
    store.failures.set(1);
    store.attempts.set(0);
    tp.atomically(
        () -> {
          fx.hire(TODAY, "ICU", "nurse");
          fx.hire(TODAY, "ER", "nurse");
          return null;
        });
    assertThat(store.attempts.get()).isEqualTo(2);
    assertThat(tp.workforce().list(fx.officer())).hasSize(2);
    assertThat(events).filteredOn(e -> e.type().equals("MEMBER_HIRED")).hasSize(2);
  }

  @Test
  void noRetryMeansTheFirstConflictReachesTheCaller() {
    Trainproof once =
        Trainproof.builder()
            .store(store)
            .clock(SettableClock.at(TODAY.atTime(9, 0).atZone(ZONE).toInstant()))
            .retryPolicy(RetryPolicy.NONE)
            .build();
    Fixtures other = Fixtures.organization(once, ZONE);
    store.failures.set(1);
    store.attempts.set(0);
    assertThatThrownBy(() -> other.hire(TODAY, "ICU", "nurse"))
        .isInstanceOf(ConflictException.class);
    assertThat(store.attempts.get()).isEqualTo(1);
  }

  @Test
  void aPolicyIsBounded() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(
            () -> new RetryPolicy(RetryPolicy.MAX_ATTEMPTS + 1, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(10)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("maxBackoff");
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMillis(-1), Duration.ofMillis(10)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, Duration.ofMinutes(1)))
        .isInstanceOf(ValidationException.class);
  }

  @Property
  void backoffDoublesUpToItsCapWithJitter(@ForAll @IntRange(min = 2, max = 40) int attempt) {
    RetryPolicy p = RetryPolicy.DEFAULT;
    long cap =
        Math.min(
            p.maxBackoff().toNanos(),
            p.firstBackoff().toNanos() * (1L << Math.min(attempt - 2, 20)));
    Duration wait = p.backoffBefore(attempt);
    assertThat(wait.toNanos()).isBetween(cap / 2, cap);
  }
}
