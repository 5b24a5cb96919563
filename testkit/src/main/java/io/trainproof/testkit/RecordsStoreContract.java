package io.trainproof.testkit;

import static io.trainproof.testkit.ContractRecords.T0;
import static io.trainproof.testkit.ContractRecords.member;
import static io.trainproof.testkit.ContractRecords.newOrg;
import static io.trainproof.testkit.ContractRecords.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.AddressableDecision;
import io.trainproof.core.domain.Attestation;
import io.trainproof.core.domain.AttestationMethod;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Certification;
import io.trainproof.core.domain.CertificationKind;
import io.trainproof.core.domain.CrossOrganizationGrant;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.LegalHold;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyReview;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.RecordKind;
import io.trainproof.core.domain.RegulatoryTopic;
import io.trainproof.core.domain.SecurityReminder;
import io.trainproof.core.domain.Tombstone;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.Store;
import io.trainproof.core.spi.Transaction;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The storage contract for the records kept as evidence: attestations, legal holds, tombstones,
 * policy reviews, addressable decisions, security reminders, grants, certificates and external
 * certifications. {@link StoreContract} implements this interface, so every store's contract test
 * runs these cases with the rest. Each case works in organizations of its own.
 */
public interface RecordsStoreContract {
  /**
   * @return the store under test, fresh (or shared) per test
   */
  Store store();

  @Test
  default void attestationsAreUniquePerMemberAndVersionAndKeepTheirEvidence() {
    Organization org = newOrg(store());
    WorkforceMember m = read(store(), (Transaction t) -> t.members().insert(member(org, "E1")));
    Id<Policy> policy = Id.random();
    Id<PolicyVersion> version = Id.random();
    Attestation request =
        new Attestation(
            Id.random(),
            org.id(),
            m.id(),
            policy,
            version,
            LocalDate.of(2026, 1, 5),
            LocalDate.of(2026, 2, 4),
            "system",
            true,
            null,
            0);
    assertThat(read(store(), (Transaction t) -> t.attestations().insertIfAbsent(request))).isTrue();
    assertThat(
            read(
                store(),
                (Transaction t) ->
                    t.attestations()
                        .insertIfAbsent(
                            new Attestation(
                                Id.random(),
                                org.id(),
                                m.id(),
                                policy,
                                version,
                                LocalDate.of(2026, 1, 6),
                                LocalDate.of(2026, 2, 5),
                                "officer",
                                false,
                                null,
                                0))))
        .isFalse();
    Attestation.Evidence evidence =
        new Attestation.Evidence(
            "I have read PRIV-01 v2.",
            Fixtures.sha256("s"),
            Fixtures.sha256("p"),
            T0,
            LocalDate.of(2026, 1, 5),
            AttestationMethod.ON_BEHALF,
            "officer",
            null,
            "signed on paper",
            Fixtures.sha256("r"),
            "urn:uuid:1",
            "{\"proof\":{}}");
    Attestation attested =
        read(store(), (Transaction t) -> t.attestations().update(request.attested(evidence)));
    assertThat(attested.version()).isEqualTo(1);
    assertThat(read(store(), (Transaction t) -> t.attestations().find(org.id(), m.id(), version)))
        .contains(attested);
    assertThat(read(store(), (Transaction t) -> t.attestations().forMember(org.id(), m.id())))
        .containsExactly(attested);
    assertThat(read(store(), (Transaction t) -> t.attestations().forVersion(org.id(), version)))
        .containsExactly(attested);
    assertThatThrownBy(
            () ->
                read(
                    store(),
                    (Transaction t) -> t.attestations().update(request.attested(evidence))))
        .isInstanceOf(ConflictException.class);
    read(
        store(),
        (Transaction t) -> {
          t.attestations().delete(org.id(), request.id());
          return null;
        });
    assertThat(read(store(), (Transaction t) -> t.attestations().find(org.id(), request.id())))
        .isEmpty();
  }

