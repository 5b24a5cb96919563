package io.trainproof.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.status.RequirementStatus;
import io.trainproof.reporting.report.AcknowledgementMatrix;
import io.trainproof.reporting.report.PolicyVersionsInForce;
import io.trainproof.reporting.report.RenewalForecast;
import io.trainproof.reporting.report.RoleContentMatrix;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The acknowledgement matrix, the role-to-content matrix, the policy versions in force and the
 * renewal forecast, on the clinic of {@link Clinic} (policy PRIV v1 from 2025-12-01, a material v2
 * for nurses from 2026-04-15, member A attesting v2 on 2026-06-01).
 */
class PolicyAndForecastReportsTest {
  private Clinic clinic;
  private Reporting reporting;

  @BeforeEach
  void setUp() {
    clinic = new Clinic();
    reporting = Reporting.builder(clinic.tp).build();
  }

  @Test
  void theAcknowledgementMatrixShowsEachMembersStandingOnEachVersionAsOfTheDate() {
    AcknowledgementMatrix m =
        reporting.reports().acknowledgementMatrix(clinic.officer, Clinic.TODAY);
    assertThat(m.versions())
        .extracting(AcknowledgementMatrix.Version::label, AcknowledgementMatrix.Version::inForce)
        .containsExactly(tuple("PRIV v1", false), tuple("PRIV v2", true));
    int v2 = 1;
    AcknowledgementMatrix.MemberRow a = row(m, clinic.a);
    assertThat(a.cells().get(v2).state()).isEqualTo("ATTESTED");
    assertThat(a.cells().get(v2).attestedOn()).isEqualTo(LocalDate.of(2026, 6, 1));
    assertThat(row(m, clinic.c).cells().get(v2).state()).isEqualTo("NOT_REQUESTED");

    // The day before A attested, the matrix of that date knows nothing of it.
    AcknowledgementMatrix before =
        reporting.reports().acknowledgementMatrix(clinic.officer, LocalDate.of(2026, 5, 31));
    assertThat(row(before, clinic.a).cells().get(v2).state()).isNotEqualTo("ATTESTED");
    assertThat(row(before, clinic.a).cells().get(v2).attestedOn()).isNull();
    // Before v2 took effect it is not a column in force.
    assertThat(
            reporting
                .reports()
                .acknowledgementMatrix(clinic.officer, LocalDate.of(2026, 4, 1))
                .versions())
        .extracting(AcknowledgementMatrix.Version::label, AcknowledgementMatrix.Version::inForce)
        .contains(tuple("PRIV v1", true))
        .doesNotContain(tuple("PRIV v2", true));
  }

  private static AcknowledgementMatrix.MemberRow row(
      AcknowledgementMatrix m, WorkforceMember member) {
    return m.members().stream()
        .filter(r -> r.externalId().equals(member.externalId()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theRoleContentMatrixSaysWhatEachRoleMustTakeAndWhy() {
    RoleContentMatrix m = reporting.reports().roleContentMatrix(clinic.officer, Clinic.TODAY);
    assertThat(m.rows())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.role()).isEqualTo(RoleContentMatrix.ALL_ROLES);
              assertThat(r.requirement()).isEqualTo("HIPAA privacy basics");
              assertThat(r.course()).isEqualTo("PRIV-101");
              assertThat(r.retrainWithinDays()).isEqualTo(30);
              assertThat(r.recurrence()).isNotBlank();
              assertThat(r.rationale()).isNotBlank();
            });
    assertThat(
            reporting
                .reports()
                .roleContentMatrix(clinic.officer, LocalDate.of(2025, 12, 31))
                .rows())
        .as("the requirement took effect 2026-01-01")
        .isEmpty();
  }

  @Test
  void policyVersionsInForceCarryTheirTextHashesAsOfTheDate() {
    PolicyVersionsInForce now =
        reporting.reports().policyVersionsInForce(clinic.officer, Clinic.TODAY);
    assertThat(now.rows())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.policy()).isEqualTo("PRIV");
              assertThat(r.number()).isEqualTo(2);
              assertThat(r.effectiveFrom()).isEqualTo(LocalDate.of(2026, 4, 15));
              assertThat(r.material()).isTrue();
              assertThat(r.affectedRoles()).containsExactly("nurse");
              assertThat(r.textSha256()).isEqualTo(clinic.change.textSha256());
            });
    assertThat(
            reporting
                .reports()
                .policyVersionsInForce(clinic.officer, LocalDate.of(2026, 4, 14))
                .rows())
        .singleElement()
        .satisfies(r -> assertThat(r.number()).isEqualTo(1));
  }

  @Test
  void theRenewalForecastCountsWhatComesDueInEachOfTheNextTwelveMonths() {
    RenewalForecast f = reporting.reports().renewalForecast(clinic.officer, Clinic.TODAY);
    YearMonth first = YearMonth.of(2026, 6);
    assertThat(f.months())
        .extracting(RenewalForecast.Month::month)
        .containsExactlyElementsOf(IntStream.range(0, 12).mapToObj(first::plusMonths).toList());
    // D (hired 2026-06-20) is due 2026-07-20; F's assignment was extended to 2026-08-15.
    assertThat(month(f, 2026, 7).assignmentsDue()).isGreaterThanOrEqualTo(1);
    assertThat(month(f, 2026, 8).assignmentsDue()).isGreaterThanOrEqualTo(1);

    // Every month's counts are what the members' own statuses say, read one member at a time.
    Map<YearMonth, int[]> expected = new HashMap<>();
    for (WorkforceMember m : clinic.tp.workforce().list(clinic.officer)) {
      if (!m.activeOn(Clinic.TODAY)) {
        continue;
      }
      for (RequirementStatus st :
          clinic.tp.status().forMember(clinic.officer, m.id(), Clinic.TODAY)) {
        if (st.openAssignment() != null && st.dueOn() != null) {
          bump(expected, st.dueOn(), 0);
        } else if (st.validUntil() != null) {
          bump(expected, st.validUntil(), 1);
        }
      }
    }
    for (RenewalForecast.Month month : f.months()) {
      int[] e = expected.getOrDefault(month.month(), new int[2]);
      assertThat(new int[] {month.assignmentsDue(), month.completionsExpiring()})
          .as("%s", month.month())
          .containsExactly(e);
    }
    assertThat(f.months().stream().mapToInt(RenewalForecast.Month::total).sum()).isPositive();
  }

  private static void bump(Map<YearMonth, int[]> counts, LocalDate on, int which) {
    if (!on.isBefore(Clinic.TODAY)
        && !YearMonth.from(on).isAfter(YearMonth.from(Clinic.TODAY).plusMonths(11))) {
      counts.computeIfAbsent(YearMonth.from(on), k -> new int[2])[which]++;
    }
  }

  private static RenewalForecast.Month month(RenewalForecast f, int year, int month) {
    return f.months().stream()
        .filter(m -> m.month().equals(YearMonth.of(year, month)))
        .findFirst()
        .orElseThrow();
  }
}
