package io.trainproof.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.IssuedCredential;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.spi.Store;
import io.trainproof.core.spi.Transaction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The storage contract for the credentials the SDK signed that are not certificates ({@link
 * IssuedCredential}) and for the status index space they share with certificates: one index is held
 * once per organization, by a certificate or by an issued credential, never both. {@link
 * StoreContract} implements this interface, so every store's contract test runs these cases with
 * the rest. Each case works in organizations of its own.
 */
public interface IssuedCredentialContract {
  /** A signing instant with microsecond precision, which every supported database keeps. */
  Instant ISSUED_AT = Instant.parse("2026-02-03T04:05:06.123456Z");

  /**
   * @return the store under test, fresh (or shared) per test
   */
  Store store();

  @Test
  default void issuedCredentialsRoundTripAndAreRevokedByTheirCredentialId() {
    Organization org = newOrganization();
    Organization other = newOrganization();
    IssuedCredential issued =
        IssuedCredential.issued(
            org.id(),
            IssuedCredential.Kind.HOST_SIGNED,
            "urn:uuid:5b0f4c8e-6d0a-4b5e-9a41-2f7c3d1e0a99",
            Fixtures.sha256("signed"),
            77,
            ISSUED_AT);
    inTx(t -> t.certificates().insertCredential(issued));
    assertThat(
            read(
                (Transaction t) ->
                    t.certificates().findCredential(org.id(), issued.credentialId())))
        .contains(issued);
    assertThat(
            read(
                (Transaction t) ->
                    t.certificates().findCredential(other.id(), issued.credentialId())))
        .as("another organization does not see it")
        .isEmpty();
    assertThat(
            read(
                (Transaction t) ->
                    t.certificates()
                        .findCredential(org.id(), issued.credentialId().toUpperCase(Locale.ROOT))))
        .as("credential ids compare exactly")
        .isEmpty();
    assertThat(read((Transaction t) -> t.certificates().statusIndexTaken(org.id(), 77))).isTrue();
    assertThat(read((Transaction t) -> t.certificates().statusIndexTaken(other.id(), 77)))
        .isFalse();

    IssuedCredential revoked =
        read(
            (Transaction t) ->
                t.certificates()
                    .updateCredential(issued.revoked("signed in error", ISSUED_AT.plusSeconds(9))));
    assertThat(revoked.version()).isEqualTo(1);
    assertThat(revoked.status()).isEqualTo(IssuedCredential.Status.REVOKED);
    assertThat(
            read(
                (Transaction t) ->
                    t.certificates().findCredential(org.id(), issued.credentialId())))
        .contains(revoked);
    assertThat(
            read(
                (Transaction t) ->
                    t.certificates()
                        .credentialStatusIndexes(org.id(), IssuedCredential.Status.REVOKED)))
        .containsExactly(77);
    assertThat(
            read(
                (Transaction t) ->
                    t.certificates()
                        .credentialStatusIndexes(org.id(), IssuedCredential.Status.VALID)))
        .isEmpty();
    assertThat(
            read(
                (Transaction t) ->
                    t.certificates()
                        .credentialStatusIndexes(other.id(), IssuedCredential.Status.REVOKED)))
        .isEmpty();
    assertThat(
            read(
                (Transaction t) ->
                    t.certificates().statusIndexes(org.id(), Certificate.Status.REVOKED)))
        .as("the certificates' own indexes")
        .isEmpty();
    assertThatThrownBy(() -> read((Transaction t) -> t.certificates().updateCredential(issued)))
        .as("an update from a stale read")
        .isInstanceOf(ConflictException.class);
    IssuedCredential elsewhere =
        new IssuedCredential(
            issued.id(),
            other.id(),
            issued.kind(),
            issued.credentialId(),
            issued.credentialSha256(),
            issued.statusIndex(),
            issued.issuedAt(),
            IssuedCredential.Status.REVOKED,
            "not mine",
            ISSUED_AT,
            1);
    assertThatThrownBy(() -> read((Transaction t) -> t.certificates().updateCredential(elsewhere)))
        .as("an update naming another organization")
        .isInstanceOf(ConflictException.class);
    assertThat(
            read(
                (Transaction t) ->
                    t.certificates().findCredential(org.id(), issued.credentialId())))
        .contains(revoked);
  }

