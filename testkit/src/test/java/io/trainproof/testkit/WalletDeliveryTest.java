package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.ForbiddenException;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.certificate.WalletExchangeException;
import io.trainproof.core.certificate.WalletExchangeException.Reason;
import io.trainproof.core.certificate.WalletExchangeService;
import io.trainproof.core.certificate.WalletExchangeService.AccessToken;
import io.trainproof.core.certificate.WalletExchangeService.Delivered;
import io.trainproof.core.certificate.WalletOffer;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.WalletExchange;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delivering a certificate to a wallet, over both protocols, as the member's record and the audit
 * trail show it. Proofs come from {@link StubIssuer} (the signing module's tests and the web
 * module's interop tests check real ones); this test checks the exchange's rules.
 */
class WalletDeliveryTest {
  static final ZoneId ZONE = ZoneId.of("America/Chicago");
  static final LocalDate TODAY = LocalDate.of(2026, 10, 5);
  static final String DOMAIN = "https://lms.example";
  static final String ISSUER = "https://lms.example/wallet/org";
  static final String HOLDER = "did:key:z6MkHolder";

  SettableClock clock;
  Trainproof tp;
  Fixtures fx;
  WorkforceMember m;
  Certificate certificate;
  WalletExchangeService wallet;

  @BeforeEach
  void setUp() {
    clock = SettableClock.at(ZonedDateTime.of(TODAY.atTime(9, 0), ZONE).toInstant());
    tp =
        Trainproof.builder()
            .store(new InMemoryStore())
            .clock(clock)
            .credentialIssuer(new StubIssuer())
            .build();
    wallet = tp.walletExchanges();
    fx = Fixtures.organization(tp, ZONE);
    Course course = fx.course("HIPAA-101");
    fx.requirement("Onboarding", Fixtures.terms(course, TODAY.minusYears(1)).build());
    m = fx.hire(TODAY.minusDays(3), "A", "nurse");
    Assignment open =
        tp.assignments().forMember(fx.officer(), m.id()).stream()
            .filter(Assignment::isOpen)
            .findFirst()
            .orElseThrow();
    tp.completions()
        .record(fx.officer(), CompletionService.Request.inApp(open.id(), TODAY, 92, "o-1"));
    certificate = certificates().get(0);
  }

  List<Certificate> certificates() {
    return tp.certificates().forMember(fx.officer(), m.id());
  }

  List<AuditEntry> audit() {
    return tp.audit().entries(fx.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
  }

  List<String> actions() {
    return audit().stream().map(AuditEntry::action).toList();
  }

  WalletOffer offer() {
    return tp.certificates().deliverToWallet(fx.officer(), certificate.id());
  }

  /** The wallet's presentation, a minute after the offer (so certificates sort by issue time). */
  String presentation(WalletOffer o, String holder) {
    clock.advance(Duration.ofMinutes(1));
    return holder + "|" + wallet.open(fx.org().id(), o.secret()).challenge() + "|" + DOMAIN;
  }

  static void refused(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            WalletExchangeException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void aWalletThatProvesItsDidReceivesANewCertificateBoundToItAndTheOfferedOneIsSuperseded() {
    WalletOffer o = offer();
    assertThat(o.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
    assertThat(o.toString()).doesNotContain(o.secret());

    Delivered d =
        wallet.redeemWithPresentation(fx.org().id(), o.secret(), presentation(o, HOLDER), DOMAIN);

    assertThat(d.holder()).isEqualTo(HOLDER);
    assertThat(d.credentialJson()).contains("\"holder\":\"" + HOLDER + "\"");
    assertThat(d.certificate().credentialId()).isNotEqualTo(certificate.credentialId());
    assertThat(d.certificate().statusIndex()).isNotEqualTo(certificate.statusIndex());
    assertThat(d.certificate().completion()).isEqualTo(certificate.completion());
    assertThat(d.certificate().validUntil()).isEqualTo(certificate.validUntil());
    List<Certificate> now = certificates();
    assertThat(now).hasSize(2);
    assertThat(now.get(0).status()).isEqualTo(Certificate.Status.SUPERSEDED);
    assertThat(now.get(0).statusReason()).isEqualTo(d.certificate().id().toString());
    assertThat(now.get(1).status()).isEqualTo(Certificate.Status.VALID);
    assertThat(actions())
        .containsSubsequence(
            "WALLET_DELIVERY_OFFERED",
            "CERTIFICATE_SUPERSEDED",
            "CERTIFICATE_ISSUED",
            "WALLET_DELIVERY_COMPLETED");
    AuditEntry issued =
        audit().stream()
            .filter(e -> e.action().equals("CERTIFICATE_ISSUED"))
            .reduce((a, b) -> b)
            .orElseThrow();
    assertThat(issued.details())
        .containsEntry("holder", HOLDER)
        .containsEntry("protocol", "vcapi")
        .containsEntry("replaces", certificate.id().toString());
    assertThat(audit())
        .allSatisfy(e -> assertThat(e.details().toString()).doesNotContain(o.secret()));
  }

  @Test
  void aRedeemedExchangeIsRefusedAsUsedAndIssuesNothingMore() {
    WalletOffer o = offer();
    String vp = presentation(o, HOLDER);
    wallet.redeemWithPresentation(fx.org().id(), o.secret(), vp, DOMAIN);
    refused(
        () -> wallet.redeemWithPresentation(fx.org().id(), o.secret(), vp, DOMAIN), Reason.USED);
    refused(() -> wallet.open(fx.org().id(), o.secret()), Reason.USED);
    refused(() -> wallet.redeemPreAuthorizedCode(fx.org().id(), o.secret()), Reason.USED);
    assertThat(certificates()).hasSize(2);
  }

  @Test
  void anExpiredExchangeIsRefusedAndIssuesNothing() {
    WalletOffer o = offer();
    String vp = presentation(o, HOLDER);
    clock.advance(Duration.ofMinutes(15));
    refused(
        () -> wallet.redeemWithPresentation(fx.org().id(), o.secret(), vp, DOMAIN), Reason.EXPIRED);
    refused(() -> wallet.redeemPreAuthorizedCode(fx.org().id(), o.secret()), Reason.EXPIRED);
    // what the holder's wallet shows: the organization's local date in words and time, no instant
    assertThatThrownBy(() -> wallet.open(fx.org().id(), o.secret()))
        .hasMessageContaining(
            "this exchange expired on 5 October 2026 at 09:15 (America/Chicago time)")
        .hasMessageNotContaining("T14:15");
    assertThat(certificates()).containsExactly(certificate);
  }

  @Test
  void anUnknownSecretOrAnotherOrganizationsSecretFindsNothing() {
    WalletOffer o = offer();
    Fixtures other = Fixtures.organization(tp, ZONE);
    refused(() -> wallet.open(fx.org().id(), "not-a-secret"), Reason.UNKNOWN);
    refused(() -> wallet.open(other.org().id(), o.secret()), Reason.UNKNOWN);
    refused(() -> wallet.open(fx.org().id(), "x".repeat(5000)), Reason.UNKNOWN);
  }

  @Test
  void aPresentationByAnotherKeyOrOverAnotherChallengeOrDomainIsRefusedAuditedAndCounted() {
    WalletOffer o = offer();
    String challenge = wallet.open(fx.org().id(), o.secret()).challenge();
    String id = fx.org().id().toString();
    List<String> bad =
        List.of(
            "bad|" + challenge + "|" + DOMAIN,
            HOLDER + "|another-challenge|" + DOMAIN,
            HOLDER + "|" + challenge + "|https://evil.example");
    for (String vp : bad) {
      refused(
          () -> wallet.redeemWithPresentation(fx.org().id(), o.secret(), vp, DOMAIN),
          Reason.INVALID_PROOF);
    }
    List<AuditEntry> refusals =
        audit().stream().filter(e -> e.action().equals("WALLET_PROOF_REFUSED")).toList();
    assertThat(refusals).hasSize(3);
    assertThat(refusals.get(0).details().get("refused")).startsWith("proof");
    assertThat(refusals.get(1).details().get("refused")).startsWith("challenge");
    assertThat(refusals.get(2).details().get("refused")).startsWith("domain");
    assertThat(refusals)
        .allSatisfy(e -> assertThat(e.details().toString()).doesNotContain(id + "|"));
    assertThat(certificates()).containsExactly(certificate);

    // still redeemable after a refusal, by the right holder
    Delivered d =
        wallet.redeemWithPresentation(fx.org().id(), o.secret(), presentation(o, HOLDER), DOMAIN);
    assertThat(d.holder()).isEqualTo(HOLDER);
  }

  @Test
  void anExchangeFailsAfterFiveRefusedProofs() {
    WalletOffer o = offer();
    for (int i = 0; i < WalletExchange.MAX_FAILURES; i++) {
      refused(
          () -> wallet.redeemWithPresentation(fx.org().id(), o.secret(), "bad|x|y", DOMAIN),
          Reason.INVALID_PROOF);
    }
    refused(
        () ->
            wallet.redeemWithPresentation(
                fx.org().id(), o.secret(), HOLDER + "|c|" + DOMAIN, DOMAIN),
        Reason.FAILED);
    assertThat(certificates()).containsExactly(certificate);
  }

  @Test
  void revokedAndSupersededCertificatesCannotBeOffered() {
    WalletOffer o = offer();
    Delivered d =
        wallet.redeemWithPresentation(fx.org().id(), o.secret(), presentation(o, HOLDER), DOMAIN);
    assertThatThrownBy(() -> tp.certificates().deliverToWallet(fx.officer(), certificate.id()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.getMessage())
                    .contains("replaced by certificate " + d.certificate().id()));
    tp.certificates().revoke(fx.officer(), d.certificate().id(), "issued in error");
    assertThatThrownBy(() -> tp.certificates().deliverToWallet(fx.officer(), d.certificate().id()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("revoked");
  }

  @Test
  void aCertificateRevokedAfterItsOfferIsNotDelivered() {
    WalletOffer o = offer();
    String vp = presentation(o, HOLDER);
    tp.certificates().revoke(fx.officer(), certificate.id(), "issued in error");
    refused(
        () -> wallet.redeemWithPresentation(fx.org().id(), o.secret(), vp, DOMAIN),
        Reason.NOT_DELIVERABLE);
    assertThat(certificates()).hasSize(1);
  }

  @Test
  void deliveringAgainBindsANewCredentialAndSupersedesThePreviousOneBothInTheTrail() {
    WalletOffer first = offer();
    Delivered d1 =
        wallet.redeemWithPresentation(
            fx.org().id(), first.secret(), presentation(first, HOLDER), DOMAIN);
    WalletOffer second = tp.certificates().deliverToWallet(fx.officer(), d1.certificate().id());
    Delivered d2 =
        wallet.redeemWithPresentation(
            fx.org().id(), second.secret(), presentation(second, "did:key:z6MkOther"), DOMAIN);
    assertThat(d2.certificate().credentialId()).isNotEqualTo(d1.certificate().credentialId());
    List<Certificate> all = certificates();
    assertThat(all)
        .extracting(Certificate::status)
        .containsExactly(
            Certificate.Status.SUPERSEDED, Certificate.Status.SUPERSEDED, Certificate.Status.VALID);
    assertThat(audit().stream().filter(e -> e.action().equals("WALLET_DELIVERY_COMPLETED")))
        .extracting(e -> e.details().get("holder"))
        .containsExactly(HOLDER, "did:key:z6MkOther");
  }

  @Test
  void twoOffersOfOneCertificateDeliverOnce() {
    WalletOffer a = offer();
    WalletOffer b = offer();
    wallet.redeemWithPresentation(fx.org().id(), a.secret(), presentation(a, HOLDER), DOMAIN);
    refused(
        () ->
            wallet.redeemWithPresentation(
                fx.org().id(), b.secret(), presentation(b, HOLDER), DOMAIN),
        Reason.NOT_DELIVERABLE);
    assertThat(certificates()).hasSize(2);
  }

  @Test
  void theOpenId4VciPreAuthorizedFlowIssuesOnceWithAFreshNonce() {
    WalletOffer o = offer();
    AccessToken token = wallet.redeemPreAuthorizedCode(fx.org().id(), o.secret());
    assertThat(token.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
    assertThat(token.toString()).doesNotContain(token.token());
    refused(() -> wallet.redeemPreAuthorizedCode(fx.org().id(), o.secret()), Reason.USED);

    String nonce = wallet.nonce(fx.org().id());
    Delivered d =
        wallet.redeemWithKeyProof(
            fx.org().id(), token.token(), HOLDER + "|" + nonce + "|" + ISSUER, ISSUER);
    assertThat(d.holder()).isEqualTo(HOLDER);
    assertThat(audit().stream().filter(e -> e.action().equals("CERTIFICATE_ISSUED")))
        .last()
        .satisfies(e -> assertThat(e.details()).containsEntry("protocol", "openid4vci"));
    String again = wallet.nonce(fx.org().id());
    refused(
        () ->
            wallet.redeemWithKeyProof(
                fx.org().id(), token.token(), HOLDER + "|" + again + "|" + ISSUER, ISSUER),
        Reason.USED);
  }

  @Test
  void keyProofsWithAWrongNonceOrAudienceAreRefused() {
    WalletOffer o = offer();
    AccessToken token = wallet.redeemPreAuthorizedCode(fx.org().id(), o.secret());
    String nonce = wallet.nonce(fx.org().id());
    refused(
        () ->
            wallet.redeemWithKeyProof(
                fx.org().id(), token.token(), HOLDER + "|" + nonce + "|https://other", ISSUER),
        Reason.INVALID_PROOF);
    refused(
        () ->
            wallet.redeemWithKeyProof(
                fx.org().id(), token.token(), HOLDER + "|not-issued|" + ISSUER, ISSUER),
        Reason.INVALID_NONCE);
    refused(
        () ->
            wallet.redeemWithKeyProof(fx.org().id(), token.token(), HOLDER + "||" + ISSUER, ISSUER),
        Reason.INVALID_PROOF);
    // a nonce is used once: the first use consumes it even when it issues
    wallet.redeemWithKeyProof(
        fx.org().id(), token.token(), HOLDER + "|" + nonce + "|" + ISSUER, ISSUER);
    assertThat(audit().stream().filter(e -> e.action().equals("WALLET_PROOF_REFUSED"))).hasSize(3);
  }

  @Test
  void aNonceIsUsedOnceAndExpires() {
    WalletOffer a = offer();
    AccessToken token = wallet.redeemPreAuthorizedCode(fx.org().id(), a.secret());
    String nonce = wallet.nonce(fx.org().id());
    clock.advance(Duration.ofMinutes(5));
    refused(
        () ->
            wallet.redeemWithKeyProof(
                fx.org().id(), token.token(), HOLDER + "|" + nonce + "|" + ISSUER, ISSUER),
        Reason.INVALID_NONCE);
  }

  @Test
  void anExpiredOrUnknownAccessTokenIsRefused() {
    WalletOffer o = offer();
    AccessToken token = wallet.redeemPreAuthorizedCode(fx.org().id(), o.secret());
    String nonce = wallet.nonce(fx.org().id());
    refused(
        () ->
            wallet.redeemWithKeyProof(
                fx.org().id(), "wrong", HOLDER + "|" + nonce + "|" + ISSUER, ISSUER),
        Reason.INVALID_TOKEN);
    clock.advance(Duration.ofMinutes(10));
    refused(
        () ->
            wallet.redeemWithKeyProof(
                fx.org().id(), token.token(), HOLDER + "|" + nonce + "|" + ISSUER, ISSUER),
        Reason.INVALID_TOKEN);
  }

  @Test
  void aMemberMayDeliverTheirOwnCertificateButNotAnothers() {
    WorkforceMember other = fx.hire(TODAY.minusDays(3), "B", "nurse");
    Actor self = new Actor("u-a", ActorRole.MEMBER, fx.org().id(), m.id());
    Actor stranger = new Actor("u-b", ActorRole.MEMBER, fx.org().id(), other.id());
    assertThat(tp.certificates().deliverToWallet(self, certificate.id()).certificate())
        .isEqualTo(certificate.id());
    assertThatThrownBy(() -> tp.certificates().deliverToWallet(stranger, certificate.id()))
        .isInstanceOfAny(ForbiddenException.class, NotFoundException.class);
    Actor auditor = new Actor("u-c", ActorRole.AUDITOR, fx.org().id(), null);
    assertThatThrownBy(() -> tp.certificates().deliverToWallet(auditor, certificate.id()))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void anOfferLivesAsLongAsAskedWithinBounds() {
    assertThatThrownBy(
            () -> tp.certificates().deliverToWallet(fx.officer(), certificate.id(), Duration.ZERO))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("lifetime");
    assertThatThrownBy(
            () ->
                tp.certificates()
                    .deliverToWallet(fx.officer(), certificate.id(), Duration.ofDays(8)))
        .isInstanceOf(ValidationException.class);
    WalletOffer day =
        tp.certificates().deliverToWallet(fx.officer(), certificate.id(), Duration.ofDays(1));
    clock.advance(Duration.ofHours(23));
    assertThat(wallet.open(fx.org().id(), day.secret()).expiresAt()).isEqualTo(day.expiresAt());
  }

  @Test
  void anExchangeRecordRefusesValuesNoStoreKeeps() {
    Instant now = clock.instant();
    String hash = "a".repeat(64);
    assertThatThrownBy(
            () ->
                WalletExchange.offered(
                    fx.org().id(),
                    certificate.id(),
                    m.id(),
                    hash,
                    "c".repeat(201),
                    now,
                    now.plusSeconds(60),
                    "officer"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("challenge");
    assertThatThrownBy(
            () ->
                WalletExchange.offered(
                    fx.org().id(),
                    certificate.id(),
                    m.id(),
                    hash,
                    "c",
                    now,
                    now.plusSeconds(60),
                    "o".repeat(201)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("createdBy");
    assertThatThrownBy(
            () ->
                WalletExchange.offered(
                    fx.org().id(), certificate.id(), m.id(), hash, "c", now, now, "officer"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("expiresAt");
    WalletExchange ok =
        WalletExchange.offered(
            fx.org().id(), certificate.id(), m.id(), hash, "c", now, now.plusSeconds(60), "o");
    assertThatThrownBy(() -> ok.completed("did:key:z6Mk", "p".repeat(41), certificate.id(), now))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("protocol");
  }

  @Test
  void ofManyConcurrentRedemptionsExactlyOneIssues() throws Exception {
    WalletOffer o = offer();
    String vp = presentation(o, HOLDER);
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        Callable<String> redeem =
            () -> {
              start.await();
              try {
                wallet.redeemWithPresentation(fx.org().id(), o.secret(), vp, DOMAIN);
                return "issued";
              } catch (WalletExchangeException e) {
                return e.reason().name();
              }
            };
        results.add(pool.submit(redeem));
      }
      start.countDown();
      List<String> outcomes = new ArrayList<>();
      for (Future<String> f : results) {
        outcomes.add(f.get(30, TimeUnit.SECONDS));
      }
      assertThat(outcomes).containsOnlyOnce("issued");
      assertThat(outcomes).filteredOn(s -> !s.equals("issued")).containsOnly("USED");
    } finally {
      pool.shutdownNow();
    }
    assertThat(certificates()).hasSize(2);
    assertThat(actions().stream().filter(a -> a.equals("WALLET_DELIVERY_COMPLETED"))).hasSize(1);
  }
}
