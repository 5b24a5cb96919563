package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WalletExchange;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.Store;
import io.trainproof.core.spi.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The storage contract for wallet exchanges ({@link WalletExchange}): every field kept, every
 * look-up within its organization, a secret hash once per organization, stale and concurrent
 * updates refused so that an exchange is redeemed once. {@link WalletNonceContract} covers the
 * nonces of their key proofs. {@link StoreContract} implements this interface, so every store's
 * contract test runs these cases with the rest. Each case works in organizations of its own.
 */
public interface WalletExchangeContract {
  /** When the exchanges of these cases are offered: microsecond precision, kept by every store. */
  Instant OFFERED_AT = Instant.parse("2026-03-04T05:06:07.654321Z");

  /**
   * @return the store under test, fresh (or shared) per test
   */
  Store store();

  @Test
  default void walletExchangesKeepEveryFieldNullOrSetThroughUpdates() {
    Organization org = newOrganization();
    WorkforceMember member = newMember(org);
    Certificate offered = newCertificate(org, member, 1);
    Certificate bound = newCertificate(org, member, 2);
    WalletExchange exchange = offer(org, offered, "round trip", OFFERED_AT);
    inTx(t -> t.walletExchanges().insert(exchange));
    assertThat(exchange.version()).isZero();
    assertThat(read((Transaction t) -> t.walletExchanges().find(org.id(), exchange.id())))
        .as("as offered: every nullable field null")
        .contains(exchange);

    String token = Fixtures.sha256("access token " + exchange.id());
    Instant tokenExpiresAt = OFFERED_AT.plus(Duration.ofMinutes(5)).plusNanos(1_000);
    WalletExchange withToken =
        read(
            (Transaction t) ->
                t.walletExchanges().update(exchange.withAccessToken(token, tokenExpiresAt)));
    assertThat(withToken.version()).isEqualTo(1);
    assertThat(withToken.state()).isEqualTo(WalletExchange.State.TOKEN_ISSUED);
    assertThat(withToken.accessTokenSha256()).isEqualTo(token);
    assertThat(withToken.accessTokenExpiresAt()).isEqualTo(tokenExpiresAt);
    assertThat(read((Transaction t) -> t.walletExchanges().findByAccessToken(org.id(), token)))
        .as("a token set by an update is found by it")
        .contains(withToken);

    WalletExchange refused =
        read((Transaction t) -> t.walletExchanges().update(withToken.withFailure()));
    assertThat(refused.failures()).isEqualTo(1);
    assertThat(refused.version()).isEqualTo(2);
    // the longest holder kept, in characters that take more than one byte in UTF-8
    String holder = "did:key:z6Mk" + "é".repeat(WalletExchange.MAX_HOLDER - 12);
    Instant completedAt = OFFERED_AT.plusSeconds(61).plusNanos(999_000);
    WalletExchange completed =
        read(
            (Transaction t) ->
                t.walletExchanges()
                    .update(refused.completed(holder, "openid4vci", bound.id(), completedAt)));
    assertThat(completed)
        .isEqualTo(
            new WalletExchange(
                exchange.id(),
                org.id(),
                offered.id(),
                member.id(),
                exchange.secretSha256(),
                exchange.challenge(),
                OFFERED_AT,
                exchange.expiresAt(),
                "officer-1",
                WalletExchange.State.COMPLETED,
                1,
                token,
                tokenExpiresAt,
                holder,
                "openid4vci",
                bound.id(),
                completedAt,
                3));
    assertThat(read((Transaction t) -> t.walletExchanges().find(org.id(), exchange.id())))
        .contains(completed);
    assertThat(
            read(
                (Transaction t) ->
                    t.walletExchanges().findBySecret(org.id(), exchange.secretSha256())))
        .contains(completed);
    assertThat(read((Transaction t) -> t.walletExchanges().findByAccessToken(org.id(), token)))
        .contains(completed);
    assertThat(read((Transaction t) -> t.walletExchanges().forCertificate(org.id(), offered.id())))
        .containsExactly(completed);
    assertThat(read((Transaction t) -> t.walletExchanges().forCertificate(org.id(), bound.id())))
        .as("listed by the certificate offered, not the one issued")
        .isEmpty();

    // every state round trips, FAILED included
    WalletExchange failing = offer(org, offered, "failing", OFFERED_AT.plusSeconds(1));
    inTx(t -> t.walletExchanges().insert(failing));
    WalletExchange current = failing;
    for (int i = 0; i < WalletExchange.MAX_FAILURES; i++) {
      WalletExchange next = current.withFailure();
      current = read((Transaction t) -> t.walletExchanges().update(next));
    }
    assertThat(current.state()).isEqualTo(WalletExchange.State.FAILED);
    assertThat(current.failures()).isEqualTo(WalletExchange.MAX_FAILURES);
    assertThat(read((Transaction t) -> t.walletExchanges().find(org.id(), failing.id())))
        .contains(current);
  }

