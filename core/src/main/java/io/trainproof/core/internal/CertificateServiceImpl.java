package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.ValidationException;
import io.trainproof.core.access.Operation;
import io.trainproof.core.audit.AuditChain;
import io.trainproof.core.certificate.CertificateService;
import io.trainproof.core.certificate.WalletOffer;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.IssuedCredential;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.CredentialIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Implements {@link CertificateService}. Thread-safe. Not API. */
public final class CertificateServiceImpl implements CertificateService {
  /** Organizations × purposes whose last signed status list is kept for reuse. */
  private static final int KEPT_LISTS = 10_000;

  private final Context ctx;
  private final WalletExchangeServiceImpl wallets;

  /** The last list signed per organization and purpose; reused while no bit changed. */
  private final Map<String, SignedList> lists =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SignedList> eldest) {
              return size() > KEPT_LISTS;
            }
          });

  private record SignedList(List<Integer> setIndexes, String json, Instant signedAt) {}

  /**
   * Creates the service.
   *
   * @param ctx shared collaborators
   */
  public CertificateServiceImpl(Context ctx) {
    this.ctx = ctx;
    this.wallets = new WalletExchangeServiceImpl(ctx);
  }

  @Override
  public WalletOffer deliverToWallet(Actor actor, Id<Certificate> certificate) {
    return wallets.offer(actor, certificate, WALLET_OFFER_LIFETIME);
  }

  @Override
  public WalletOffer deliverToWallet(Actor actor, Id<Certificate> certificate, Duration lifetime) {
    return wallets.offer(actor, certificate, lifetime);
  }

  @Override
  public List<Certificate> forMember(Actor actor, Id<WorkforceMember> member) {
    return ctx.run(
        actor,
        Operation.CERTIFICATE_READ,
        w -> w.tx().certificates().forMember(w.org().id(), Validate.member(w, member).id()));
  }

  @Override
  public Optional<Certificate> findByCode(Actor actor, String code) {
    String c = Check.notBlank("code", code);
    return ctx.run(
        actor,
        Operation.CERTIFICATE_READ,
        w ->
            w.tx()
                .certificates()
                .findByCode(w.org().id(), c)
                .filter(
                    cert ->
                        w.tx()
                            .members()
                            .find(w.org().id(), cert.member())
                            .map(w::canSee)
                            .orElse(false)));
  }

  @Override
  public Certificate revoke(Actor actor, Id<Certificate> certificateId, String reason) {
    Check.notNull("certificate", certificateId);
    String why = Check.notBlank("reason", reason);
    return ctx.run(
        actor,
        Operation.CERTIFICATE_REVOKE,
        w -> {
          Certificate c =
              w.tx()
                  .certificates()
                  .find(w.org().id(), certificateId)
                  .orElseThrow(() -> new NotFoundException("Certificate", certificateId));
          if (c.status() == Certificate.Status.REVOKED) {
            throw new ValidationException("certificate", certificateId, "is already revoked");
          }
          Certificate revoked =
              w.tx().certificates().update(c.withStatus(Certificate.Status.REVOKED, why, w.now()));
          w.audit(
              "CERTIFICATE_REVOKED",
              "Certificate",
              c.id(),
              Map.of("reason", why, "statusIndex", String.valueOf(c.statusIndex())));
          return revoked;
        });
  }

  @Override
  public String signCredential(
      Actor actor, String unsignedCredential, @Nullable String cryptosuite) {
    String credential = Check.notBlank("credential", unsignedCredential);
    CredentialIssuer issuer = ctx.issuer();
    if (issuer == null) {
      throw new ValidationException("issuer", null, "no credential issuer is configured");
    }
    return ctx.run(
        actor,
        Operation.CREDENTIAL_SIGN,
        w -> {
          int index = StatusIndexes.free(w, issuer.statusListSize());
          CredentialIssuer.Issued signed =
              issuer.signCredential(w.org().id(), credential, cryptosuite, index);
          IssuedCredential issued =
              StatusIndexes.keep(w, IssuedCredential.Kind.HOST_SIGNED, signed, index);
          Map<String, String> facts = new TreeMap<>();
          facts.put("credentialSha256", issued.credentialSha256());
          facts.put("verificationMethod", signed.verificationMethod());
          facts.put("statusIndex", String.valueOf(index));
          if (cryptosuite != null) {
            facts.put("cryptosuite", cryptosuite);
          }
          w.audit("CREDENTIAL_SIGNED", "Credential", issued.credentialId(), facts);
          return signed.json();
        });
  }

  @Override
  public IssuedCredential revokeCredential(Actor actor, String credentialId, String reason) {
    String id = Check.notBlank("credentialId", credentialId);
    String why = Check.notBlank("reason", reason);
    return ctx.run(
        actor,
        Operation.CREDENTIAL_REVOKE,
        w -> {
          IssuedCredential c =
              w.tx()
                  .certificates()
                  .findCredential(w.org().id(), id)
                  .orElseThrow(() -> new NotFoundException("Credential", id));
          if (c.status() == IssuedCredential.Status.REVOKED) {
            throw new ValidationException("credential", id, "is already revoked");
          }
          IssuedCredential revoked =
              w.tx().certificates().updateCredential(c.revoked(why, w.now()));
          w.audit(
              "CREDENTIAL_REVOKED",
              "Credential",
              id,
              Map.of(
                  "reason",
                  why,
                  "statusIndex",
                  String.valueOf(c.statusIndex()),
                  "kind",
                  c.kind().name()));
          return revoked;
        });
  }

  @Override
  public String statusListCredential(Actor actor, String purpose) {
    Check.notNull("purpose", purpose);
    if (!purpose.equals(REVOCATION) && !purpose.equals(SUPERSEDED)) {
      throw new ValidationException(
          "purpose", purpose, "is not " + REVOCATION + " or " + SUPERSEDED);
    }
    CredentialIssuer issuer = ctx.issuer();
    if (issuer == null) {
      throw new ValidationException("issuer", null, "no credential issuer is configured");
    }
    // why: every signature is audited, so a list is signed again only when a bit changed or the
    // last one is older than the issuer's reuse period, not on every read of a public URL
    String[] key = new String[1];
    SignedList list =
        ctx.run(
            actor,
            Operation.CERTIFICATE_READ,
            w -> {
              key[0] = w.org().id() + "/" + purpose;
              List<Integer> set = setBits(w, purpose);
              SignedList last = lists.get(key[0]);
              if (last != null
                  && last.setIndexes().equals(set)
                  && !w.now().isBefore(last.signedAt())
                  && w.now().isBefore(last.signedAt().plus(issuer.statusListReuse()))) {
                return last;
              }
              CredentialIssuer.Issued signed =
                  issuer.statusListCredential(w.org().id(), purpose, set);
              w.audit(
                  "STATUS_LIST_SIGNED",
                  "StatusList",
                  purpose,
                  Map.of(
                      "credentialId",
                      signed.credentialId(),
                      "credentialSha256",
                      AuditChain.sha256(signed.json()),
                      "verificationMethod",
                      signed.verificationMethod(),
                      "setBits",
                      String.valueOf(set.size())));
              return new SignedList(set, signed.json(), w.now());
            });
    // kept only once the signature's audit entry has committed
    lists.put(key[0], list);
    return list.json();
  }

  /**
   * The indexes whose bit is set in one of the organization's lists, ascending: superseded
   * certificates; or revoked certificates and revoked issued credentials, which share the index
   * space.
   */
  private static List<Integer> setBits(Work w, String purpose) {
    List<Integer> set = new ArrayList<>();
    if (purpose.equals(REVOCATION)) {
      set.addAll(w.tx().certificates().statusIndexes(w.org().id(), Certificate.Status.REVOKED));
      set.addAll(
          w.tx()
              .certificates()
              .credentialStatusIndexes(w.org().id(), IssuedCredential.Status.REVOKED));
    } else {
      set.addAll(w.tx().certificates().statusIndexes(w.org().id(), Certificate.Status.SUPERSEDED));
    }
    set.sort(null);
    return List.copyOf(set);
  }
}
