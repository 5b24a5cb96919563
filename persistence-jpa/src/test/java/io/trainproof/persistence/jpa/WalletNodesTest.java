package io.trainproof.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.certificate.WalletExchangeException;
import io.trainproof.core.certificate.WalletOffer;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.CredentialIssuer;
import io.trainproof.testkit.Fixtures;
import io.trainproof.testkit.SettableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Wallet exchanges redeemed at once on two nodes (two stores, one database), many threads each:
 * exactly one redemption issues, the others are refused as used, and the database holds one
 * holder-bound certificate. Proofs are stubs here (the web module's interop test checks real ones);
 * what is tested is the store's part: the exchange's version check across nodes.
 */
@Tag("database")
abstract class WalletNodesTest {
  private static final int THREADS_PER_NODE = 8;
  private static final String DOMAIN = "https://lms.example";

  abstract SqlDialect dialect();

  @Test
  void ofManyRedemptionsOnTwoNodesExactlyOneIssues() throws Exception {
    try (TestDatabase database = TestDatabase.create(dialect())) {
      SettableClock clock = SettableClock.at(Instant.parse("2026-10-05T15:00:00.250001Z"));
      List<Trainproof> nodes = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        nodes.add(
            Trainproof.builder()
                .store(JpaStore.create(database.dataSource(), dialect()))
                .clock(clock)
                .credentialIssuer(new StubIssuer())
                .build());
      }
      Fixtures fx = Fixtures.organization(nodes.get(0), ZoneId.of("America/Chicago"));
      LocalDate today = fx.org().dateOf(clock.instant());
      fx.requirement("Onboarding", Fixtures.terms(fx.course("HIPAA"), today.minusYears(1)).build());
      WorkforceMember m = fx.hire(today.minusDays(2), "ICU", "nurse");
      Assignment open =
          nodes.get(0).assignments().forMember(fx.officer(), m.id()).stream()
              .filter(Assignment::isOpen)
              .findFirst()
              .orElseThrow();
      nodes
          .get(0)
          .completions()
          .record(fx.officer(), CompletionService.Request.inApp(open.id(), today, 90, "o"));
      Certificate certificate = nodes.get(0).certificates().forMember(fx.officer(), m.id()).get(0);

      WalletOffer vcapi =
          nodes.get(0).certificates().deliverToWallet(fx.officer(), certificate.id());
      String challenge =
          nodes.get(1).walletExchanges().open(fx.org().id(), vcapi.secret()).challenge();
      List<String> outcomes =
          race(
              nodes,
              node ->
                  node.walletExchanges()
                      .redeemWithPresentation(
                          fx.org().id(),
                          vcapi.secret(),
                          "did:key:z6MkHolder|" + challenge + "|" + DOMAIN,
                          DOMAIN));
      assertThat(outcomes).containsOnlyOnce("issued");
      assertThat(outcomes).filteredOn(s -> !s.equals("issued")).containsOnly("USED");
      List<Certificate> after = nodes.get(1).certificates().forMember(fx.officer(), m.id());
      assertThat(after).hasSize(2);
      assertThat(after)
          .filteredOn(c -> c.status() == Certificate.Status.VALID)
          .singleElement()
          .satisfies(c -> assertThat(c.credentialJson()).contains("did:key:z6MkHolder"));

      // the pre-authorized code of a new offer buys one access token, whichever node answers
      Certificate bound =
          after.stream()
              .filter(c -> c.status() == Certificate.Status.VALID)
              .findFirst()
              .orElseThrow();
      WalletOffer openid = nodes.get(1).certificates().deliverToWallet(fx.officer(), bound.id());
      List<String> tokens =
          race(
              nodes,
              node ->
                  node.walletExchanges().redeemPreAuthorizedCode(fx.org().id(), openid.secret()));
      assertThat(tokens).containsOnlyOnce("issued");
      assertThat(tokens).filteredOn(s -> !s.equals("issued")).containsOnly("USED");
    }
  }

  interface Step {
    Object run(Trainproof node);
  }

  private static List<String> race(List<Trainproof> nodes, Step step) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(nodes.size() * THREADS_PER_NODE);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> futures = new ArrayList<>();
    try {
      for (Trainproof node : nodes) {
        for (int t = 0; t < THREADS_PER_NODE; t++) {
          Callable<String> call =
              () -> {
                go.await();
                try {
                  step.run(node);
                  return "issued";
                } catch (WalletExchangeException e) {
                  return e.reason().name();
                }
              };
          futures.add(pool.submit(call));
        }
      }
      go.countDown();
      List<String> outcomes = new ArrayList<>();
      for (Future<String> f : futures) {
        outcomes.add(f.get(60, TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Issues stub credentials and accepts stub proofs {@code holder|challenge-or-nonce|domain}. */
  static final class StubIssuer implements CredentialIssuer {
    @Override
    public int statusListSize() {
      return 131_072;
    }

    @Override
    public Issued issueCertificate(CertificateClaims c) {
      return issued(c, null);
    }

    @Override
    public Issued issueHolderCertificate(CertificateClaims c, String holder) {
      return issued(c, holder);
    }

    private static Issued issued(CertificateClaims c, String holder) {
      String id = "urn:uuid:" + c.certificateId();
      return new Issued(
          id,
          "{\"id\":\"" + id + "\",\"holder\":\"" + holder + "\"}",
          "CODE-" + c.statusIndex(),
          "did:example:stub#key-1");
    }

    @Override
    public HolderProofResult verifyHolderProof(HolderProof proof) {
      String[] parts = proof.proof().split("\\|", -1);
      if (parts.length != 3 || !parts[2].equals(proof.domain())) {
        throw new ValidationException("proof", null, "does not verify");
      }
      return new HolderProofResult(parts[0], parts[1]);
    }

    @Override
    public Issued sealAttestation(AttestationClaims claims) {
      throw new UnsupportedOperationException("not used here");
    }

    @Override
    public Issued statusListCredential(
        Id<Organization> organization, String purpose, List<Integer> setIndexes) {
      throw new UnsupportedOperationException("not used here");
    }
  }
}