  @Test
  default void walletExchangeLookUpsStayWithinTheirOrganization() {
    Organization org = newOrganization();
    Organization other = newOrganization();
    WorkforceMember member = newMember(org);
    Certificate certificate = newCertificate(org, member, 1);
    WalletExchange exchange = offer(org, certificate, "mine", OFFERED_AT);
    inTx(t -> t.walletExchanges().insert(exchange));
    String token = Fixtures.sha256("token " + exchange.id());
    WalletExchange withToken =
        read(
            (Transaction t) ->
                t.walletExchanges()
                    .update(exchange.withAccessToken(token, OFFERED_AT.plusSeconds(300))));

    assertThat(read((Transaction t) -> t.walletExchanges().find(other.id(), exchange.id())))
        .isEmpty();
    assertThat(
            read(
                (Transaction t) ->
                    t.walletExchanges().findBySecret(other.id(), exchange.secretSha256())))
        .isEmpty();
    assertThat(read((Transaction t) -> t.walletExchanges().findByAccessToken(other.id(), token)))
        .isEmpty();
    assertThat(
            read(
                (Transaction t) ->
                    t.walletExchanges().forCertificate(other.id(), certificate.id())))
        .isEmpty();
    assertThat(
            read(
                (Transaction t) ->
                    t.walletExchanges()
                        .findBySecret(org.id(), Fixtures.sha256("an unknown secret"))))
        .isEmpty();

    // an update naming another organization changes nothing
    WalletExchange elsewhere = inOrganization(withToken.withFailure(), other.id());
    assertThatThrownBy(() -> read((Transaction t) -> t.walletExchanges().update(elsewhere)))
        .isInstanceOf(ConflictException.class);
    assertThat(read((Transaction t) -> t.walletExchanges().find(org.id(), exchange.id())))
        .contains(withToken);

    // another organization may hold the same secret and token hashes; each finds its own
    WorkforceMember theirMember = newMember(other);
    Certificate theirCertificate = newCertificate(other, theirMember, 1);
    WalletExchange theirs =
        new WalletExchange(
            Id.random(),
            other.id(),
            theirCertificate.id(),
            theirMember.id(),
            exchange.secretSha256(),
            "their challenge",
            OFFERED_AT,
            OFFERED_AT.plusSeconds(900),
            "officer-2",
            WalletExchange.State.OFFERED,
            0,
            null,
            null,
            null,
            null,
            null,
            null,
            0);
    inTx(t -> t.walletExchanges().insert(theirs));
    WalletExchange theirsWithToken =
        read(
            (Transaction t) ->
                t.walletExchanges()
                    .update(theirs.withAccessToken(token, OFFERED_AT.plusSeconds(60))));
    assertThat(
            read(
                (Transaction t) ->
                    t.walletExchanges().findBySecret(other.id(), exchange.secretSha256())))
        .contains(theirsWithToken);
    assertThat(read((Transaction t) -> t.walletExchanges().findByAccessToken(other.id(), token)))
        .contains(theirsWithToken);
    assertThat(
            read(
                (Transaction t) ->
                    t.walletExchanges().findBySecret(org.id(), exchange.secretSha256())))
        .contains(withToken);
    assertThat(read((Transaction t) -> t.walletExchanges().findByAccessToken(org.id(), token)))
        .contains(withToken);
  }

  @Test
  default void walletExchangesForACertificateComeOldestFirstTiesByIdOrder() {
    Organization org = newOrganization();
    WorkforceMember member = newMember(org);
    Certificate certificate = newCertificate(org, member, 1);
    Certificate another = newCertificate(org, member, 2);
    WalletExchange latest = offer(org, certificate, "latest", OFFERED_AT.plusSeconds(30));
    WalletExchange tieA = offer(org, certificate, "tie a", OFFERED_AT.plusNanos(1_000));
    WalletExchange earliest = offer(org, certificate, "earliest", OFFERED_AT);
    WalletExchange tieB = offer(org, certificate, "tie b", OFFERED_AT.plusNanos(1_000));
    WalletExchange ofAnother = offer(org, another, "another", OFFERED_AT);
    inTx(
        t -> {
          for (WalletExchange x : List.of(latest, tieA, earliest, tieB, ofAnother)) {
            t.walletExchanges().insert(x);
          }
        });
    List<WalletExchange> ties = new ArrayList<>(List.of(tieA, tieB));
    ties.sort(Comparator.comparing(WalletExchange::id));
    assertThat(
            read((Transaction t) -> t.walletExchanges().forCertificate(org.id(), certificate.id())))
        .containsExactly(earliest, ties.get(0), ties.get(1), latest);
    assertThat(read((Transaction t) -> t.walletExchanges().forCertificate(org.id(), another.id())))
        .containsExactly(ofAnother);
  }

