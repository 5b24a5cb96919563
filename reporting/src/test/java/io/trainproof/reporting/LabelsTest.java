package io.trainproof.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.attestation.AttestationState;
import io.trainproof.core.domain.AssignmentReason;
import io.trainproof.core.domain.AssignmentState;
import io.trainproof.core.domain.AttestationMethod;
import io.trainproof.core.domain.Closure;
import io.trainproof.core.domain.CompletionMethod;
import io.trainproof.core.domain.MemberStatus;
import io.trainproof.core.domain.RegulatoryTopic;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.status.ComplianceStatus;
import io.trainproof.reporting.report.Dimension;
import io.trainproof.reporting.report.Labels;
import io.trainproof.reporting.report.MemberTranscript;
import io.trainproof.reporting.report.NewHireTimeliness;
import io.trainproof.reporting.report.OverdueAndExpiring;
import io.trainproof.reporting.report.Report;
import io.trainproof.reporting.report.ReportService;
import io.trainproof.reporting.report.RetrainingReport;
import io.trainproof.reporting.report.Table;
import io.trainproof.reporting.report.WaiversAndExtensions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * What people read comes from one place, in English and US Spanish: every code the reports print
 * has a label in both, both files have the same keys, and no report in any language prints a
 * constant's name.
 */
class LabelsTest {
  private static final Locale SPANISH = Locale.forLanguageTag("es-US");

  /**
   * Any constant's name of a code the reports print, as a whole word (SCORM and cmi5 are names).
   */
  private static Pattern constants() {
    Set<String> names = new TreeSet<>(List.of("NOT_YET_ENGAGED", "NOT_REQUESTED", "VALID"));
    for (Class<? extends Enum<?>> type : CODES) {
      for (Enum<?> code : type.getEnumConstants()) {
        names.add(code.name());
      }
    }
    names.removeAll(Set.of("SCORM", "CMI5"));
    return Pattern.compile("\\b(" + String.join("|", names) + ")\\b");
  }

  private static final List<Class<? extends Enum<?>>> CODES =
      List.of(
          Dimension.class,
          NewHireTimeliness.Outcome.class,
          OverdueAndExpiring.Bucket.class,
          RetrainingReport.Outcome.class,
          WaiversAndExtensions.Kind.class,
          AssignmentState.class,
          AttestationState.class,
          ComplianceStatus.class,
          WorkforceType.class,
          RegulatoryTopic.class,
          AssignmentReason.class,
          MemberStatus.class,
          AttestationMethod.class,
          CompletionMethod.class);

  @Test
  void everyCodeHasALabelInEnglishAndSpanish() {
    Labels spanish = Labels.of(SPANISH);
    for (Class<? extends Enum<?>> type : CODES) {
      for (Enum<?> code : type.getEnumConstants()) {
        String en = Labels.english().of(code);
        String es = spanish.of(code);
        assertThat(en).as("%s", code).isNotBlank().isNotEqualTo(code.name());
        assertThat(es).as("%s", code).isNotBlank().isNotEqualTo(code.name());
      }
    }
    assertThat(spanish.missing()).isEmpty();
  }

  @Test
  void theEnglishLabelsAreTheDescriptionsCoreGives() {
    for (ComplianceStatus s : ComplianceStatus.values()) {
      assertThat(Labels.english().of(s)).isEqualTo(s.description());
    }
    for (AssignmentReason r : AssignmentReason.values()) {
      assertThat(Labels.english().of(r)).isEqualTo(r.description());
    }
  }

