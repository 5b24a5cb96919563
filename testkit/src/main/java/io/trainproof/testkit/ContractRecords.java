package io.trainproof.testkit;

import io.trainproof.core.domain.Assignment;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.Certificate;
import io.trainproof.core.domain.Completion;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.core.domain.EvidenceFile;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.MemberTerms;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Provenance;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.spi.Store;
import io.trainproof.core.spi.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The small records the storage contracts write straight into a store (an organization, a member, a
 * certificate), shared so each contract does not keep its own copy.
 */
final class ContractRecords {
  /** Instants with microsecond precision, which every supported database keeps exactly. */
  static final Instant T0 = Instant.parse("2026-01-05T14:15:30.123456Z");

  /**
   * When tests that write many outbox messages run: a century after {@link #T0}, so no other test's
   * dispatcher, claiming what is due around T0 from a shared database, takes them.
   */
  static final Instant CENTURY_ON = T0.plus(Duration.ofDays(36_500));

  private ContractRecords() {}

  /** A new organization of the store contract's cases (Asia/Kathmandu, 7 years), inserted. */
  static Organization newOrg(Store store) {
    return organization(store, ZoneId.of("Asia/Kathmandu"), Period.ofYears(7), T0);
  }

  static WorkforceMember member(Organization org, String externalId) {
    return new WorkforceMember(
        Id.random(),
        org.id(),
        externalId,
        "Name " + externalId,
        LocalDate.of(2025, 2, 28),
        List.of(
            new MemberTerms(
                LocalDate.of(2025, 2, 28),
                WorkforceType.CONTRACTOR,
                Set.of("nurse", "lead"),
                "ICU",
                null,
                MemberStatus.ACTIVE)),
        0);
  }

  static Assignment assignment(Organization org, WorkforceMember m, String key) {
    return new Assignment(
        Id.random(),
        org.id(),
        m.id(),
        Id.random(),
        Id.random(),
        AssignmentReason.POLICY_CHANGE,
        Id.random(),
        key,
        LocalDate.of(2026, 1, 5),
        T0,
        "officer",
        LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 2, 4),
        List.of(),
        null,
        null,
        0);
  }

  @SuppressWarnings("DistinctVarargsChecker") // why: each Id.random() is a new id
  static Completion completion(
      Organization org,
      WorkforceMember m,
      LocalDate on,
      Instant at,
      boolean passed,
      @Nullable Integer score) {
    return new Completion(
        Id.random(),
        org.id(),
        m.id(),
        Set.of("nurse"),
        WorkforceType.TRAINEE,
        Id.random(),
        Id.random(),
        Id.random(),
        Fixtures.sha256("content"),
        Set.of(Id.random(), Id.random()),
        AssignmentReason.POLICY_CHANGE,
        Id.random(),
        LocalDate.of(2026, 1, 15),
        LocalDate.of(2026, 1, 10),
        LocalDate.of(2026, 2, 14),
        on,
        at,
        score,
        passed,
        new Provenance(CompletionMethod.CLASSROOM, "instructor-7", "Room 4", "sheet-12", null),
        List.of(new EvidenceFile("sign-in.pdf", Fixtures.sha256("pdf"))),
        LocalDate.of(2033, 2, 1));
  }

  static MemberTerms terms(
      String from, WorkforceType type, String department, MemberStatus status) {
    return new MemberTerms(LocalDate.parse(from), type, Set.of("nurse"), department, null, status);
  }

  static MemberTerms terms(
      String from, WorkforceType type, String department, MemberStatus status, Set<String> roles) {
    return new MemberTerms(LocalDate.parse(from), type, roles, department, null, status);
  }

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
