package io.trainproof.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainproof.reporting.report.Labels;
import io.trainproof.reporting.report.Report;
import io.trainproof.reporting.report.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every report the service offers, rendered in every format for the fixed {@link Clinic}, read back
 * with real parsers (JSON with Jackson, CSV with Commons CSV, HTML with jsoup, PDF with PDFBox's
 * text extraction) and compared cell by cell: CSV, HTML and PDF print exactly the report's one
 * table (same columns, rows, order and words), and every value of the JSON model is in the row and
 * column that prints it. The dashboard's headline, charts and summary agree with the organization
 * summary, the overdue trend and the renewal forecast, and the lines above each table (totals of
 * people and assignments) say the same in HTML and PDF.
 */
class ReportFormatsAgreeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+|[A-Z]{2,}");

  /**
   * Where each report's JSON keeps the records its table prints, one row each, in order ({@code *}
   * is every element of an array; a nested row also owns its parents' plain values).
   */
  private static final Map<String, List<String>> ROWS =
      Map.ofEntries(
          Map.entry("OrganizationSummary", List.of("rows/*")),
          Map.entry(
              "MemberTranscript",
              List.of("assignments/*", "completions/*", "attestations/*", "certificates/*")),
          Map.entry("OverdueAndExpiring", List.of("rows/*")),
          Map.entry("NewHireTimeliness", List.of("rows/*")),
          Map.entry("RetrainingReport", List.of("changes/*/members/*")),
          Map.entry("AcknowledgementMatrix", List.of("members/*")),
          Map.entry("SecurityReminderLog", List.of("rows/*")),
          Map.entry("WaiversAndExtensions", List.of("rows/*")),
          Map.entry("RoleContentMatrix", List.of("rows/*")),
          Map.entry("RenewalForecast", List.of("months/*")),
          Map.entry("PolicyVersionsInForce", List.of("rows/*")),
          Map.entry("AddressableDecisions", List.of("rows/*")),
          Map.entry("Dashboard", List.of("overdueTrend/*")));

  /**
   * Values the JSON model carries for programs that the printed table leaves out by design (ids,
   * hashes that have their own column elsewhere, raw codes a phrase already states), by report.
   */
  private static final Map<String, Set<String>> JSON_ONLY =
      Map.ofEntries(
          // Ids and hashes for programs; the requirement's name (the course code is printed); the
          // dates of a completion's assignment and policy change (its assignment row has them);
          // "system" and the course version, printed inside words ("assigned by the system",
          // "PRIV-101 v2").
          Map.entry(
              "MemberTranscript",
              Set.of(
                  "id",
                  "requirement",
                  "contentSha256",
                  "policyTextSha256",
                  "assignedOn",
                  "changeEffectiveOn",
                  "assignedBy",
                  "courseVersion")),
          // The version's number is printed inside its name ("PRIV v2"); the change notes are in
          // the policy versions report.
          Map.entry("RetrainingReport", Set.of("version", "changeNotes")),
          // The instant it was sent; the table prints its local date under "sent on".
          Map.entry("SecurityReminderLog", Set.of("id", "sentAt")),
          Map.entry("PolicyVersionsInForce", Set.of("versionId")));

  private static Clinic clinic;

  @BeforeAll
  static void playTheClinic() {
    clinic = new Clinic();
  }

  private static byte[] render(Reporting reporting, Report report, ReportFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    reporting.render(report, format, out);
    return out.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(strings = {"en-US", "es-US"})
  void csvHtmlPdfAndJsonSayTheSameOfEveryReport(String language) throws IOException {
    Locale locale = Locale.forLanguageTag(language);
    Reporting reporting = Reporting.builder(clinic.tp).clock(clinic.clock).locale(locale).build();
    Labels labels = Labels.of(locale);
    Properties words = bundle(locale);
    int withRows = 0;
    for (Map.Entry<String, Report> e : clinic.everyReport(reporting.reports()).entrySet()) {
      String name = e.getKey() + " (" + language + ")";
      Report report = e.getValue();
      Table expected = report.table(labels);
      withRows += expected.rows().isEmpty() ? 0 : 1;

      Table csv = RenderedTables.csv(render(reporting, report, ReportFormat.CSV));
      assertThat(csv).as("%s: CSV", name).isEqualTo(expected);

      Document page =
          Jsoup.parse(
              new String(render(reporting, report, ReportFormat.HTML), StandardCharsets.UTF_8));
      Element h1 = page.selectFirst("h1");
      assertThat(h1).as("%s: HTML heading", name).isNotNull();
      assertThat(h1.wholeText()).as("%s: HTML heading", name).isEqualTo(report.title(labels));
      String tableId = e.getKey().equals("dashboard") ? "trend" : "report";
      assertThat(RenderedTables.html(page, tableId)).as("%s: HTML", name).isEqualTo(expected);

      RenderedTables.Pdf pdf = RenderedTables.pdf(render(reporting, report, ReportFormat.PDF));
      assertThat(pdf.title()).as("%s: PDF title", name).isEqualTo(report.title(labels));
      pdfAgrees(name, expected, pdf.table());
      List<String> htmlMeta = page.select("p.meta").stream().map(Element::wholeText).toList();
      if (e.getKey().equals("dashboard")) {
        htmlMeta = htmlMeta.subList(0, htmlMeta.size() - 1); // the headline, checked below
      }
      assertThat(spaced(String.join(" ", pdf.meta())))
          .as("%s: the lines above the table in PDF and HTML", name)
          .isEqualTo(spaced(String.join(" ", htmlMeta)));

      JsonNode json = JSON.readTree(render(reporting, report, ReportFormat.JSON));
      jsonAgrees(
          name, report, json, expected, report.table(Labels.english()).columns(), labels, words);
    }
    // why: a clinic whose reports were all empty would make every comparison above vacuous.
    assertThat(withRows).as("reports with rows").isGreaterThanOrEqualTo(13);
  }

  @Test
  void theDashboardsHeadlineChartsAndSummaryAgreeWithTheReportsTheyComeFrom() throws IOException {
    Reporting reporting = Reporting.builder(clinic.tp).clock(clinic.clock).build();
    Map<String, Report> reports = clinic.everyReport(reporting.reports());
    Report dashboard = reports.get("dashboard");
    Document page =
        Jsoup.parse(
            new String(render(reporting, dashboard, ReportFormat.HTML), StandardCharsets.UTF_8));
    Table summary =
        RenderedTables.csv(
            render(reporting, reports.get("organization-summary"), ReportFormat.CSV));
    Table trend = RenderedTables.csv(render(reporting, dashboard, ReportFormat.CSV));
    Table forecast =
        RenderedTables.csv(render(reporting, reports.get("renewal-forecast"), ReportFormat.CSV));

    assertThat(RenderedTables.html(page, "summary"))
        .as("the dashboard's summary is the organization summary")
        .isEqualTo(summary);

    List<String> all = summary.rows().get(0);
    assertThat(all.subList(0, 2)).containsExactly("all", "all");
    Element headline = page.getElementById("headline");
    assertThat(headline).isNotNull();
    assertThat(headline.attr("data-members"))
        .as("headline members")
        .isEqualTo(cell(summary, all, "members"));
    assertThat(headline.attr("data-in-compliance"))
        .as("headline in compliance")
        .isEqualTo(cell(summary, all, "in compliance"));
    assertThat(headline.wholeText())
        .as("headline")
        .isEqualTo(
            cell(summary, all, "in compliance")
                + " of "
                + cell(summary, all, "members")
                + " active members in compliance ("
                + cell(summary, all, "in compliance %")
                + "%)");

    List<List<String>> departments =
        summary.rows().stream().filter(r -> r.get(0).equals("department")).toList();
    List<Element> bars = page.select("#chart-departments g.bar");
    assertThat(bars).hasSameSizeAs(departments).isNotEmpty();
    int members = 0;
    for (int i = 0; i < bars.size(); i++) {
      List<String> row = departments.get(i);
      Element bar = bars.get(i);
      assertThat(bar.attr("data-label")).as("department bar %s", i).isEqualTo(row.get(1));
      assertThat(bar.attr("data-value")).as("%s", row).isEqualTo(cell(summary, row, "members"));
      assertThat(bar.attr("data-in-compliance"))
          .as("%s", row)
          .isEqualTo(cell(summary, row, "in compliance"));
      assertThat(bar.attr("data-percent"))
          .as("%s", row)
          .isEqualTo(cell(summary, row, "in compliance %"));
      members += Integer.parseInt(cell(summary, row, "members"));
    }
    assertThat(page.getElementById("chart-departments").attr("data-total"))
        .isEqualTo(String.valueOf(members));

    chartAgrees(page, "chart-overdue", trend, "overdue", "expired", "overdue", "expired");
    chartAgrees(
        page,
        "chart-forecast",
        forecast,
        "due",
        "expiring",
        "assignments due",
        "completions expiring");
    assertThat(forecast.columns()).contains("total");

    JsonNode board = JSON.readTree(render(reporting, dashboard, ReportFormat.JSON));
    JsonNode summaryJson =
        JSON.readTree(render(reporting, reports.get("organization-summary"), ReportFormat.JSON));
    JsonNode forecastJson =
        JSON.readTree(render(reporting, reports.get("renewal-forecast"), ReportFormat.JSON));
    assertThat(board.at("/summary/rows")).isEqualTo(summaryJson.at("/rows"));
    assertThat(board.at("/forecast/months")).isEqualTo(forecastJson.at("/months"));
  }

  @Test
  void theTotalsAboveTheTablesCountWhatTheTablesList() throws IOException {
    Reporting reporting = Reporting.builder(clinic.tp).clock(clinic.clock).build();
    Labels en = Labels.english();
    Map<String, Report> reports = clinic.everyReport(reporting.reports());

    Report newHires = reports.get("new-hire-timeliness");
    Table hires = RenderedTables.csv(render(reporting, newHires, ReportFormat.CSV));
    JsonNode hiresJson = JSON.readTree(render(reporting, newHires, ReportFormat.JSON));
    long people = hires.rows().stream().map(r -> cell(hires, r, "external id")).distinct().count();
    assertThat(hiresJson.get("sampled").asLong()).isEqualTo(people);
    String line =
        en.phrase(
            "new_hires",
            hiresJson.get("population").asInt(),
            people,
            hires.rows().size(),
            count(hires, "outcome", "on time"),
            count(hires, "outcome", "late"),
            count(hires, "outcome", "open, not yet due")
                + count(hires, "outcome", "open and overdue"));
    assertThat(metaLines(reporting, newHires)).contains(line);
    assertThat(pdfMeta(reporting, newHires)).contains(spaced(line));

    Report retraining = reports.get("retraining");
    Table retrain = RenderedTables.csv(render(reporting, retraining, ReportFormat.CSV));
    for (String version :
        new TreeSet<>(
            retrain.rows().stream().map(r -> cell(retrain, r, "policy version")).toList())) {
      List<List<String>> rows =
          retrain.rows().stream()
              .filter(r -> cell(retrain, r, "policy version").equals(version))
              .toList();
      String effective = cell(retrain, rows.get(0), "effective from");
      String start = version + " effective " + effective + ": " + rows.size() + " members affected";
      assertThat(metaLines(reporting, retraining)).anySatisfy(l -> assertThat(l).startsWith(start));
      assertThat(pdfMeta(reporting, retraining)).contains(start);
    }
  }

  private static List<String> metaLines(Reporting reporting, Report report) {
    Document page =
        Jsoup.parse(
            new String(render(reporting, report, ReportFormat.HTML), StandardCharsets.UTF_8));
    return page.select("p.meta").stream().map(Element::wholeText).toList();
  }

  private static String pdfMeta(Reporting reporting, Report report) throws IOException {
    return spaced(
        String.join(" ", RenderedTables.pdf(render(reporting, report, ReportFormat.PDF)).meta()));
  }

  private static long count(Table t, String column, String value) {
    return t.rows().stream().filter(r -> cell(t, r, column).equals(value)).count();
  }

  private static String cell(Table t, List<String> row, String column) {
    int i = t.columns().indexOf(column);
    if (i < 0) {
      throw new AssertionError("no column " + column + " in " + t.columns());
    }
    return row.get(i);
  }

  /** A bar chart's bars against a table: one bar a row, in order, with the row's figures. */
  private static void chartAgrees(
      Document page,
      String id,
      Table t,
      String lowerName,
      String upperName,
      String lowerColumn,
      String upperColumn) {
    Element chart = page.getElementById(id);
    assertThat(chart).as(id).isNotNull();
    List<Element> bars = chart.select("g.bar");
    assertThat(bars).as(id).hasSameSizeAs(t.rows()).isNotEmpty();
    int total = 0;
    for (int i = 0; i < bars.size(); i++) {
      List<String> row = t.rows().get(i);
      Element bar = bars.get(i);
      int lower = Integer.parseInt(cell(t, row, lowerColumn));
      int upper = Integer.parseInt(cell(t, row, upperColumn));
      assertThat(bar.attr("data-label")).as("%s bar %s", id, i).isEqualTo(row.get(0));
      assertThat(bar.attr("data-" + lowerName))
          .as("%s %s", id, row)
          .isEqualTo(String.valueOf(lower));
      assertThat(bar.attr("data-" + upperName))
          .as("%s %s", id, row)
          .isEqualTo(String.valueOf(upper));
      assertThat(bar.attr("data-value"))
          .as("%s %s", id, row)
          .isEqualTo(String.valueOf(lower + upper));
      total += lower + upper;
    }
    assertThat(chart.attr("data-total")).as(id).isEqualTo(String.valueOf(total));
  }

  /**
   * The JSON model against the printed table: as many records as rows, and each value of a record
   * in its row, in the column of the same name when there is one (a null there prints as an empty
   * cell or words, never a date or a number), else somewhere in the row. Codes read in words.
   */
  private static void jsonAgrees(
      String name,
      Report report,
      JsonNode json,
      Table table,
      List<String> englishColumns,
      Labels labels,
      Properties words) {
    String type = report.getClass().getSimpleName();
    List<String> paths = ROWS.get(type);
    assertThat(paths).as("%s: where its JSON keeps its rows (add it to ROWS)", type).isNotNull();
    List<List<Leaf>> records = new ArrayList<>();
    for (String path : paths) {
      records(json, List.of(path.split("/")), List.of(), records);
    }
    assertThat(records).as("%s: JSON records against table rows", name).hasSameSizeAs(table.rows());
    Set<String> jsonOnly = JSON_ONLY.getOrDefault(type, Set.of());
    List<String> problems = new ArrayList<>();
    for (int r = 0; r < records.size(); r++) {
      List<String> row = table.rows().get(r);
      for (Leaf leaf : records.get(r)) {
        if (jsonOnly.contains(leaf.field())) {
          continue;
        }
        int column = leaf.nested() ? -1 : englishColumns.indexOf(words(leaf.field()));
        List<String> where = column < 0 ? row : List.of(row.get(column));
        String what =
            String.format(
                "%s: JSON %s=%s, but row %d prints %s",
                name, leaf.field(), leaf.value(), r + 1, column < 0 ? row : row.get(column));
        if (leaf.value().isNull()) {
          if (column >= 0 && row.get(column).matches(".*\\d.*")) {
            problems.add(what + ": null prints as a date or number");
          }
          continue;
        }
        List<String> forms = forms(leaf.value(), labels, words);
        if (forms.stream().noneMatch(f -> where.stream().anyMatch(c -> containsWord(c, f)))) {
          problems.add(what + ", read as any of " + forms);
        }
      }
    }
    assertThat(problems).as("%s: JSON values not where the table prints them", name).isEmpty();
  }

  /**
   * A value as a person reads it: a code in words, a boolean as yes or no (or passed/failed), a
   * closure reason the system records in words.
   */
  private static List<String> forms(JsonNode value, Labels labels, Properties words) {
    if (value.isBoolean()) {
      return List.of(
          labels.yesNo(value.asBoolean()), labels.word(value.asBoolean() ? "passed" : "failed"));
    }
    String text = value.asText();
    List<String> out = new ArrayList<>();
    if (CODE.matcher(text).matches()) {
      for (String key : words.stringPropertyNames()) {
        if (key.endsWith("." + text) && Character.isUpperCase(key.charAt(0))) {
          out.add(words.getProperty(key));
        }
      }
    }
    if (words.containsKey("word." + text)) {
      out.add(words.getProperty("word." + text));
    }
    String closure = labels.closureReason(text);
    if (!closure.equals(text)) {
      // a reason the system records on a closure ("completed") prints in the reader's language
      out.add(closure);
    }
    if (out.isEmpty() || !CODE.matcher(text).matches()) {
      out.add(text);
    }
    return out;
  }

  private static boolean containsWord(String cell, String word) {
    return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])")
        .matcher(cell)
        .find();
  }

  /** A field's name as a column's: {@code dueSoon} is "due soon". */
  private static String words(String field) {
    return field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  /** One plain value of a JSON record; nested ones (inside a list of objects) match row-wide. */
  private record Leaf(String field, JsonNode value, boolean nested) {}

  private static void records(
      JsonNode node, List<String> path, List<Leaf> inherited, List<List<Leaf>> out) {
    if (path.isEmpty()) {
      List<Leaf> leaves = new ArrayList<>(inherited);
      leaves(node, false, leaves);
      out.add(leaves);
      return;
    }
    String step = path.get(0);
    List<String> rest = path.subList(1, path.size());
    if (step.equals("*")) {
      for (JsonNode element : node) {
        List<Leaf> mine = new ArrayList<>(inherited);
        if (!rest.isEmpty()) {
          // A record with its own list of records (a change and its members): its plain values
          // belong to each of its rows.
          element
              .properties()
              .forEach(
                  f -> {
                    if (!f.getValue().isContainerNode() || isListOfScalars(f.getValue())) {
                      leaves(f.getKey(), f.getValue(), true, mine);
                    }
                  });
        }
        records(element, rest, mine, out);
      }
      return;
    }
    JsonNode child = node.get(step);
    assertThat(child).as("JSON has %s", step).isNotNull();
    records(child, rest, inherited, out);
  }

  private static boolean isListOfScalars(JsonNode node) {
    if (!node.isArray()) {
      return false;
    }
    for (JsonNode e : node) {
      if (e.isContainerNode()) {
        return false;
      }
    }
    return true;
  }

  private static void leaves(JsonNode record, boolean nested, List<Leaf> out) {
    record.properties().forEach(f -> leaves(f.getKey(), f.getValue(), nested, out));
  }

  private static void leaves(String field, JsonNode value, boolean nested, List<Leaf> out) {
    if (value.isObject()) {
      leaves(value, true, out);
    } else if (value.isArray()) {
      for (JsonNode e : value) {
        if (e.isContainerNode()) {
          leaves(field, e, true, out);
        } else {
          out.add(new Leaf(field, e, true));
        }
      }
    } else {
      out.add(new Leaf(field, value, nested));
    }
  }

  /**
   * The PDF's table against the report's: the same headings and rows, each cell the same text once
   * its line breaks are read as spaces. A break inside a word is a difference, except inside a word
   * too long for any column (a 64-digit hash), which the renderer must cut somewhere.
   */
  private static void pdfAgrees(String name, Table expected, Table pdf) {
    assertThat(pdf.columns().stream().map(ReportFormatsAgreeTest::spaced).toList())
        .as("%s: PDF headings", name)
        .isEqualTo(expected.columns().stream().map(ReportFormatsAgreeTest::spaced).toList());
    assertThat(pdf.rows()).as("%s: PDF rows", name).hasSameSizeAs(expected.rows());
    for (int r = 0; r < expected.rows().size(); r++) {
      for (int c = 0; c < expected.columns().size(); c++) {
        String want = spaced(expected.rows().get(r).get(c));
        String got = spaced(pdf.rows().get(r).get(c));
        assertThat(got)
            .as("%s: PDF row %d, %s", name, r + 1, expected.columns().get(c))
            .matches(printed(want));
      }
    }
  }

  /**
   * A cell's text as a pattern that allows one line break inside each word of 40 characters or
   * more.
   */
  private static Pattern printed(String text) {
    List<String> words = new ArrayList<>();
    for (String word : text.split(" ", -1)) {
      if (word.length() < 40) {
        words.add(Pattern.quote(word));
        continue;
      }
      List<String> cuts = new ArrayList<>(List.of(Pattern.quote(word)));
      for (int i = 1; i < word.length(); i++) {
        cuts.add(Pattern.quote(word.substring(0, i)) + " " + Pattern.quote(word.substring(i)));
      }
      words.add("(?:" + String.join("|", cuts) + ")");
    }
    return Pattern.compile(String.join(" ", words));
  }

  private static String spaced(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  /** The labels a locale reads, English under its own language's words. */
  private static Properties bundle(Locale locale) throws IOException {
    Properties p = load("labels.properties");
    if (locale.getLanguage().equals("es")) {
      load("labels_es.properties").forEach(p::put);
    }
    return p;
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