  @Test
  default void aWalletExchangeIdOrSecretIsTakenOncePerOrganization() {
    Organization org = newOrganization();
    WorkforceMember member = newMember(org);
    Certificate certificate = newCertificate(org, member, 1);
    WalletExchange first = offer(org, certificate, "first", OFFERED_AT);
    inTx(t -> t.walletExchanges().insert(first));

    WalletExchange other = offer(org, certificate, "other", OFFERED_AT);
    WalletExchange sameIdAgain =
        new WalletExchange(
            first.id(),
            org.id(),
            certificate.id(),
            member.id(),
            other.secretSha256(),
            other.challenge(),
            OFFERED_AT,
            other.expiresAt(),
            "officer-1",
            WalletExchange.State.OFFERED,
            0,
            null,
            null,
            null,
            null,
            null,
            null,
            0);
    assertThatThrownBy(() -> inTx(t -> t.walletExchanges().insert(sameIdAgain)))
        .as("an id taken")
        .isInstanceOf(ConflictException.class);
    assertThat(
            read(
                (Transaction t) ->
                    t.walletExchanges().findBySecret(org.id(), sameIdAgain.secretSha256())))
        .as("the refused insert left nothing")
        .isEmpty();

    WalletExchange sameSecret =
        WalletExchange.offered(
            org.id(),
            certificate.id(),
            member.id(),
            first.secretSha256(),
            "another challenge",
            OFFERED_AT,
            OFFERED_AT.plusSeconds(900),
            "officer-1");
    assertThatThrownBy(() -> inTx(t -> t.walletExchanges().insert(sameSecret)))
        .as("a secret hash taken")
        .isInstanceOf(ConflictException.class);
    assertThat(read((Transaction t) -> t.walletExchanges().find(org.id(), sameSecret.id())))
        .as("the refused insert left nothing")
        .isEmpty();
    assertThat(
            read((Transaction t) -> t.walletExchanges().forCertificate(org.id(), certificate.id())))
        .containsExactly(first);

    // an access token is held by one exchange of an organization
    WalletExchange second = offer(org, certificate, "second", OFFERED_AT.plusSeconds(1));
    inTx(t -> t.walletExchanges().insert(second));
    String token = Fixtures.sha256("token " + first.id());
    WalletExchange firstWithToken =
        read(
            (Transaction t) ->
                t.walletExchanges()
                    .update(first.withAccessToken(token, OFFERED_AT.plusSeconds(60))));
    assertThatThrownBy(
            () ->
                read(
                    (Transaction t) ->
                        t.walletExchanges()
                            .update(second.withAccessToken(token, OFFERED_AT.plusSeconds(60)))))
        .as("a token another exchange holds")
        .isInstanceOf(ConflictException.class);
    assertThat(read((Transaction t) -> t.walletExchanges().findByAccessToken(org.id(), token)))
        .contains(firstWithToken);
    assertThat(read((Transaction t) -> t.walletExchanges().find(org.id(), second.id())))
        .contains(second);
  }

