package io.trainproof.testkit;

import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.spi.Store;
import io.trainproof.core.spi.Transaction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The small records the storage contracts write straight into a store (an organization, a member, a
 * certificate), shared so each contract does not keep its own copy.
 */
final class ContractRecords {
  private ContractRecords() {}

  /** A new organization, inserted. */
  static Organization organization(Store store, ZoneId zone, Period retention, Instant createdAt) {
    Organization org = new Organization(Id.random(), "Org", zone, retention, createdAt);
    inTx(store, t -> t.organizations().insert(org));
    return org;
  }

  /** A new active employee of an organization (a nurse in ICU since 2025-02-28), inserted. */
  static WorkforceMember member(Store store, Organization org) {
    WorkforceMember m =
        new WorkforceMember(
            Id.random(),
            org.id(),
            "E-" + Id.random(),
            "A member",
            LocalDate.of(2025, 2, 28),
            List.of(
                new MemberTerms(
                    LocalDate.of(2025, 2, 28),
                    WorkforceType.EMPLOYEE,
                    Set.of("nurse"),
                    "ICU",
                    null,
                    MemberStatus.ACTIVE)),
            0);
    return read(store, t -> t.members().insert(m));
  }

  /** A valid certificate of a member (not inserted), with its own ids and serial {@code index}. */
  static Certificate certificate(
      Organization org,
      WorkforceMember m,
      String verificationCode,
      int index,
      Instant issuedAt,
      LocalDate validUntil) {
    return new Certificate(
        Id.random(),
        org.id(),
        m.id(),
        Id.random(),
        Id.random(),
        Id.random(),
        "urn:uuid:" + Id.random(),
        verificationCode,
        "{}",
        index,
        issuedAt,
        validUntil,
        null,
        Certificate.Status.VALID,
        null,
        null,
        0);
  }

  /** Runs work in a transaction of the store and returns its result. */
  static <T> T read(Store store, Function<Transaction, T> work) {
    return store.inTransaction(work);
  }

  /** Runs work in a transaction of the store. */
  static void inTx(Store store, Consumer<Transaction> work) {
    store.inTransaction(
        t -> {
          work.accept(t);
          return null;
        });
  }
}
