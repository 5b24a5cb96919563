package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.Actor;
import io.trainproof.core.ActorRole;
import io.trainproof.core.ConflictException;
import io.trainproof.core.ForbiddenException;
import io.trainproof.core.NotFoundException;
import io.trainproof.core.Trainproof;
import io.trainproof.core.ValidationException;
import io.trainproof.core.attestation.AttestationService;
import io.trainproof.core.certificate.CertificateService;
import io.trainproof.core.domain.Attestation;
import io.trainproof.core.domain.AttestationMethod;
import io.trainproof.core.domain.AuditEntry;
import io.trainproof.core.domain.IssuedCredential;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.spi.Transaction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, finding 1: a credential signed through {@code CertificateService.signCredential}, or a
 * sealed attestation, had no status entry and could never be revoked. Each now holds an index of
 * the organization's status index space (core draws it; the issuer writes it), is kept in the
 * store, and is revoked by its credential id, which sets its bit in the next revocation list. With
 * the stub issuer: the index it was given is written into the JSON, and a status list is its set
 * bits.
 */
class IssuedCredentialStatusTest {
  static final ZoneId ZONE = ZoneId.of("Pacific/Chatham");
  static final LocalDate TODAY = LocalDate.of(2026, 4, 1);
  static final String CREDENTIAL_ID = "urn:uuid:1d7e0a52-8d5c-4c6b-a0a4-3f8d2b9e6c10";

  final SettableClock clock =
      SettableClock.at(ZonedDateTime.of(TODAY.atTime(9, 30), ZONE).toInstant());
  final InMemoryStore store = new InMemoryStore();
  final Trainproof tp =
      Trainproof.builder().store(store).clock(clock).credentialIssuer(new StubIssuer()).build();
  final Fixtures fx = Fixtures.organization(tp, ZONE);
  final Fixtures other = Fixtures.organization(tp, ZoneId.of("UTC"));

  static String credential(String id) {
    return "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"id\":\""
        + id
        + "\",\"type\":[\"VerifiableCredential\"],\"credentialSubject\":{\"id\":\"did:example:s\"}}";
  }

  Optional<IssuedCredential> stored(Fixtures in, String credentialId) {
    return store.inTransaction(
        (Transaction t) -> t.certificates().findCredential(in.org().id(), credentialId));
  }

  List<AuditEntry> trail(Fixtures in, String action) {
    return tp
        .audit()
        .entries(in.officer(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
        .stream()
        .filter(e -> e.action().equals(action))
        .toList();
  }

  String revocationList(Fixtures in) {
    return tp.certificates().statusListCredential(in.officer(), CertificateService.REVOCATION);
  }

  static String bits(String... indexes) {
    return "\"set\":[" + String.join(", ", indexes) + "]";
  }

  @Test
  void aSignedCredentialHoldsAnIndexItIsKeptWithAndTheAuditNames() {
    String signed = tp.certificates().signCredential(fx.officer(), credential(CREDENTIAL_ID), null);

    IssuedCredential kept = stored(fx, CREDENTIAL_ID).orElseThrow();
    assertThat(kept.kind()).isEqualTo(IssuedCredential.Kind.HOST_SIGNED);
    assertThat(kept.status()).isEqualTo(IssuedCredential.Status.VALID);
    assertThat(kept.credentialSha256()).isEqualTo(Fixtures.sha256(signed));
    assertThat(kept.issuedAt()).isEqualTo(clock.instant());
    assertThat(signed).contains("\"statusIndex\":" + kept.statusIndex() + ",");
    assertThat(trail(fx, "CREDENTIAL_SIGNED"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.subjectId()).isEqualTo(CREDENTIAL_ID);
              assertThat(e.details())
                  .containsEntry("statusIndex", String.valueOf(kept.statusIndex()))
                  .containsEntry("credentialSha256", kept.credentialSha256());
            });
  }

  @Test
  void revokingSetsItsBitInTheNextRevocationListOnly() {
    tp.certificates().signCredential(fx.officer(), credential(CREDENTIAL_ID), null);
    int index = stored(fx, CREDENTIAL_ID).orElseThrow().statusIndex();
    assertThat(revocationList(fx)).contains(bits());

    Actor host = new Actor("vc-api-key-1", ActorRole.SYSTEM, fx.org().id(), null);
    IssuedCredential revoked =
        tp.certificates().revokeCredential(host, CREDENTIAL_ID, "issued to the wrong holder");

    assertThat(revoked.status()).isEqualTo(IssuedCredential.Status.REVOKED);
    assertThat(revoked.statusReason()).isEqualTo("issued to the wrong holder");
    assertThat(revoked.statusChangedAt()).isEqualTo(clock.instant());
    assertThat(stored(fx, CREDENTIAL_ID)).contains(revoked);
    assertThat(revocationList(fx)).contains(bits(String.valueOf(index)));
    assertThat(tp.certificates().statusListCredential(fx.officer(), CertificateService.SUPERSEDED))
        .contains(bits());
    assertThat(trail(fx, "CREDENTIAL_REVOKED"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actorId()).isEqualTo("vc-api-key-1");
              assertThat(e.subjectId()).isEqualTo(CREDENTIAL_ID);
              assertThat(e.details())
                  .containsEntry("statusIndex", String.valueOf(index))
                  .containsEntry("reason", "issued to the wrong holder")
                  .containsEntry("kind", "HOST_SIGNED");
            });
  }