  @Test
  default void aStaleWalletExchangeUpdateIsRefusedAndChangesNothing() {
    Organization org = newOrganization();
    WorkforceMember member = newMember(org);
    Certificate certificate = newCertificate(org, member, 1);
    WalletExchange exchange = offer(org, certificate, "stale", OFFERED_AT);
    inTx(t -> t.walletExchanges().insert(exchange));
    WalletExchange failedOnce =
        read((Transaction t) -> t.walletExchanges().update(exchange.withFailure()));
    String token = Fixtures.sha256("stale token " + exchange.id());
    assertThatThrownBy(
            () ->
                read(
                    (Transaction t) ->
                        t.walletExchanges()
                            .update(exchange.withAccessToken(token, OFFERED_AT.plusSeconds(60)))))
        .as("an update from the version before")
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.entity()).isEqualTo("WalletExchange");
              assertThat(e.key()).isEqualTo(exchange.id().toString());
            });
    assertThat(read((Transaction t) -> t.walletExchanges().find(org.id(), exchange.id())))
        .contains(failedOnce);
    assertThat(read((Transaction t) -> t.walletExchanges().findByAccessToken(org.id(), token)))
        .isEmpty();
    WalletExchange missing = offer(org, certificate, "never inserted", OFFERED_AT);
    assertThatThrownBy(() -> read((Transaction t) -> t.walletExchanges().update(missing)))
        .as("an update of an exchange never inserted")
        .isInstanceOf(ConflictException.class);
  }

  @Test
  default void ofConcurrentRedemptionsFromOneReadExactlyOneCommits() throws Exception {
    Organization org = newOrganization();
    WorkforceMember member = newMember(org);
    Certificate certificate = newCertificate(org, member, 1);
    List<Certificate> bound = new ArrayList<>();
    int threads = 4;
    for (int i = 0; i < threads; i++) {
      bound.add(newCertificate(org, member, 10 + i));
    }
    WalletExchange exchange = offer(org, certificate, "raced", OFFERED_AT);
    inTx(t -> t.walletExchanges().insert(exchange));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch allRead = new CountDownLatch(threads);
    AtomicInteger conflicts = new AtomicInteger();
    List<Future<Optional<WalletExchange>>> results = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        String holder = "did:key:z6MkHolder" + i;
        Certificate issued = bound.get(i);
        Callable<Optional<WalletExchange>> redeem =
            () -> {
              // each reads in a transaction of its own, then all update the version they read
              WalletExchange seen =
                  read((Transaction t) -> t.walletExchanges().find(org.id(), exchange.id()))
                      .orElseThrow();
              allRead.countDown();
              allRead.await();
              try {
                return Optional.of(
                    read(
                        (Transaction t) ->
                            t.walletExchanges()
                                .update(
                                    seen.completed(
                                        holder, "vcapi", issued.id(), OFFERED_AT.plusSeconds(5)))));
              } catch (ConflictException e) {
                conflicts.incrementAndGet();
                return Optional.empty();
              }
            };
        results.add(pool.submit(redeem));
      }
      List<WalletExchange> committed = new ArrayList<>();
      for (Future<Optional<WalletExchange>> f : results) {
        f.get(60, TimeUnit.SECONDS).ifPresent(committed::add);
      }
      assertThat(committed).hasSize(1);
      assertThat(conflicts).hasValue(threads - 1);
      WalletExchange winner = committed.get(0);
      assertThat(winner.version()).isEqualTo(1);
      assertThat(read((Transaction t) -> t.walletExchanges().find(org.id(), exchange.id())))
          .contains(winner);
    } finally {
      pool.shutdownNow();
    }
  }

  private WalletExchange offer(
      Organization org, Certificate certificate, String secret, Instant at) {
    return WalletExchange.offered(
        org.id(),
        certificate.id(),
        certificate.member(),
        Fixtures.sha256(secret + " " + org.id()),
        "challenge-" + Id.random(),
        at,
        at.plus(Duration.ofMinutes(15)),
        "officer-1");
  }

  private static WalletExchange inOrganization(WalletExchange x, Id<Organization> organization) {
    return new WalletExchange(
        x.id(),
        organization,
        x.certificate(),
        x.member(),
        x.secretSha256(),
        x.challenge(),
        x.createdAt(),
        x.expiresAt(),
        x.createdBy(),
        x.state(),
        x.failures(),
        x.accessTokenSha256(),
        x.accessTokenExpiresAt(),
        x.holder(),
        x.protocol(),
        x.issuedCertificate(),
        x.completedAt(),
        x.version());
  }

  private Organization newOrganization() {
    return ContractRecords.organization(
        store(), ZoneId.of("America/Chicago"), Period.ofYears(6), OFFERED_AT);
  }

  private WorkforceMember newMember(Organization org) {
    return ContractRecords.member(store(), org);
  }

  /** A certificate in the store, so a store's foreign keys to it hold. */
  private Certificate newCertificate(Organization org, WorkforceMember m, int index) {
    Certificate c =
        ContractRecords.certificate(
            org, m, "WALLET-" + index, index, OFFERED_AT, LocalDate.of(2026, 3, 4));
    inTx(t -> t.certificates().insert(c));
    return c;
  }

  private <T> T read(Function<Transaction, T> work) {
    return ContractRecords.read(store(), work);
  }

  private void inTx(Consumer<Transaction> work) {
    ContractRecords.inTx(store(), work);
  }
}