  @Test
  void bothLanguagesHaveTheSameKeys() throws IOException {
    Properties en = load("labels.properties");
    Properties es = load("labels_es.properties");
    assertThat(es.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    for (String key : en.stringPropertyNames()) {
      if (key.startsWith("phrase.")) {
        assertThat(placeholders(es.getProperty(key)))
            .as("placeholders of %s", key)
            .isEqualTo(placeholders(en.getProperty(key)));
      }
    }
  }

  @Test
  void aClosureReasonTheSystemRecordedReadsInTheReadersLanguageAndAPersonsAsWritten() {
    Clinic clinic = new Clinic();
    MemberTranscript t =
        Reporting.builder(clinic.tp)
            .clock(clinic.clock)
            .build()
            .reports()
            .memberTranscript(clinic.officer, clinic.a.id(), Clinic.TODAY);
    String spanish =
        String.join(
            "\n",
            t.table(Labels.of(SPANISH)).rows().stream().map(r -> String.join(" | ", r)).toList());
    String english =
        String.join(
            "\n",
            t.table(Labels.english()).rows().stream().map(r -> String.join(" | ", r)).toList());
    assertThat(spanish).contains(": completada").doesNotContain(": completed");
    assertThat(english).contains(": completed");

    Labels es = Labels.of(SPANISH);
    assertThat(es.closureReason(Closure.TERMINATED)).isEqualTo("baja del miembro");
    assertThat(es.closureReason(Closure.REQUIREMENT_RETIRED)).isEqualTo("requisito retirado");
    assertThat(es.closureReason(Closure.LEFT_AUDIENCE))
        .isEqualTo("ya no pertenece al público del requisito");
    assertThat(es.closureReason(Closure.LEFT_AFFECTED_ROLES)).startsWith("dejó los puestos");
    assertThat(es.closureReason(Closure.CERTIFICATION_PREFIX + "BLS urn:uuid:1"))
        .isEqualTo("certificación BLS urn:uuid:1");
    // a waiver's reason is a person's words: kept as written, and not reported as a missing label
    assertThat(es.closureReason("Agency nurse trained by agency"))
        .isEqualTo("Agency nurse trained by agency");
    assertThat(es.missing()).isEmpty();
  }

  @Test
  void noReportPrintsAConstantsNameInEitherLanguageAndSpanishReadsAsSpanish() {
    Clinic clinic = new Clinic();
    Pattern constant = constants();
    for (Locale locale : List.of(Locale.US, SPANISH)) {
      Reporting reporting = Reporting.builder(clinic.tp).clock(clinic.clock).locale(locale).build();
      Labels labels = Labels.of(locale);
      for (Report report : clinic.everyReport(reporting.reports()).values()) {
        Table table = report.table(labels);
        for (List<String> row : table.rows()) {
          for (String cell : row) {
            assertThat(constant.matcher(cell).find())
                .as("%s %s cell %s", locale, report.header().title(), cell)
                .isFalse();
          }
        }
        for (ReportFormat format : List.of(ReportFormat.CSV, ReportFormat.HTML)) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          reporting.render(report, format, out);
          String text = out.toString(StandardCharsets.UTF_8);
          assertThat(text)
              .as("%s %s as %s", locale, report.header().title(), format)
              .doesNotContain("DUE_SOON", "WITHIN_30_DAYS", "WORKFORCE_TYPE", "COMPLETED_ON_TIME");
        }
      }
      assertThat(labels.missing()).as("keys missing in %s", locale).isEmpty();
    }
    Reporting spanish = Reporting.builder(clinic.tp).clock(clinic.clock).locale(SPANISH).build();
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    spanish.render(
        spanish.reports().organizationSummary(clinic.officer, Clinic.TODAY), ReportFormat.CSV, csv);
    assertThat(csv.toString(StandardCharsets.UTF_8))
        .contains("dimensión", "en cumplimiento", "todos", "puesto", "departamento");
  }

  @Test
  void reportsPrintOnUsLetterForUsReadersAndA4WhereTheLocaleUsesIt() throws Exception {
    Clinic clinic = new Clinic();
    for (var c :
        List.of(
            Map.entry(Locale.US, PDRectangle.LETTER),
            Map.entry(SPANISH, PDRectangle.LETTER),
            Map.entry(Locale.UK, PDRectangle.A4))) {
      Reporting reporting =
          Reporting.builder(clinic.tp).clock(clinic.clock).locale(c.getKey()).build();
      ByteArrayOutputStream pdf = new ByteArrayOutputStream();
      reporting.render(
          reporting.reports().organizationSummary(clinic.officer, Clinic.TODAY),
          ReportFormat.PDF,
          pdf);
      try (var doc = Loader.loadPDF(pdf.toByteArray())) {
        var box = doc.getPage(0).getMediaBox();
        // Landscape: the paper turned.
        assertThat(box.getWidth()).as("%s", c.getKey()).isEqualTo(c.getValue().getHeight());
        assertThat(box.getHeight()).as("%s", c.getKey()).isEqualTo(c.getValue().getWidth());
      }
    }
  }

