package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.spi.Store;
import io.trainproof.core.spi.Transaction;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The storage contract for the one-time nonces of OpenID4VCI key proofs ({@link
 * io.trainproof.core.spi.WalletExchangeRepository#insertNonce} and {@code consumeNonce}): consumed
 * once, before expiry, within their organization, by exactly one of many concurrent callers, and
 * expired ones removed on the way. {@link StoreContract} implements this interface, so every
 * store's contract test runs these cases with the rest; {@link WalletExchangeContract} covers the
 * exchanges themselves. Each case works in organizations of its own.
 */
public interface WalletNonceContract {
  /** An instant with microsecond precision, which every supported database keeps. */
  Instant NONCE_TIME = Instant.parse("2026-03-04T05:06:07.654321Z");

  /**
   * @return the store under test, fresh (or shared) per test
   */
  Store store();

  @Test
  default void aNonceIsConsumedOnceBeforeItExpiresAndOnlyInItsOrganization() {
    Organization org = newOrganization();
    Organization other = newOrganization();
    String nonce = Fixtures.sha256("nonce " + org.id());
    Instant expiresAt = NONCE_TIME.plusSeconds(300);
    inTx(t -> t.walletExchanges().insertNonce(org.id(), nonce, expiresAt));
    assertThatThrownBy(() -> inTx(t -> t.walletExchanges().insertNonce(org.id(), nonce, expiresAt)))
        .as("a nonce kept twice")
        .isInstanceOf(ConflictException.class);

    assertThat(
            read(
                (Transaction t) -> t.walletExchanges().consumeNonce(other.id(), nonce, NONCE_TIME)))
        .as("another organization's nonce")
        .isFalse();
    assertThatThrownBy(
            () ->
                read(
                    (Transaction t) -> {
                      assertThat(t.walletExchanges().consumeNonce(org.id(), nonce, NONCE_TIME))
                          .isTrue();
                      throw new IllegalStateException("the key proof's check failed afterwards");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(
            read((Transaction t) -> t.walletExchanges().consumeNonce(org.id(), nonce, NONCE_TIME)))
        .as("consumed: a consume that rolled back left it, another organization's did not take it")
        .isTrue();
    assertThat(
            read((Transaction t) -> t.walletExchanges().consumeNonce(org.id(), nonce, NONCE_TIME)))
        .as("consumed twice")
        .isFalse();

    String late = Fixtures.sha256("late " + org.id());
    String inTime = Fixtures.sha256("in time " + org.id());
    inTx(
        t -> {
          t.walletExchanges().insertNonce(org.id(), late, expiresAt);
          t.walletExchanges().insertNonce(org.id(), inTime, expiresAt);
        });
    assertThat(
            read(
                (Transaction t) ->
                    t.walletExchanges()
                        .consumeNonce(org.id(), inTime, expiresAt.minusNanos(1_000))))
        .as("a microsecond before it expires")
        .isTrue();
    assertThat(read((Transaction t) -> t.walletExchanges().consumeNonce(org.id(), late, expiresAt)))
        .as("at the instant it expires")
        .isFalse();
    assertThat(
            read(
                (Transaction t) ->
                    t.walletExchanges().consumeNonce(org.id(), late, expiresAt.minusSeconds(60))))
        .as("an expired nonce is gone once a consume saw it")
        .isFalse();
  }

  @Test
  default void aConsumeRemovesTheOrganizationsExpiredNonces() {
    Organization org = newOrganization();
    String expired = Fixtures.sha256("expired " + org.id());
    String unexpired = Fixtures.sha256("unexpired " + org.id());
    inTx(
        t -> {
          t.walletExchanges().insertNonce(org.id(), expired, NONCE_TIME.plusSeconds(10));
          t.walletExchanges().insertNonce(org.id(), unexpired, NONCE_TIME.plusSeconds(100));
        });
    assertThat(
            read(
                (Transaction t) ->
                    t.walletExchanges()
                        .consumeNonce(
                            org.id(), Fixtures.sha256("never issued"), NONCE_TIME.plusSeconds(10))))
        .isFalse();
    // the expired nonce was removed, so it can be kept again; the unexpired one was not
    inTx(t -> t.walletExchanges().insertNonce(org.id(), expired, NONCE_TIME.plusSeconds(200)));
    assertThatThrownBy(
            () ->
                inTx(
                    t ->
                        t.walletExchanges()
                            .insertNonce(org.id(), unexpired, NONCE_TIME.plusSeconds(200))))
        .isInstanceOf(ConflictException.class);
    assertThat(
            read(
                (Transaction t) ->
                    t.walletExchanges()
                        .consumeNonce(org.id(), unexpired, NONCE_TIME.plusSeconds(50))))
        .isTrue();
    assertThat(
            read(
                (Transaction t) ->
                    t.walletExchanges()
                        .consumeNonce(org.id(), expired, NONCE_TIME.plusSeconds(150))))
        .isTrue();
  }

  @Test
  default void ofManyThreadsConsumingOneNonceExactlyOneSucceeds() throws Exception {
    Organization org = newOrganization();
    String nonce = Fixtures.sha256("contended " + org.id());
    inTx(t -> t.walletExchanges().insertNonce(org.id(), nonce, NONCE_TIME.plusSeconds(60)));
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        Callable<Boolean> consume =
            () -> {
              start.await();
              return read(
                  (Transaction t) ->
                      t.walletExchanges().consumeNonce(org.id(), nonce, NONCE_TIME.plusSeconds(1)));
            };
        results.add(pool.submit(consume));
      }
      start.countDown();
      int consumed = 0;
      for (Future<Boolean> f : results) {
        consumed += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(consumed).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  private Organization newOrganization() {
    return ContractRecords.organization(
        store(), ZoneId.of("America/Chicago"), Period.ofYears(6), NONCE_TIME);
  }

  private <T> T read(Function<Transaction, T> work) {
    return ContractRecords.read(store(), work);
  }

  private void inTx(Consumer<Transaction> work) {
    ContractRecords.inTx(store(), work);
  }
}
