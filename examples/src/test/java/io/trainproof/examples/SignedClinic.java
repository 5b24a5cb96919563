package io.trainproof.examples;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.completion.CompletionService;
import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.signing.OrganizationIssuer;
import io.trainproof.signing.SigningCredentialIssuer;
import io.trainproof.signing.key.InMemoryKeyProvider;
import io.trainproof.signing.key.IssuerKeyHistory;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.signing.verify.TrustBundle;
import io.trainproof.testkit.Fixtures;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** A clinic on the in-memory store with a signing issuer, and one member with a certificate. */
public final class SignedClinic {
  public final Clock clock = Clock.systemUTC();
  public final SigningKey key =
      SigningKey.generate(
          KeyAlgorithm.ED25519, "did:web:clinic.example.org#key-1", new SecureRandom());
  public final IssuerKeyHistory history =
      IssuerKeyHistory.start(
          "did:web:clinic.example.org",
          key.keyId(),
          key.publicKey(),
          clock.instant().minusSeconds(60));
  public final Trainproof tp;
  public final Fixtures fx;
  public final WorkforceMember member;

  public SignedClinic() {
    SigningCredentialIssuer signing =
        SigningCredentialIssuer.builder()
            .issuers(org -> OrganizationIssuer.of(history, new InMemoryKeyProvider().add(key)))
            .statusListBaseUrl("https://clinic.example.org/status")
            .clock(clock)
            .build();
    tp =
        Trainproof.builder()
            .store(new InMemoryStore())
            .clock(clock)
            .credentialIssuer(signing)
            .build();
    fx = Fixtures.organization(tp, ZoneId.of("UTC"));
    fx.requirement(
        "R", Fixtures.terms(fx.course("HIPAA"), LocalDate.now(clock).minusYears(1)).build());
    member = fx.hire(LocalDate.now(clock), "ICU", "nurse");
    Assignment a = tp.assignments().forMember(fx.officer(), member.id()).get(0);
    tp.completions()
        .record(
            fx.officer(), CompletionService.Request.inApp(a.id(), LocalDate.now(clock), 95, "o"));
  }

  public Certificate certificate() {
    return tp.certificates().forMember(fx.officer(), member.id()).get(0);
  }

  public Actor system() {
    return Actor.system(fx.org().id());
  }

  public TrustBundle trustBundle() {
    return TrustBundle.of(
        List.of(history),
        List.of(
            tp.certificates().statusListCredential(fx.officer(), "revocation"),
            tp.certificates().statusListCredential(fx.officer(), "superseded")));
  }
}
