package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.ConflictException;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.ValidationException;
import io.trainproof.core.access.Operation;
import io.trainproof.core.audit.AuditChain;
import io.trainproof.core.certificate.CertificateService;
import io.trainproof.core.certificate.WalletExchangeException;
import io.trainproof.core.certificate.WalletExchangeException.Reason;
import io.trainproof.core.certificate.WalletExchangeService;
import io.trainproof.core.certificate.WalletOffer;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WalletExchange;
import io.trainproof.core.spi.CredentialIssuer;
import io.trainproof.core.spi.CredentialIssuer.HolderProof;
import io.trainproof.core.spi.CredentialIssuer.HolderProofResult;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Implements {@link WalletExchangeService} and the offer of {@link
 * CertificateService#deliverToWallet}. Proofs are verified outside any transaction; the issue runs
 * in one transaction whose last write moves the exchange to completed under its version, so of
 * concurrent redemptions exactly one commits. Thread-safe. Not API.
 */
public final class WalletExchangeServiceImpl implements WalletExchangeService {
  /** How long an OpenID4VCI access token lives (never past its exchange). */
  static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(10);

  /** How long a key proof nonce is accepted. */
  static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);

  /** The longest secret, token, domain or issuer identifier looked at. */
  /** An expiry as the holder reads it: a local date in words and a time of day. */
  private static final DateTimeFormatter EXPIRY =
      DateTimeFormatter.ofPattern("d MMMM uuuu 'at' HH:mm", Locale.ENGLISH);

  private static final int MAX_SECRET = 200;

  /** The longest presentation or key proof passed to the verifier, in characters. */
  private static final int MAX_PROOF = 256 * 1024;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Context ctx;

  /**
   * @param ctx shared collaborators
   */
  public WalletExchangeServiceImpl(Context ctx) {
    this.ctx = ctx;
  }

  /** The offer behind {@link CertificateService#deliverToWallet}. */
  WalletOffer offer(Actor actor, Id<Certificate> certificateId, Duration lifetime) {
    Check.notNull("certificate", certificateId);
    Check.notNull("lifetime", lifetime);
    if (lifetime.isNegative()
        || lifetime.isZero()
        || lifetime.compareTo(CertificateService.MAX_WALLET_OFFER_LIFETIME) > 0) {
      throw new ValidationException(
          "lifetime",
          lifetime,
          "must be positive and at most " + CertificateService.MAX_WALLET_OFFER_LIFETIME);
    }
    issuer();
    String secret = random(32);
    return ctx.run(
        actor,
        Operation.CERTIFICATE_DELIVER,
        w -> {
          Certificate c =
              w.tx()
                  .certificates()
                  .find(w.org().id(), certificateId)
                  .filter(
                      cert ->
                          w.tx()
                              .members()
                              .find(w.org().id(), cert.member())
                              .map(w::canSee)
                              .orElse(false))
                  .orElseThrow(() -> new NotFoundException("Certificate", certificateId));
          if (c.status() != Certificate.Status.VALID) {
            throw new ValidationException(
                "certificate",
                certificateId,
                c.status() == Certificate.Status.REVOKED
                    ? "is revoked: it cannot be delivered"
                    : "was replaced by certificate " + c.statusReason() + ": deliver that one");
          }
          WalletExchange exchange =
              WalletExchange.offered(
                  w.org().id(),
                  c.id(),
                  c.member(),
                  AuditChain.sha256(secret),
                  random(24),
                  w.now(),
                  w.now().plus(lifetime),
                  w.actor().id());
          w.tx().walletExchanges().insert(exchange);
          w.audit(
              "WALLET_DELIVERY_OFFERED",
              "WalletExchange",
              exchange.id(),
              Map.of(
                  "certificate",
                  c.id().toString(),
                  "credentialId",
                  c.credentialId(),
                  "expiresAt",
                  exchange.expiresAt().toString()));
          return new WalletOffer(exchange.id(), w.org().id(), c.id(), secret, exchange.expiresAt());
        });
  }

  @Override
  public Challenge open(Id<Organization> organization, String secret) {
    WalletExchange e = redeemableBySecret(organization, hashOf("secret", secret));
    return new Challenge(e.organization(), e.challenge(), e.expiresAt());
  }

  @Override
  public Delivered redeemWithPresentation(
      Id<Organization> organization, String secret, String presentation, String domain) {
    String hash = hashOf("secret", secret);
    String proof = bounded("verifiablePresentation", presentation, MAX_PROOF);
    String expectedDomain = bounded("domain", domain, MAX_SECRET);
    CredentialIssuer issuer = issuer();
    WalletExchange e = redeemableBySecret(organization, hash);
    HolderProofResult verified =
        verify(
            organization,
            e,
            VCAPI,
            new HolderProof(HolderProof.Kind.PRESENTATION, proof, e.challenge(), expectedDomain));
    if (!e.challenge().equals(verified.nonce())) {
      throw refuse(organization, e, VCAPI, "challenge", "does not match the exchange's");
    }
    return issue(organization, e, verified.holder(), VCAPI, issuer);
  }

  @Override
  public AccessToken redeemPreAuthorizedCode(
      Id<Organization> organization, String preAuthorizedCode) {
    String hash = hashOf("pre-authorized_code", preAuthorizedCode);
    String token = random(32);
    try {
      return ctx.run(
          system(organization),
          Operation.CERTIFICATE_DELIVER,
          w -> {
            WalletExchange e = bySecret(w, hash);
            if (e.state() == WalletExchange.State.TOKEN_ISSUED) {
              throw new WalletExchangeException(
                  Reason.USED, "this pre-authorized code was already exchanged for a token");
            }
            e = redeemable(w, e);
            Instant expires = min(w.now().plus(ACCESS_TOKEN_LIFETIME), e.expiresAt());
            w.tx().walletExchanges().update(e.withAccessToken(AuditChain.sha256(token), expires));
            w.audit(
                "WALLET_ACCESS_TOKEN_ISSUED",
                "WalletExchange",
                e.id(),
                Map.of("protocol", OPENID4VCI, "expiresAt", expires.toString()));
            return new AccessToken(token, expires);
          });
    } catch (ConflictException concurrent) {
      throw new WalletExchangeException(
          Reason.USED, "this pre-authorized code was exchanged by a concurrent request");
    }
  }

  @Override
  public String nonce(Id<Organization> organization) {
    String nonce = random(32);
    return ctx.run(
        system(organization),
        Operation.CERTIFICATE_DELIVER,
        w -> {
          w.tx()
              .walletExchanges()
              .insertNonce(w.org().id(), AuditChain.sha256(nonce), w.now().plus(NONCE_LIFETIME));
          return nonce;
        });
  }

  @Override
  public Delivered redeemWithKeyProof(
      Id<Organization> organization, String accessToken, String proofJwt, String credentialIssuer) {
    String hash = hashOf("access_token", accessToken);
    String proof = bounded("proof", proofJwt, MAX_PROOF);
    String audience = bounded("credentialIssuer", credentialIssuer, MAX_SECRET);
    CredentialIssuer issuer = issuer();
    WalletExchange e = redeemableByToken(organization, hash);
    HolderProofResult verified =
        verify(
            organization,
            e,
            OPENID4VCI,
            new HolderProof(HolderProof.Kind.JWT, proof, null, audience));
    String nonce = verified.nonce();
    if (nonce == null) {
      throw refuse(organization, e, OPENID4VCI, "nonce", "is missing from the key proof");
    }
    boolean fresh =
        nonce.length() <= MAX_SECRET
            && ctx.run(
                system(organization),
                Operation.CERTIFICATE_DELIVER,
                w ->
                    w.tx()
                        .walletExchanges()
                        .consumeNonce(w.org().id(), AuditChain.sha256(nonce), w.now()));
    if (!fresh) {
      throw refuseNonce(organization, e);
    }
    return issue(organization, e, verified.holder(), OPENID4VCI, issuer);
  }

  /** The redeemable exchange a secret names, read in its own transaction. */
  private WalletExchange redeemableBySecret(Id<Organization> organization, String secretSha256) {
    return ctx.run(
        system(organization),
        Operation.CERTIFICATE_DELIVER,
        w -> redeemable(w, bySecret(w, secretSha256)));
  }

  /** The redeemable exchange an unexpired access token names, read in its own transaction. */
  private WalletExchange redeemableByToken(Id<Organization> organization, String tokenSha256) {
    return ctx.run(
        system(organization),
        Operation.CERTIFICATE_DELIVER,
        w -> {
          WalletExchange e =
              w.tx()
                  .walletExchanges()
                  .findByAccessToken(w.org().id(), tokenSha256)
                  .orElseThrow(
                      () ->
                          new WalletExchangeException(
                              Reason.INVALID_TOKEN, "the access token is not one issued here"));
          Instant tokenExpires = e.accessTokenExpiresAt();
          if (tokenExpires == null || !w.now().isBefore(tokenExpires)) {
            throw new WalletExchangeException(Reason.INVALID_TOKEN, "the access token expired");
          }
          return redeemable(w, e);
        });
  }

  private HolderProofResult verify(
      Id<Organization> organization, WalletExchange e, String protocol, HolderProof proof) {
    try {
      return issuer().verifyHolderProof(proof);
    } catch (ValidationException refused) {
      throw refuse(organization, e, protocol, refused.field(), refused.reason());
    }
  }

  /**
   * Records a refused proof in its own transaction (so the refusal is in the trail although nothing
   * is issued) and returns the exception to throw.
   */
  private WalletExchangeException refuse(
      Id<Organization> organization,
      WalletExchange e,
      String protocol,
      @Nullable String field,
      @Nullable String reason) {
    String what = (field == null ? "proof" : field) + " " + (reason == null ? "refused" : reason);
    recordRefusal(organization, e, protocol, what);
    return new WalletExchangeException(
        Reason.INVALID_PROOF, "the holder's proof was refused: " + what);
  }

  private WalletExchangeException refuseNonce(Id<Organization> organization, WalletExchange e) {
    String what = "nonce is not one issued here, expired, or was used";
    recordRefusal(organization, e, OPENID4VCI, what);
    return new WalletExchangeException(Reason.INVALID_NONCE, "the key proof's " + what);
  }

  private void recordRefusal(
      Id<Organization> organization, WalletExchange e, String protocol, String what) {
    try {
      ctx.run(
          system(organization),
          Operation.CERTIFICATE_DELIVER,
          w -> {
            WalletExchange current =
                w.tx().walletExchanges().find(w.org().id(), e.id()).orElseThrow();
            WalletExchange failed = current;
            if (current.state() != WalletExchange.State.COMPLETED) {
              failed = w.tx().walletExchanges().update(current.withFailure());
            }
            Map<String, String> facts = new TreeMap<>();
            facts.put("protocol", protocol);
            facts.put("refused", what.length() > 300 ? what.substring(0, 300) + "…" : what);
            facts.put("failures", String.valueOf(failed.failures()));
            w.audit("WALLET_PROOF_REFUSED", "WalletExchange", e.id(), facts);
            return failed;
          });
    } catch (ConflictException concurrent) {
      // why: another request changed the exchange meanwhile; the refusal still stands for this one
      ctx.run(
          system(organization),
          Operation.CERTIFICATE_DELIVER,
          w -> {
            w.audit(
                "WALLET_PROOF_REFUSED",
                "WalletExchange",
                e.id(),
                Map.of("protocol", protocol, "refused", what));
            return null;
          });
    }
  }

  /** Issues the holder-bound certificate and completes the exchange, in one transaction. */
  private Delivered issue(
      Id<Organization> organization,
      WalletExchange read,
      String holder,
      String protocol,
      CredentialIssuer issuer) {
    try {
      return ctx.run(
          system(organization),
          Operation.CERTIFICATE_DELIVER,
          w -> {
            WalletExchange e =
                redeemable(w, w.tx().walletExchanges().find(w.org().id(), read.id()).orElseThrow());
            if (e.version() != read.version()) {
              throw new WalletExchangeException(
                  Reason.USED, "this exchange was redeemed by a concurrent request");
            }
            Certificate offered =
                w.tx()
                    .certificates()
                    .find(w.org().id(), e.certificate())
                    .orElseThrow(() -> new NotFoundException("Certificate", e.certificate()));
            if (offered.status() != Certificate.Status.VALID) {
              // why: read committed, the exchange above may predate a concurrent redemption
              // that has since committed, superseding the certificate: then it is used
              boolean redeemed =
                  w.tx()
                      .walletExchanges()
                      .find(w.org().id(), e.id())
                      .map(x -> x.state() == WalletExchange.State.COMPLETED)
                      .orElse(false);
              if (redeemed) {
                throw new WalletExchangeException(
                    Reason.USED, "this exchange was redeemed by a concurrent request");
              }
              throw new WalletExchangeException(
                  Reason.NOT_DELIVERABLE,
                  offered.status() == Certificate.Status.REVOKED
                      ? "the certificate was revoked after it was offered"
                      : "the certificate was replaced after it was offered; ask for a new offer");
            }
            Completion completion =
                w.tx()
                    .completions()
                    .find(w.org().id(), offered.completion())
                    .orElseThrow(() -> new NotFoundException("Completion", offered.completion()));
            Course course = w.course(offered.course());
            CourseVersion version =
                w.tx()
                    .courses()
                    .findVersion(w.org().id(), offered.courseVersion())
                    .orElseThrow(
                        () -> new NotFoundException("CourseVersion", offered.courseVersion()));
            int index = StatusIndexes.free(w, issuer.statusListSize());
            Id<Certificate> id = Id.random();
            CredentialIssuer.CertificateClaims claims =
                CertificateIssuing.claims(
                    w,
                    id,
                    offered.member(),
                    course,
                    version,
                    completion,
                    offered.validFrom(),
                    offered.validUntil(),
                    index);
            CredentialIssuer.Issued issued = issuer.issueHolderCertificate(claims, holder);
            Certificate bound =
                CertificateIssuing.record(
                    w,
                    claims,
                    offered.member(),
                    offered.course(),
                    offered.courseVersion(),
                    offered.completion(),
                    issued);
            // why: the version check above and the store's own on this update make one of
            // concurrent redemptions win; the loser's transaction, and its certificate, roll back
            w.tx().walletExchanges().update(e.completed(holder, protocol, id, w.now()));
            w.tx()
                .certificates()
                .update(offered.withStatus(Certificate.Status.SUPERSEDED, id.toString(), w.now()));
            w.tx().certificates().insert(bound);
            w.audit(
                "CERTIFICATE_SUPERSEDED",
                "Certificate",
                offered.id(),
                Map.of("by", id.toString(), "because", "delivered to a wallet"));
            Map<String, String> facts = CertificateIssuing.issuedFacts(bound, issued);
            facts.put("holder", holder);
            facts.put("exchange", e.id().toString());
            facts.put("protocol", protocol);
            facts.put("replaces", offered.id().toString());
            w.audit("CERTIFICATE_ISSUED", "Certificate", id, facts);
            w.audit(
                "WALLET_DELIVERY_COMPLETED",
                "WalletExchange",
                e.id(),
                Map.of("certificate", id.toString(), "holder", holder, "protocol", protocol));
            return new Delivered(bound, issued.json(), holder);
          });
    } catch (ConflictException concurrent) {
      throw new WalletExchangeException(
          Reason.USED, "this exchange was redeemed by a concurrent request");
    }
  }

  private static WalletExchange bySecret(Work w, String hash) {
    return w.tx()
        .walletExchanges()
        .findBySecret(w.org().id(), hash)
        .orElseThrow(
            () -> new WalletExchangeException(Reason.UNKNOWN, "no such exchange was offered here"));
  }

  private static WalletExchange redeemable(Work w, WalletExchange e) {
    switch (e.state()) {
      case COMPLETED:
        throw new WalletExchangeException(
            Reason.USED, "this exchange was already redeemed; ask for a new offer");
      case FAILED:
        throw new WalletExchangeException(
            Reason.FAILED, "this exchange refused too many proofs; ask for a new offer");
      default:
        break;
    }
    if (!w.now().isBefore(e.expiresAt())) {
      throw new WalletExchangeException(
          Reason.EXPIRED,
          "this exchange expired on "
              + EXPIRY.format(e.expiresAt().atZone(w.org().zone()))
              + " ("
              + w.org().zone().getId()
              + " time); ask for a new offer");
    }
    return e;
  }

  private CredentialIssuer issuer() {
    CredentialIssuer issuer = ctx.issuer();
    if (issuer == null) {
      throw new ValidationException("issuer", null, "no credential issuer is configured");
    }
    return issuer;
  }

  private static Actor system(Id<Organization> organization) {
    return Actor.system(Check.notNull("organization", organization));
  }

  private static String hashOf(String field, @Nullable String secret) {
    String s = Check.notBlank(field, secret);
    if (s.length() > MAX_SECRET) {
      throw new WalletExchangeException(Reason.UNKNOWN, "no such " + field + " was issued here");
    }
    return AuditChain.sha256(s);
  }

  private static String bounded(String field, @Nullable String value, int max) {
    String s = Check.notBlank(field, value);
    if (s.length() > max) {
      throw new ValidationException(
          field, s.length() + " characters", "is longer than " + max + " characters");
    }
    return s;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
