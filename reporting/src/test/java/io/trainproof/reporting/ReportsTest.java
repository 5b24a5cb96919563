package io.trainproof.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainproof.core.ForbiddenException;
import io.trainproof.core.ValidationException;
import io.trainproof.core.status.ComplianceStatus;
import io.trainproof.reporting.report.DateRange;
import io.trainproof.reporting.report.Dimension;
import io.trainproof.reporting.report.MemberTranscript;
import io.trainproof.reporting.report.NewHireTimeliness;
import io.trainproof.reporting.report.OrganizationSummary;
import io.trainproof.reporting.report.OverdueAndExpiring;
import io.trainproof.reporting.report.RetrainingReport;
import io.trainproof.reporting.report.WaiversAndExtensions;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportsTest {
  Clinic clinic;
  Reporting reporting;

  @BeforeEach
  void setUp() {
    clinic = new Clinic();
    reporting = Reporting.builder(clinic.tp).build();
  }

  @Test
  void theSummaryCountsEachActiveMemberOnceUnderTheirWorstStatus() {
    OrganizationSummary s = reporting.reports().organizationSummary(clinic.officer, Clinic.TODAY);
    OrganizationSummary.Row all = s.by(Dimension.ALL).get(0);
    Map<ComplianceStatus, Long> expected =
        clinic.tp.workforce().list(clinic.officer).stream()
            .filter(m -> m.activeOn(Clinic.TODAY))
            .collect(
                Collectors.groupingBy(
                    m -> clinic.tp.status().overall(clinic.officer, m.id(), Clinic.TODAY),
                    Collectors.counting()));
    assertThat(all.members()).isEqualTo(7);
    assertThat(all.overdue())
        .isEqualTo(expected.getOrDefault(ComplianceStatus.OVERDUE, 0L).intValue());
    assertThat(all.compliant())
        .isEqualTo(expected.getOrDefault(ComplianceStatus.COMPLIANT, 0L).intValue());
    assertThat(
            all.overdue()
                + all.compliant()
                + all.dueForRenewal()
                + all.dueSoon()
                + all.pending()
                + all.expired()
                + all.unassigned()
                + all.waived())
        .isEqualTo(7);
    // In compliance by the one definition: the members whose overall status counts as such.
    assertThat(all.inCompliance())
        .isEqualTo(
            expected.entrySet().stream()
                .filter(e -> e.getKey().inCompliance())
                .mapToLong(Map.Entry::getValue)
                .sum())
        .isLessThan(7);
    assertThat(s.by(Dimension.DEPARTMENT))
        .extracting(OrganizationSummary.Row::group, OrganizationSummary.Row::members)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Front", 3),
            org.assertj.core.groups.Tuple.tuple("ICU", 4));
    // as of a past date only the people engaged by then count
    assertThat(
            reporting
                .reports()
                .organizationSummary(clinic.officer, LocalDate.of(2026, 1, 31))
                .by(Dimension.ALL)
                .get(0)
                .members())
        .isEqualTo(4);
  }

  @Test
  void newHireTimelinessSaysOnTimeLateAndStillOpen() {
    NewHireTimeliness r =
        reporting
            .reports()
            .newHireTimeliness(
                clinic.officer,
                DateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)),
                Clinic.TODAY);
    assertThat(r.population()).isEqualTo(4);
    Map<String, NewHireTimeliness.Outcome> byMember =
        r.rows().stream()
            .collect(
                Collectors.toMap(
                    NewHireTimeliness.Row::externalId, NewHireTimeliness.Row::outcome));
    assertThat(byMember)
        .containsEntry(clinic.a.externalId(), NewHireTimeliness.Outcome.ON_TIME)
        .containsEntry(clinic.b.externalId(), NewHireTimeliness.Outcome.LATE)
        .containsEntry(clinic.c.externalId(), NewHireTimeliness.Outcome.OPEN_OVERDUE)
        .containsEntry(clinic.d.externalId(), NewHireTimeliness.Outcome.OPEN);
    assertThat(r.rows())
        .filteredOn(x -> x.externalId().equals(clinic.b.externalId()))
        .singleElement()
        .satisfies(x -> assertThat(x.daysLate()).isEqualTo(8));
    // As of March 15, B was not late yet and C's assignment was still open and not yet due.
    NewHireTimeliness then =
        reporting
            .reports()
            .newHireTimeliness(
                clinic.officer,
                DateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 15)),
                LocalDate.of(2026, 3, 15));
    assertThat(then.rows())
        .extracting(NewHireTimeliness.Row::externalId, NewHireTimeliness.Row::outcome)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                clinic.b.externalId(), NewHireTimeliness.Outcome.OPEN_OVERDUE),
            org.assertj.core.groups.Tuple.tuple(
                clinic.c.externalId(), NewHireTimeliness.Outcome.OPEN));
  }

  @Test
  void retrainingShowsWhoTheMaterialChangeAffectedAndWhoCompletedAfterIt() {
    RetrainingReport r = reporting.reports().retraining(clinic.officer, Clinic.TODAY);
    assertThat(r.changes())
        .singleElement()
        .satisfies(
            ch -> {
              assertThat(ch.policy()).isEqualTo("PRIV");
              assertThat(ch.version()).isEqualTo(2);
              assertThat(ch.effectiveFrom()).isEqualTo(LocalDate.of(2026, 4, 15));
              assertThat(ch.members())
                  .extracting(RetrainingReport.Affected::externalId)
                  .contains(clinic.a.externalId())
                  .doesNotContain(clinic.c.externalId());
              assertThat(ch.completedAfterEffectiveDate()).isEqualTo(1);
            });
    assertThat(reporting.reports().retraining(clinic.officer, LocalDate.of(2026, 4, 14)).changes())
        .isEmpty();
  }

  @Test
  void waiversAndExtensionsNameTheirApprovers() {
    WaiversAndExtensions w = reporting.reports().waiversAndExtensions(clinic.officer, Clinic.TODAY);
    assertThat(w.rows())
        .extracting(
            WaiversAndExtensions.Row::kind,
            WaiversAndExtensions.Row::externalId,
            WaiversAndExtensions.Row::approvedBy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                WaiversAndExtensions.Kind.WAIVER, clinic.e.externalId(), "officer-1"),
            org.assertj.core.groups.Tuple.tuple(
                WaiversAndExtensions.Kind.EXTENSION, clinic.f.externalId(), "officer-1"));
    assertThat(
            reporting
                .reports()
                .waiversAndExtensions(clinic.officer, LocalDate.of(2026, 1, 15))
                .rows())
        .hasSize(1);
  }

  @Test
  void overdueAndExpiringBucketsByUrgency() {
    OverdueAndExpiring r = reporting.reports().overdueAndExpiring(clinic.officer, Clinic.TODAY);
    assertThat(r.rows())
        .anySatisfy(
            x -> {
              assertThat(x.externalId()).isEqualTo(clinic.c.externalId());
              assertThat(x.bucket()).isEqualTo(OverdueAndExpiring.Bucket.OVERDUE);
            });
    assertThat(r.rows())
        .anySatisfy(
            x -> {
              assertThat(x.externalId()).isEqualTo(clinic.d.externalId());
              assertThat(x.bucket()).isEqualTo(OverdueAndExpiring.Bucket.WITHIN_30_DAYS);
              assertThat(x.days()).isEqualTo(20);
            });
  }

  @Test
  void theTranscriptCarriesProvenanceExtensionsAndAttestations() {
    MemberTranscript t =
        reporting.reports().memberTranscript(clinic.officer, clinic.a.id(), Clinic.TODAY);
    assertThat(t.completions())
        .hasSize(2)
        .allSatisfy(
            c -> {
              assertThat(c.recordedBy()).isEqualTo("officer-1");
              assertThat(c.policyVersions()).isNotEmpty();
            });
    assertThat(t.attestations())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.policyVersion()).isEqualTo("PRIV v2");
              assertThat(x.method()).isEqualTo("ON_BEHALF");
            });
    MemberTranscript early =
        reporting
            .reports()
            .memberTranscript(clinic.officer, clinic.a.id(), LocalDate.of(2026, 1, 20));
    assertThat(early.completions()).isEmpty();
    assertThat(early.assignments())
        .singleElement()
        .satisfies(x -> assertThat(x.state().isOpen()).isTrue());
    // What the engine assigned reads as the system's, with why, in words.
    assertThat(early.table().rows())
        .filteredOn(row -> row.get(0).equals("assignment"))
        .singleElement()
        .satisfies(
            row ->
                assertThat(String.join(" | ", row))
                    .contains("assigned by the system, because of onboarding of a new member")
                    .doesNotContain("ONBOARDING"));
  }

  @Test
  void reportsAreScopedToWhatTheActorMaySee() {
    OrganizationSummary s = reporting.reports().organizationSummary(clinic.manager, Clinic.TODAY);
    assertThat(s.by(Dimension.DEPARTMENT))
        .extracting(OrganizationSummary.Row::group)
        .containsExactly("ICU");
    assertThatThrownBy(
            () ->
                reporting
                    .reports()
                    .securityReminderLog(
                        clinic.manager,
                        DateRange.of(LocalDate.of(2026, 1, 1), Clinic.TODAY),
                        Clinic.TODAY))
        .isInstanceOf(ForbiddenException.class);
    assertThat(
            reporting
                .reports()
                .securityReminderLog(
                    clinic.auditor,
                    DateRange.of(LocalDate.of(2026, 1, 1), Clinic.TODAY),
                    Clinic.TODAY)
                .rows())
        .singleElement()
        .satisfies(x -> assertThat(x.recipients()).isEqualTo(6));
  }

  @Test
  void badInputIsATypedError() {
    assertThatThrownBy(
            () -> reporting.reports().organizationSummary(clinic.officer, Clinic.TODAY.plusDays(1)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("future");
    assertThatThrownBy(() -> DateRange.of(Clinic.TODAY, Clinic.TODAY.minusDays(1)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(
            () ->
                reporting
                    .reports()
                    .newHireTimeliness(
                        clinic.officer,
                        DateRange.of(LocalDate.of(2026, 1, 1), Clinic.TODAY),
                        LocalDate.of(2026, 3, 1)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ends after");
  }

  @Test
  void csvEscapesFormulasAndJsonAndPdfCarryTheSameFacts() throws Exception {
    WaiversAndExtensions w = reporting.reports().waiversAndExtensions(clinic.officer, Clinic.TODAY);
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    reporting.render(w, ReportFormat.CSV, csv);
    List<CSVRecord> records =
        CSVFormat.RFC4180
            .parse(new StringReader(csv.toString(StandardCharsets.UTF_8)))
            .getRecords();
    assertThat(records.get(0).get(0)).isEqualTo("kind");
    assertThat(records).anySatisfy(r -> assertThat(r.get(8)).startsWith("'=HYPERLINK("));

    ByteArrayOutputStream json = new ByteArrayOutputStream();
    reporting.render(w, ReportFormat.JSON, json);
    JsonNode tree = new ObjectMapper().readTree(json.toByteArray());
    assertThat(tree.at("/header/asOf").asText()).isEqualTo("2026-06-30");
    assertThat(tree.at("/rows/1/newDueOn").asText()).isEqualTo("2026-08-15");

    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    NewHireTimeliness n =
        reporting
            .reports()
            .newHireTimeliness(
                clinic.officer,
                DateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)),
                Clinic.TODAY);
    reporting.render(n, ReportFormat.PDF, pdf);
    try (var doc = Loader.loadPDF(pdf.toByteArray())) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains(
              "New-hire training timeliness",
              "As of: 2026-06-30",
              "164.530(b)(2)(i)(B)",
              clinic.b.externalId(),
              "late",
              "on time",
              "open and overdue",
              "page 1 of 1")
          .doesNotContain("ON_TIME", "OPEN_OVERDUE", "LATE");
    }
  }
}
