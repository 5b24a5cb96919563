package io.trainproof.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainproof.core.ValidationException;
import io.trainproof.reporting.evidence.EvidencePack;
import io.trainproof.reporting.evidence.EvidencePackRequest;
import io.trainproof.reporting.evidence.Sample;
import io.trainproof.reporting.report.DateRange;
import io.trainproof.reporting.report.OrganizationSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The observer sees each rendering and evidence pack once, under a name fit for a metric tag, and
 * gets back (or sees thrown) what the rendering did.
 */
class ReportObserverTest {
  @TempDir Path dir;

  private final Clinic clinic = new Clinic();
  private final List<String> seen = new ArrayList<>();
  private final Reporting reporting =
      Reporting.builder(clinic.tp)
          .observer(
              new ReportObserver() {
                @Override
                public <T> T observe(String report, String format, Supplier<T> rendering) {
                  seen.add(report + " " + format);
                  return rendering.get();
                }
              })
          .build();

  @Test
  void eachFormatAndTheEvidencePackAreObservedOnce() {
    OrganizationSummary summary =
        reporting.reports().organizationSummary(clinic.officer, Clinic.TODAY);
    for (ReportFormat format : ReportFormat.values()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      reporting.render(summary, format, out);
      assertThat(out.size()).as("%s written", format).isPositive();
    }
    EvidencePack pack =
        reporting
            .evidencePacks()
            .build(
                clinic.auditor,
                new EvidencePackRequest(
                    DateRange.of(LocalDate.of(2026, 1, 1), Clinic.TODAY),
                    Clinic.TODAY,
                    Sample.everyone()),
                dir.resolve("pack.zip"));
    assertThat(pack.files()).isNotEmpty();
    assertThat(seen)
        .containsExactly(
            "organization-summary csv",
            "organization-summary json",
            "organization-summary html",
            "organization-summary pdf",
            "evidence-pack zip");
  }

  @Test
  void aFailedRenderingReachesTheCallerThroughTheObserver() {
    OrganizationSummary summary =
        reporting.reports().organizationSummary(clinic.officer, Clinic.TODAY);
    OutputStream broken =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("disk full");
          }
        };
    assertThatThrownBy(() -> reporting.render(summary, ReportFormat.CSV, broken))
        .isInstanceOf(ReportOutputException.class);
    assertThat(seen).containsExactly("organization-summary csv");
  }

  @Test
  void reportNamesAreLowercaseWordsJoinedByHyphens() {
    assertThat(
            Reporting.reportName(
                reporting.reports().organizationSummary(clinic.officer, Clinic.TODAY)))
        .isEqualTo("organization-summary");
    assertThat(
            Reporting.reportName(
                reporting.reports().waiversAndExtensions(clinic.officer, Clinic.TODAY)))
        .isEqualTo("waivers-and-extensions");
  }

  @Test
  void aMissingObserverIsRefused() {
    assertThatThrownBy(() -> Reporting.builder(clinic.tp).observer(null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("observer");
  }
}
