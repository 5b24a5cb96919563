package io.trainproof.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.reporting.report.Labels;
import io.trainproof.reporting.report.Report;
import io.trainproof.reporting.report.Table;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every report, in both languages, prints as a tagged PDF with embedded fonts, and every date in
 * its table reads whole in the text a screen reader or a search gets.
 */
class TaggedPdfTest {
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  @Test
  void everyReportInEveryLanguageIsATaggedPdfWithEmbeddedFontsAndWholeDates() throws Exception {
    Clinic clinic = new Clinic();
    for (Locale locale : List.of(Locale.US, Locale.forLanguageTag("es-US"))) {
      Reporting reporting = Reporting.builder(clinic.tp).clock(clinic.clock).locale(locale).build();
      Labels labels = Labels.of(locale);
      for (Report report : clinic.everyReport(reporting.reports()).values()) {
        String name = locale + " " + report.header().title();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        reporting.render(report, ReportFormat.PDF, pdf);
        String text = PdfChecks.check(pdf.toByteArray(), name);
        Table table = report.table(labels);
        for (List<String> row : table.rows()) {
          for (String cell : row) {
            Matcher m = DATE.matcher(cell);
            while (m.find()) {
              assertThat(text).as("%s has %s whole", name, m.group()).contains(m.group());
            }
          }
        }
      }
    }
  }
}