  @Test
  default void certificatesAndIssuedCredentialsShareOneStatusIndexSpace() {
    Organization org = newOrganization();
    Organization other = newOrganization();
    WorkforceMember member = newMember(org);
    inTx(t -> t.certificates().insert(certificate(org, member, 100)));
    assertThatThrownBy(() -> inTx(t -> t.certificates().insertCredential(credential(org, 100))))
        .as("an index a certificate holds")
        .isInstanceOf(ConflictException.class);
    IssuedCredential attestation =
        IssuedCredential.issued(
            org.id(),
            IssuedCredential.Kind.ATTESTATION,
            "urn:uuid:" + Id.random(),
            Fixtures.sha256("sealed"),
            101,
            ISSUED_AT);
    inTx(t -> t.certificates().insertCredential(attestation));
    assertThat(read((Transaction t) -> t.certificates().statusIndexTaken(org.id(), 100))).isTrue();
    assertThat(read((Transaction t) -> t.certificates().statusIndexTaken(org.id(), 101))).isTrue();
    assertThat(read((Transaction t) -> t.certificates().statusIndexTaken(org.id(), 102))).isFalse();
    assertThatThrownBy(() -> inTx(t -> t.certificates().insert(certificate(org, member, 101))))
        .as("an index an issued credential holds")
        .isInstanceOf(ConflictException.class);

    // another organization has an index space of its own
    WorkforceMember stranger = newMember(other);
    inTx(t -> t.certificates().insert(certificate(other, stranger, 101)));
    inTx(t -> t.certificates().insertCredential(credential(other, 100)));
    assertThat(
            read(
                (Transaction t) ->
                    List.of(
                        t.certificates().statusIndexTaken(other.id(), 100),
                        t.certificates().statusIndexTaken(other.id(), 101),
                        t.certificates().statusIndexTaken(other.id(), 102))))
        .containsExactly(true, true, false);
  }

  @Test
  default void aCredentialIdIsIssuedOncePerOrganizationAndARefusedInsertLeavesNothing() {
    Organization org = newOrganization();
    Organization other = newOrganization();
    IssuedCredential first = credential(org, 5);
    inTx(t -> t.certificates().insertCredential(first));
    IssuedCredential sameId =
        IssuedCredential.issued(
            org.id(),
            IssuedCredential.Kind.HOST_SIGNED,
            first.credentialId(),
            Fixtures.sha256("again"),
            6,
            ISSUED_AT);
    assertThatThrownBy(() -> inTx(t -> t.certificates().insertCredential(sameId)))
        .isInstanceOf(ConflictException.class);
    assertThat(read((Transaction t) -> t.certificates().statusIndexTaken(org.id(), 6)))
        .as("the refused insert left its index free")
        .isFalse();
    assertThat(
            read(
                (Transaction t) -> t.certificates().findCredential(org.id(), first.credentialId())))
        .contains(first);
    assertThatThrownBy(
            () ->
                inTx(
                    t ->
                        t.certificates()
                            .insertCredential(
                                IssuedCredential.issued(
                                    org.id(),
                                    IssuedCredential.Kind.HOST_SIGNED,
                                    "urn:uuid:" + Id.random(),
                                    Fixtures.sha256("third"),
                                    5,
                                    ISSUED_AT))))
        .as("an index an issued credential holds")
        .isInstanceOf(ConflictException.class);
    IssuedCredential theirs =
        IssuedCredential.issued(
            other.id(),
            IssuedCredential.Kind.HOST_SIGNED,
            first.credentialId(),
            Fixtures.sha256("theirs"),
            5,
            ISSUED_AT);
    inTx(t -> t.certificates().insertCredential(theirs));
    assertThat(
            read(
                (Transaction t) ->
                    t.certificates().findCredential(other.id(), first.credentialId())))
        .contains(theirs);
    assertThat(
            read(
                (Transaction t) -> t.certificates().findCredential(org.id(), first.credentialId())))
        .contains(first);
  }

  private Organization newOrganization() {
    return ContractRecords.organization(
        store(), ZoneId.of("Asia/Kathmandu"), Period.ofYears(7), ISSUED_AT);
  }

  private WorkforceMember newMember(Organization org) {
    return ContractRecords.member(store(), org);
  }

  private static Certificate certificate(Organization org, WorkforceMember m, int index) {
    return ContractRecords.certificate(
        org, m, "CODE-" + index, index, ISSUED_AT, LocalDate.of(2026, 2, 3));
  }

  private static IssuedCredential credential(Organization org, int index) {
    return IssuedCredential.issued(
        org.id(),
        IssuedCredential.Kind.HOST_SIGNED,
        "urn:uuid:" + Id.random(),
        Fixtures.sha256("credential " + index),
        index,
        ISSUED_AT);
  }

  private <T> T read(Function<Transaction, T> work) {
    return ContractRecords.read(store(), work);
  }

  private void inTx(Consumer<Transaction> work) {
    ContractRecords.inTx(store(), work);
  }
}
