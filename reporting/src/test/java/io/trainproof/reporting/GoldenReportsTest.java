package io.trainproof.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainproof.reporting.report.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden files: every report the service offers, for the fixed {@link Clinic}, in a normalized form
 * (its JSON, its CSV in English and in US Spanish) compared with the files committed under {@code
 * src/test/resources/golden}. Any drift in a figure, a row, an order or a word fails with the first
 * lines that differ. To accept an intended change, run with {@code -Dtrainproof.golden.update=true}
 * (DEVELOPERS.md) and review the diff of the golden files.
 *
 * <p>Normalized: random ids (UUIDs) become {@code <id-1>}, {@code <id-2>}, ... in the order first
 * seen in the report's JSON, then its CSV; the generation instant becomes {@code <generated-at>};
 * line ends are LF. Everything else (dates, hashes, names, counts) is fixed by the clinic's clock.
 */
class GoldenReportsTest {
  private static final Locale SPANISH = Locale.forLanguageTag("es-US");
  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private static Clinic clinic;
  private static Reporting english;
  private static Reporting spanish;

  @BeforeAll
  static void playTheClinic() {
    clinic = new Clinic();
    english = Reporting.builder(clinic.tp).clock(clinic.clock).build();
    spanish = Reporting.builder(clinic.tp).clock(clinic.clock).locale(SPANISH).build();
  }

  static Path goldenDir() {
    return Path.of(System.getProperty("trainproof.goldenDir", "src/test/resources/golden"));
  }

  static boolean updating() {
    return Boolean.getBoolean("trainproof.golden.update");
  }

  static byte[] render(Reporting reporting, Report report, ReportFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    reporting.render(report, format, out);
    return out.toByteArray();
  }

  /** The normalized files of every report, by file name, in a stable order. */
  static Map<String, String> normalized() throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    Map<String, Report> reports = clinic.everyReport(english.reports());
    Map<String, Report> reportsEs = clinic.everyReport(spanish.reports());
    for (Map.Entry<String, Report> e : reports.entrySet()) {
      Ids ids = new Ids();
      JsonNode json = JSON.readTree(render(english, e.getValue(), ReportFormat.JSON));
      ((ObjectNode) json.get("header")).put("generatedAt", "<generated-at>");
      files.put(e.getKey() + ".json", lines(ids.replace(JSON.writeValueAsString(json)) + "\n"));
      files.put(
          e.getKey() + ".csv",
          lines(
              ids.replace(
                  new String(
                      render(english, e.getValue(), ReportFormat.CSV), StandardCharsets.UTF_8))));
      files.put(
          e.getKey() + ".es.csv",
          lines(
              ids.replace(
                  new String(
                      render(spanish, reportsEs.get(e.getKey()), ReportFormat.CSV),
                      StandardCharsets.UTF_8))));
    }
    return files;
  }

  @Test
  void everyReportMatchesItsGoldenFiles() throws IOException {
    Map<String, String> actual = normalized();
    // The same clinic played again gives the same files: nothing random survives normalizing.
    assertThat(normalized()).as("a second rendering").isEqualTo(actual);
    Path dir = goldenDir();
    if (updating()) {
      Files.createDirectories(dir);
      try (Stream<Path> old = Files.list(dir)) {
        for (Path p : old.toList()) {
          Files.delete(p);
        }
      }
      for (Map.Entry<String, String> f : actual.entrySet()) {
        Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
      }
      return;
    }
    List<String> problems = new ArrayList<>();
    Set<String> committed = new TreeSet<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> list = Files.list(dir)) {
        list.forEach(p -> committed.add(p.getFileName().toString()));
      }
    }
    for (Map.Entry<String, String> f : actual.entrySet()) {
      Path file = dir.resolve(f.getKey());
      if (!Files.exists(file)) {
        problems.add(f.getKey() + ": no golden file (a new report?)");
        continue;
      }
      String expected = lines(Files.readString(file, StandardCharsets.UTF_8));
      if (!expected.equals(f.getValue())) {
        problems.add(f.getKey() + " drifted:\n" + diff(expected, f.getValue()));
      }
    }
    committed.removeAll(actual.keySet());
    committed.forEach(name -> problems.add(name + ": golden file of no report (remove it)"));
    assertThat(problems)
        .as(
            "golden files in %s differ from what the reports render now. If the change is intended,"
                + " run with -Dtrainproof.golden.update=true and review the diff (DEVELOPERS.md)",
            dir)
        .isEmpty();
  }

  /**
   * Line ends as LF: CSV's CRLF (checked by CsvRendererTest) would otherwise depend on how git
   * checks the golden files out.
   */
  static String lines(String text) {
    return text.replace("\r\n", "\n");
  }

  /** The first lines that differ, with two lines of context, as "-expected" and "+actual". */
  static String diff(String expected, String actual) {
    List<String> a = expected.lines().toList();
    List<String> b = actual.lines().toList();
    int first = 0;
    while (first < a.size() && first < b.size() && a.get(first).equals(b.get(first))) {
      first++;
    }
    int endA = a.size();
    int endB = b.size();
    while (endA > first && endB > first && a.get(endA - 1).equals(b.get(endB - 1))) {
      endA--;
      endB--;
    }
    StringBuilder out = new StringBuilder();
    out.append("  at line ").append(first + 1).append('\n');
    for (int i = Math.max(0, first - 2); i < first; i++) {
      out.append("   ").append(a.get(i)).append('\n');
    }
    for (int i = first; i < Math.min(endA, first + 20); i++) {
      out.append("  -").append(a.get(i)).append('\n');
    }
    for (int i = first; i < Math.min(endB, first + 20); i++) {
      out.append("  +").append(b.get(i)).append('\n');
    }
    for (int i = endA; i < Math.min(a.size(), endA + 2); i++) {
      out.append("   ").append(a.get(i)).append('\n');
    }
    return out.toString();
  }

  /** Random ids to placeholders, numbered in the order first seen. Not thread-safe. */
  static final class Ids {
    private final Map<String, String> seen = new LinkedHashMap<>();

    String replace(String text) {
      Matcher m = UUID.matcher(text);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String id = seen.computeIfAbsent(m.group(), k -> "<id-" + (seen.size() + 1) + ">");
        m.appendReplacement(out, Matcher.quoteReplacement(id));
      }
      m.appendTail(out);
      return out.toString();
    }
  }
}
