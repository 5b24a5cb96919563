package io.trainproof.core.internal;

import io.trainproof.core.Actor;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.ValidationException;
import io.trainproof.core.access.Operation;
import io.trainproof.core.certificate.CertificateService;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.CredentialIssuer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Implements {@link CertificateService}. Thread-safe. Not API. */
public final class CertificateServiceImpl implements CertificateService {
  private final Context ctx;

  /**
   * Creates the service.
   *
   * @param ctx shared collaborators
   */
  public CertificateServiceImpl(Context ctx) {
    this.ctx = ctx;
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
  public String statusListCredential(Actor actor, String purpose) {
    Check.notNull("purpose", purpose);
    Certificate.Status status =
        switch (purpose) {
          case REVOCATION -> Certificate.Status.REVOKED;
          case SUPERSEDED -> Certificate.Status.SUPERSEDED;
          default ->
              throw new ValidationException(
                  "purpose", purpose, "is not " + REVOCATION + " or " + SUPERSEDED);
        };
    CredentialIssuer issuer = ctx.issuer();
    if (issuer == null) {
      throw new ValidationException("issuer", null, "no credential issuer is configured");
    }
    return ctx.run(
        actor,
        Operation.CERTIFICATE_READ,
        w ->
            issuer.statusListCredential(
                w.org().id(), purpose, w.tx().certificates().statusIndexes(w.org().id(), status)));
  }
}
