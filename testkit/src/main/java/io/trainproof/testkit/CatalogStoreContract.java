package io.trainproof.testkit;

import static io.trainproof.testkit.ContractRecords.T0;
import static io.trainproof.testkit.ContractRecords.newOrg;
import static io.trainproof.testkit.ContractRecords.read;
import static io.trainproof.testkit.ContractRecords.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.ConflictException;
import io.trainproof.core.domain.AttestationTrigger;
import io.trainproof.core.domain.Audience;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.CourseVersion;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.Policy;
import io.trainproof.core.domain.PolicyVersion;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.RegulatoryTopic;
import io.trainproof.core.domain.ReminderSchedule;
import io.trainproof.core.domain.Requirement;
import io.trainproof.core.domain.RequirementTerms;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.spi.Store;
import io.trainproof.core.spi.Transaction;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The storage contract for the catalog: policies and their versions, courses and their versions,
 * requirements, with their orders, unique numbers and lost-update checks. {@link StoreContract}
 * implements this interface, so every store's contract test runs these cases with the rest. Each
 * case works in organizations of its own.
 */
public interface CatalogStoreContract {
  /**
   * @return the store under test, fresh (or shared) per test
   */
  Store store();

  @Test
  default void policyVersionsAreOrderedAndTheirNumbersUnique() {
    Organization org = newOrg(store());
    Policy policy =
        new Policy(
            Id.random(),
            org.id(),
            "PRIV",
            "Privacy",
            Audience.roles("nurse"),
            AttestationTrigger.MATERIAL_ONLY,
            14,
            LocalDate.of(2027, 1, 1),
            T0,
            0);
    PolicyVersion v1 =
        new PolicyVersion(
            Id.random(),
            policy.id(),
            org.id(),
            1,
            LocalDate.of(2025, 1, 1),
            Fixtures.sha256("one"),
            "first",
            false,
            Set.of(),
            null,
            T0);
    PolicyVersion v2 =
        new PolicyVersion(
            Id.random(),
            policy.id(),
            org.id(),
            2,
            LocalDate.of(2026, 1, 1),
            Fixtures.sha256("two"),
            "second",
            true,
            Set.of("nurse"),
            null,
            T0.plusSeconds(5));
    read(
        store(),
        (Transaction t) -> {
          t.policies().insert(policy);
          t.policies().insertVersion(v2);
          t.policies().insertVersion(v1);
          t.policies().updateVersion(v1.endedOn(LocalDate.of(2025, 12, 31)));
          return null;
        });
    assertThat(read(store(), (Transaction t) -> t.policies().versions(org.id(), policy.id())))
        .containsExactly(v1.endedOn(LocalDate.of(2025, 12, 31)), v2);
    assertThat(read(store(), (Transaction t) -> t.policies().list(org.id())))
        .containsExactly(policy);
    Policy reviewed =
        read(
            store(),
            (Transaction t) ->
                t.policies().update(policy.withReviewDueOn(LocalDate.of(2028, 1, 1))));
    assertThat(reviewed.version()).isEqualTo(1);
    assertThat(read(store(), (Transaction t) -> t.policies().find(org.id(), policy.id())))
        .contains(reviewed);
    assertThatThrownBy(() -> read(store(), (Transaction t) -> t.policies().update(policy)))
        .isInstanceOf(ConflictException.class);
    assertThat(read(store(), (Transaction t) -> t.policies().findVersion(org.id(), v2.id())))
        .contains(v2);
    PolicyVersion duplicate =
        new PolicyVersion(
            Id.random(),
            policy.id(),
            org.id(),
            2,
            LocalDate.of(2027, 1, 1),
            Fixtures.sha256("three"),
            "dup",
            false,
            Set.of(),
            null,
            T0);
    assertThatThrownBy(
            () ->
                read(
                    store(),
                    (Transaction t) -> {
                      t.policies().insertVersion(duplicate);
                      return null;
                    }))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  default void coursesAndVersionsRoundTrip() {
    Organization org = newOrg(store());
    Course course = new Course(Id.random(), org.id(), "C1", "Course", T0);
    CourseVersion v1 =
        new CourseVersion(
            Id.random(),
            course.id(),
            org.id(),
            "1",
            Set.of(Id.random()),
            Set.of(RegulatoryTopic.PRIVACY_RULE, RegulatoryTopic.PASSWORD_MANAGEMENT),
            80,
            true,
            Fixtures.sha256("c"),
            T0,
            Period.ofMonths(24));
    CourseVersion v2 =
        new CourseVersion(
            Id.random(),
            course.id(),
            org.id(),
            "2",
            Set.of(),
            Set.of(),
            0,
            false,
            null,
            T0.plusSeconds(1));
    read(
        store(),
        (Transaction t) -> {
          t.courses().insert(course);
          t.courses().insertVersion(v2);
          t.courses().insertVersion(v1);
          return null;
        });
    assertThat(read(store(), (Transaction t) -> t.courses().versions(org.id(), course.id())))
        .containsExactly(v1, v2);
    assertThat(read(store(), (Transaction t) -> t.courses().find(org.id(), course.id())))
        .contains(course);
    assertThat(read(store(), (Transaction t) -> t.courses().findVersion(org.id(), v1.id())))
        .contains(v1);
    assertThatThrownBy(
            () ->
                read(
                    store(),
                    (Transaction t) -> {
                      t.courses().insert(new Course(Id.random(), org.id(), "C1", "Same code", T0));
                      return null;
                    }))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  default void requirementsRoundTripAndDetectLostUpdates() {
    Organization org = newOrg(store());
    RequirementTerms terms =
        new RequirementTerms(
            LocalDate.of(2025, 1, 1),
            new Audience(Set.of("nurse"), Set.of("ICU"), Set.of(WorkforceType.EMPLOYEE)),
            Id.random(),
            30,
            Recurrence.fixedDate(MonthDay.of(2, 29)),
            Period.ofDays(30),
            Period.ofMonths(6),
            7,
            45,
            new ReminderSchedule(List.of(14, 3), true, List.of(7, 14), 21),
            true);
    Requirement r =
        read(
            store(),
            (Transaction t) ->
                t.requirements()
                    .insert(
                        new Requirement(Id.random(), org.id(), "R", "why", List.of(terms), T0, 0)));
    assertThat(read(store(), (Transaction t) -> t.requirements().find(org.id(), r.id())))
        .contains(r);
    Requirement changed = r.withTerms(terms.withActive(LocalDate.of(2026, 1, 1), false));
    Requirement updated = read(store(), (Transaction t) -> t.requirements().update(changed));
    assertThat(updated.version()).isEqualTo(1);
    assertThat(read(store(), (Transaction t) -> t.requirements().list(org.id())))
        .containsExactly(updated);
    assertThatThrownBy(() -> read(store(), (Transaction t) -> t.requirements().update(changed)))
        .isInstanceOf(ConflictException.class);
    RequirementTerms every =
        new RequirementTerms(
            LocalDate.of(2027, 1, 1),
            Audience.everyone(),
            Id.random(),
            0,
            Recurrence.every(Period.ofMonths(18), Recurrence.CountFrom.EXPIRY),
            Period.ZERO,
            Period.ZERO,
            0,
            null,
            ReminderSchedule.none(),
            true);
    Requirement third =
        read(store(), (Transaction t) -> t.requirements().update(updated.withTerms(every)));
    assertThat(
            read(store(), (Transaction t) -> t.requirements().find(org.id(), r.id()))
                .orElseThrow()
                .history())
        .containsExactly(terms, terms.withActive(LocalDate.of(2026, 1, 1), false), every);
    assertThat(third.version()).isEqualTo(2);
  }
}