  @Test
  default void holdsTombstonesReviewsDecisionsRemindersAndGrantsRoundTrip() {
    Organization org = newOrg(store());
    WorkforceMember m = read(store(), (Transaction t) -> t.members().insert(member(org, "E1")));
    LegalHold hold =
        new LegalHold(
            Id.random(),
            org.id(),
            "Matter 12",
            m.id(),
            LocalDate.of(2020, 1, 1),
            null,
            "officer",
            T0,
            null,
            null);
    Tombstone tomb =
        new Tombstone(
            Id.random(),
            org.id(),
            RecordKind.COMPLETION,
            "c-1",
            LocalDate.of(2032, 1, 1),
            T0,
            "officer");
    PolicyReview review =
        new PolicyReview(
            Id.random(),
            org.id(),
            Id.random(),
            LocalDate.of(2026, 1, 2),
            "officer",
            "fine",
            false,
            LocalDate.of(2027, 1, 2),
            T0);
    AddressableDecision decision =
        new AddressableDecision(
            Id.random(),
            org.id(),
            RegulatoryTopic.LOG_IN_MONITORING,
            1,
            false,
            "covered by SIEM alerts",
            "automated alerts",
            LocalDate.of(2026, 1, 2),
            "officer",
            T0);
    SecurityReminder reminder =
        new SecurityReminder(
            Id.random(),
            org.id(),
            "Phishing",
            "Watch out",
            Fixtures.sha256("Watch out"),
            "email",
            LocalDate.of(2026, 1, 5),
            T0,
            "officer",
            true,
            List.of(new SecurityReminder.Recipient(m.id(), null)));
    CrossOrganizationGrant grant =
        new CrossOrganizationGrant(
            Id.random(),
            org.id(),
            "support-1",
            "platform",
            "TICKET-9",
            T0,
            T0.plusSeconds(3600),
            null);
    read(
        store(),
        (Transaction t) -> {
          t.retention().saveHold(hold);
          t.retention().insertTombstone(tomb);
          t.documentation().insertReview(review);
          t.documentation().insertDecision(decision);
          t.documentation().saveReminder(reminder);
          t.grants().save(grant);
          return null;
        });
    LegalHold released =
        new LegalHold(
            hold.id(),
            org.id(),
            hold.matter(),
            hold.member(),
            hold.from(),
            null,
            "officer",
            T0,
            "officer-2",
            T0.plusSeconds(5));
    SecurityReminder acknowledged = reminder.acknowledged(m.id(), T0.plusSeconds(9));
    read(
        store(),
        (Transaction t) -> {
          t.retention().saveHold(released);
          t.documentation().saveReminder(acknowledged);
          return null;
        });
    assertThat(read(store(), (Transaction t) -> t.retention().holds(org.id())))
        .containsExactly(released);
    assertThat(read(store(), (Transaction t) -> t.retention().tombstones(org.id())))
        .containsExactly(tomb);
    assertThat(
            read(store(), (Transaction t) -> t.documentation().reviews(org.id(), review.policy())))
        .containsExactly(review);
    assertThat(read(store(), (Transaction t) -> t.documentation().decisions(org.id())))
        .containsExactly(decision);
    assertThat(
            read(
                store(),
                (Transaction t) -> t.documentation().findReminder(org.id(), reminder.id())))
        .contains(acknowledged);
    assertThat(read(store(), (Transaction t) -> t.documentation().reminders(org.id())))
        .containsExactly(acknowledged);
    assertThat(read(store(), (Transaction t) -> t.grants().forActor(org.id(), "support-1")))
        .containsExactly(grant);
    assertThatThrownBy(
            () ->
                read(
                    store(),
                    (Transaction t) -> {
                      t.documentation().insertDecision(decision);
                      return null;
                    }))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  default void certificatesHaveUniqueStatusIndexesAndKeepTheirStatus() {
    Organization org = newOrg(store());
    WorkforceMember m = read(store(), (Transaction t) -> t.members().insert(member(org, "E1")));
    Certificate cert =
        new Certificate(
            Id.random(),
            org.id(),
            m.id(),
            Id.random(),
            Id.random(),
            Id.random(),
            "urn:uuid:c1",
            "ABCD-EFGH-JK",
            "{\"a\":1}",
            4242,
            T0,
            LocalDate.of(2026, 1, 5),
            LocalDate.of(2027, 1, 5),
            Certificate.Status.VALID,
            null,
            null,
            0);
    read(
        store(),
        (Transaction t) -> {
          t.certificates().insert(cert);
          return null;
        });
    assertThat(read(store(), (Transaction t) -> t.certificates().statusIndexTaken(org.id(), 4242)))
        .isTrue();
    assertThat(read(store(), (Transaction t) -> t.certificates().statusIndexTaken(org.id(), 4243)))
        .isFalse();
    Certificate clash =
        new Certificate(
            Id.random(),
            org.id(),
            m.id(),
            Id.random(),
            Id.random(),
            Id.random(),
            "urn:uuid:c2",
            "ZZZZ",
            "{}",
            4242,
            T0,
            LocalDate.of(2026, 1, 5),
            null,
            Certificate.Status.VALID,
            null,
            null,
            0);
    assertThatThrownBy(
            () ->
                read(
                    store(),
                    (Transaction t) -> {
                      t.certificates().insert(clash);
                      return null;
                    }))
        .isInstanceOf(ConflictException.class);
    Certificate revoked =
        read(
            store(),
            (Transaction t) ->
                t.certificates()
                    .update(
                        cert.withStatus(
                            Certificate.Status.REVOKED, "issued in error", T0.plusSeconds(5))));
    assertThat(read(store(), (Transaction t) -> t.certificates().find(org.id(), cert.id())))
        .contains(revoked);
    assertThat(
            read(store(), (Transaction t) -> t.certificates().findByCode(org.id(), "ABCD-EFGH-JK")))
        .contains(revoked);
    assertThat(read(store(), (Transaction t) -> t.certificates().forMember(org.id(), m.id())))
        .containsExactly(revoked);
    assertThat(
            read(
                store(),
                (Transaction t) ->
                    t.certificates().statusIndexes(org.id(), Certificate.Status.REVOKED)))
        .containsExactly(4242);
    assertThat(
            read(
                store(),
                (Transaction t) ->
                    t.certificates().statusIndexes(org.id(), Certificate.Status.VALID)))
        .isEmpty();
  }

  @Test
  default void certificationsAndTheirKindsRoundTrip() {
    Organization org = newOrg(store());
    WorkforceMember m = read(store(), (Transaction t) -> t.members().insert(member(org, "E1")));
    CertificationKind kind =
        new CertificationKind(
            Id.random(), org.id(), "CHPS", "HIPAA certification", Set.of(Id.random()), T0);
    Certification cert =
        new Certification(
            Id.random(),
            org.id(),
            m.id(),
            kind.id(),
            "Provider",
            "C-77",
            LocalDate.of(2026, 1, 2),
            LocalDate.of(2027, 1, 1),
            Fixtures.sha256("pdf"),
            new Certification.Verification(true, "proof valid; issuer trusted", T0),
            T0,
            "officer");
    Certification older =
        new Certification(
            Id.random(),
            org.id(),
            m.id(),
            kind.id(),
            "Provider",
            "C-70",
            LocalDate.of(2025, 1, 2),
            null,
            null,
            null,
            T0,
            "officer");
    read(
        store(),
        (Transaction t) -> {
          t.certifications().insertKind(kind);
          t.certifications().insert(cert);
          t.certifications().insert(older);
          return null;
        });
    assertThat(read(store(), (Transaction t) -> t.certifications().kinds(org.id())))
        .containsExactly(kind);
    assertThat(read(store(), (Transaction t) -> t.certifications().forMember(org.id(), m.id())))
        .containsExactly(older, cert);
    assertThatThrownBy(
            () ->
                read(
                    store(),
                    (Transaction t) -> {
                      t.certifications()
                          .insertKind(
                              new CertificationKind(
                                  Id.random(), org.id(), "CHPS", "dup", Set.of(), T0));
                      return null;
                    }))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(
            () ->
                read(
                    store(),
                    (Transaction t) -> {
                      t.certifications()
                          .insert(
                              new Certification(
                                  Id.random(),
                                  org.id(),
                                  m.id(),
                                  kind.id(),
                                  "Provider",
                                  "C-77",
                                  LocalDate.of(2026, 1, 2),
                                  null,
                                  null,
                                  null,
                                  T0,
                                  "officer"));
                      return null;
                    }))
        .isInstanceOf(ConflictException.class);
  }
}