  /** Every report type the service offers, read from its methods so a new report is covered. */
  private static Set<Class<?>> reportTypes() {
    Set<Class<?>> types = new TreeSet<>(Comparator.comparing(Class::getSimpleName));
    for (Method m : ReportService.class.getMethods()) {
      if (Report.class.isAssignableFrom(m.getReturnType())) {
        types.add(m.getReturnType());
      }
    }
    return types;
  }

  @Test
  void everyReportHasATitleInEnglishAndSpanishAndTheSpanishOneIsNotEnglish() throws IOException {
    Properties en = load("labels.properties");
    Properties es = load("labels_es.properties");
    Set<Class<?>> types = reportTypes();
    assertThat(types).hasSizeGreaterThanOrEqualTo(13);
    for (Class<?> type : types) {
      String key = "title." + type.getSimpleName();
      assertThat(en.getProperty(key)).as("%s in English", key).isNotBlank();
      assertThat(es.getProperty(key)).as("%s in Spanish", key).isNotBlank();
      assertThat(es.getProperty(key))
          .as("%s in Spanish is not the English title", key)
          .isNotEqualToIgnoringCase(en.getProperty(key));
    }
    for (String caption :
        List.of("compliance_by_department", "overdue_trend", "renewal_forecast")) {
      String key = "caption." + caption;
      assertThat(en.getProperty(key)).as("%s in English", key).isNotBlank();
      assertThat(es.getProperty(key)).as("%s in Spanish", key).isNotBlank();
      assertThat(es.getProperty(key)).as(key).isNotEqualToIgnoringCase(en.getProperty(key));
    }
  }

  @Test
  void spanishPagesAndPdfsCarrySpanishTitlesAndChartCaptionsAndNoEnglishOnes() throws Exception {
    Clinic clinic = new Clinic();
    Reporting spanish = Reporting.builder(clinic.tp).clock(clinic.clock).locale(SPANISH).build();
    Labels es = Labels.of(SPANISH);
    Labels en = Labels.english();
    Collection<Report> reports = clinic.everyReport(spanish.reports()).values();
    assertThat(reports.stream().<Class<?>>map(Object::getClass).collect(Collectors.toSet()))
        .as("every report type is rendered")
        .containsAll(reportTypes());
    for (Report report : reports) {
      String title = report.title(es);
      String english = report.header().title();
      assertThat(report.title(en)).as("the header keeps the English title").isEqualTo(english);
      assertThat(title).as("%s", english).isNotEqualTo(english);
      ByteArrayOutputStream html = new ByteArrayOutputStream();
      spanish.render(report, ReportFormat.HTML, html);
      String page = html.toString(StandardCharsets.UTF_8);
      assertThat(page)
          .as("%s as HTML", english)
          .contains("<title>" + title + "</title>", "<h1>" + title + "</h1>", "lang=\"es-US\"")
          .doesNotContain(english);
      ByteArrayOutputStream pdf = new ByteArrayOutputStream();
      spanish.render(report, ReportFormat.PDF, pdf);
      try (var doc = Loader.loadPDF(pdf.toByteArray())) {
        assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(title);
        assertThat(new PDFTextStripper().getText(doc))
            .as("%s as PDF", english)
            .contains(title)
            .doesNotContain(english);
      }
    }
    ByteArrayOutputStream html = new ByteArrayOutputStream();
    spanish.render(
        spanish.reports().dashboard(clinic.officer, Clinic.TODAY), ReportFormat.HTML, html);
    String page = html.toString(StandardCharsets.UTF_8);
    for (String caption :
        List.of("compliance_by_department", "overdue_trend", "renewal_forecast")) {
      assertThat(page)
          .contains("<figcaption>" + es.caption(caption) + "</figcaption>")
          .contains("aria-label=\"" + es.caption(caption) + "\"")
          .doesNotContain(en.caption(caption));
    }
    assertThat(page).contains(" vencidos, ").doesNotContain(" overdue, ", " expiring</title>");
    assertThat(es.missing()).as("keys missing in Spanish").isEmpty();
  }

  private static Set<String> placeholders(String pattern) {
    Set<String> out = new TreeSet<>();
    var m = Pattern.compile("\\{\\d+}").matcher(pattern);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Labels.class.getResourceAsStream("/io/trainproof/reporting/" + name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