  @Test
  void revokingTwiceAnUnknownIdOrWithoutAReasonIsATypedErrorAndWritesNothing() {
    tp.certificates().signCredential(fx.officer(), credential(CREDENTIAL_ID), null);
    tp.certificates().revokeCredential(fx.officer(), CREDENTIAL_ID, "signed in error");
    int audited = trail(fx, "CREDENTIAL_REVOKED").size();

    assertThatThrownBy(
            () -> tp.certificates().revokeCredential(fx.officer(), CREDENTIAL_ID, "again"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("credential");
              assertThat(e.getMessage()).contains("already revoked");
            });
    assertThatThrownBy(
            () -> tp.certificates().revokeCredential(fx.officer(), "urn:uuid:nope", "why"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> tp.certificates().revokeCredential(fx.officer(), CREDENTIAL_ID, " "))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("reason"));
    assertThat(trail(fx, "CREDENTIAL_REVOKED")).hasSize(audited);
  }

  @Test
  void anotherOrganizationCannotRevokeItAndARefusedRoleIsAudited() {
    tp.certificates().signCredential(fx.officer(), credential(CREDENTIAL_ID), null);

    // An officer of another organization names the credential: it is not in their organization.
    assertThatThrownBy(
            () -> tp.certificates().revokeCredential(other.officer(), CREDENTIAL_ID, "mine now"))
        .isInstanceOf(NotFoundException.class);
    // Vendor support with a grant reads only; an auditor reads only: refused and audited.
    tp.organizations()
        .grantVendorSupport(
            Actor.platform("platform"),
            fx.org().id(),
            "support-1",
            "TICKET-3",
            clock.instant().plusSeconds(3600));
    for (Actor refused :
        List.of(
            new Actor("support-1", ActorRole.VENDOR_SUPPORT, fx.org().id(), null),
            new Actor("auditor-1", ActorRole.AUDITOR, fx.org().id(), null))) {
      assertThatThrownBy(() -> tp.certificates().revokeCredential(refused, CREDENTIAL_ID, "x"))
          .isInstanceOf(ForbiddenException.class);
      assertThat(trail(fx, "FORBIDDEN"))
          .last()
          .satisfies(
              e -> {
                assertThat(e.actorId()).isEqualTo(refused.id());
                assertThat(e.subjectId()).isEqualTo("CREDENTIAL_REVOKE");
              });
    }
    assertThat(stored(fx, CREDENTIAL_ID).orElseThrow().status())
        .isEqualTo(IssuedCredential.Status.VALID);
    assertThat(revocationList(fx)).contains(bits());
    assertThat(trail(fx, "CREDENTIAL_REVOKED")).isEmpty();
  }

  @Test
  void theSameCredentialIdIsSignedOncePerOrganization() {
    tp.certificates().signCredential(fx.officer(), credential(CREDENTIAL_ID), null);
    assertThatThrownBy(
            () -> tp.certificates().signCredential(fx.officer(), credential(CREDENTIAL_ID), null))
        .isInstanceOf(ConflictException.class);
    assertThat(trail(fx, "CREDENTIAL_SIGNED")).hasSize(1);
    // another organization's namespace of ids is its own
    tp.certificates().signCredential(other.officer(), credential(CREDENTIAL_ID), null);
    assertThat(stored(other, CREDENTIAL_ID)).isPresent();
  }

  @Test
  void aCredentialIdTooLongToKeepIsRefusedBeforeAnythingIsWritten() {
    String id = "urn:example:" + "x".repeat(IssuedCredential.MAX_CREDENTIAL_ID);
    assertThatThrownBy(() -> tp.certificates().signCredential(fx.officer(), credential(id), null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("credentialId"));
    assertThat(trail(fx, "CREDENTIAL_SIGNED")).isEmpty();
  }

  @Test
  void aSealedAttestationHoldsAnIndexAndIsRevokedByItsCredentialId() {
    PolicyVersion version =
        tp.policies().versions(fx.officer(), fx.policy("PRIV", TODAY.minusDays(30)).id()).get(0);
    WorkforceMember nurse = fx.hire(TODAY.minusDays(10), "ICU", "nurse");
    Attestation requested =
        tp.attestations().request(fx.officer(), nurse.id(), version.id(), TODAY.plusDays(14));
    Attestation attested =
        tp.attestations()
            .record(
                new Actor("u-nurse", ActorRole.MEMBER, fx.org().id(), nurse.id()),
                new AttestationService.Submission(
                    requested.id(),
                    "I have read the Privacy policy.",
                    AttestationMethod.CLICK_THROUGH,
                    null,
                    null));
    Attestation.Evidence evidence = attested.evidence();
    assertThat(evidence).isNotNull();
    String credentialId = evidence.credentialId();
    assertThat(credentialId).isEqualTo("urn:uuid:" + attested.id());

    IssuedCredential kept = stored(fx, credentialId).orElseThrow();
    assertThat(kept.kind()).isEqualTo(IssuedCredential.Kind.ATTESTATION);
    assertThat(kept.credentialSha256()).isEqualTo(Fixtures.sha256(evidence.credentialJson()));
    assertThat(evidence.credentialJson()).contains("\"statusIndex\":" + kept.statusIndex() + ",");
    assertThat(trail(fx, "ATTESTATION_RECORDED"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.details())
                    .containsEntry("statusIndex", String.valueOf(kept.statusIndex())));

    tp.certificates().revokeCredential(fx.officer(), credentialId, "recorded for the wrong member");
    assertThat(revocationList(fx)).contains(bits(String.valueOf(kept.statusIndex())));
    assertThat(trail(fx, "CREDENTIAL_REVOKED"))
        .singleElement()
        .satisfies(e -> assertThat(e.details()).containsEntry("kind", "ATTESTATION"));
  }
}
