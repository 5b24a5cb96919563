package io.trainproof.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The one command of issue 9: runs the JMH suite (JMH's own command-line options pass through, e.g.
 * {@code -f 1 -wi 2 -i 3 -w 2s -r 3s}), writes JMH's JSON result to {@code
 * benchmarks/target/jmh-result.json} and the table of ratios and targets to {@code
 * benchmarks/RESULTS.md} (paths relative to the working directory, the repository root; {@code
 * -Dtrainproof.results.dir=DIR} writes both to DIR instead).
 */
public final class RunBenchmarks {
  static final String PACKAGE = "io.trainproof.benchmarks";

  private RunBenchmarks() {}

  /**
   * Runs the suite and writes the results.
   *
   * @param args JMH options
   * @throws Exception when JMH or writing fails
   */
  public static void main(String[] args) throws Exception {
    String dir = System.getProperty("trainproof.results.dir");
    Path json =
        dir == null
            ? Path.of("benchmarks/target/jmh-result.json")
            : Path.of(dir, "jmh-result.json");
    Path markdown = dir == null ? Path.of("benchmarks/RESULTS.md") : Path.of(dir, "RESULTS.md");
    Files.createDirectories(json.toAbsolutePath().getParent());
    List<String> jmhArgs = new ArrayList<>(List.of(args));
    boolean dbOnly = jmhArgs.remove("--db-only");
    boolean noDb = jmhArgs.remove("--no-db");
    // Rows 10 and 11 (issue 22): --tenants-only runs them alone, --no-tenants leaves them out.
    boolean tenantsOnly = jmhArgs.remove("--tenants-only");
    boolean noTenants = jmhArgs.remove("--no-tenants");
    Options cli = new CommandLineOptions(jmhArgs.toArray(new String[0]));
    Map<String, Double> scores = new LinkedHashMap<>();
    if (tenantsOnly) {
      scores.putAll(TenantBenchmarks.tenants(System.out::println));
      Files.writeString(
          json.resolveSibling("tenants-result.json"), toJson(scores), StandardCharsets.UTF_8);
    } else if (!dbOnly && cli.getIncludes().isEmpty()) {
      // Rows 1-4 with the options given; row 7 is one export in its own -Xmx64m fork (its
      // annotations), whatever the iteration options, since one export of 1,000,000 rows is
      // the measurement.
      scores.putAll(
          scores(
              run(
                  new OptionsBuilder()
                      .parent(cli)
                      .include(
                          Pattern.quote(PACKAGE)
                              + "\\.(Signing|Jcs|Assignment|Engine)Benchmarks\\..*"),
                  json)));
      scores.putAll(
          scores(
              run(
                  new OptionsBuilder()
                      .include(Pattern.quote(PACKAGE) + "\\.ExportBenchmarks\\..*")
                      .shouldFailOnError(true),
                  json.resolveSibling("jmh-result-export.json"))));
    } else if (!dbOnly) {
      scores.putAll(scores(run(new OptionsBuilder().parent(cli), json)));
    }
    if (!tenantsOnly && (dbOnly || (!noDb && cli.getIncludes().isEmpty()))) {
      // Rows 5, 6, 8 and 9: single-shot measurements on PostgreSQL (not JMH; see DbBenchmarks).
      scores.putAll(DbBenchmarks.all());
      if (!noTenants) {
        // Rows 10 and 11: many organizations on one PostgreSQL (see TenantBenchmarks).
        scores.putAll(TenantBenchmarks.tenants(System.out::println));
      }
      Files.writeString(
          json.resolveSibling("db-result.json"), toJson(scores), StandardCharsets.UTF_8);
    }
    String command =
        "mvn -B -ntp -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar "
            + String.join(" ", args);
    String kept =
        Files.exists(markdown)
            ? handWritten(Files.readString(markdown, StandardCharsets.UTF_8))
            : "";
    Files.writeString(markdown, markdown(scores, command) + kept, StandardCharsets.UTF_8);
    System.out.println("Wrote " + json + " and " + markdown);
  }

  /**
   * The hand-written sections of an existing RESULTS.md: everything from its first level-2 heading
   * ({@code ## }) on. The generated part has no level-2 heading, so notes, "after a fix" sections
   * and other engineers' sections survive a new run.
   *
   * @param existing the file's text
   * @return the sections to keep, with a blank line before them, or empty
   */
  static String handWritten(String existing) {
    int at = existing.startsWith("## ") ? 0 : existing.indexOf("\n## ");
    return at < 0 ? "" : "\n" + existing.substring(at == 0 ? 0 : at + 1);
  }

  private static String toJson(Map<String, Double> scores) {
    StringBuilder json = new StringBuilder("{\n");
    int i = 0;
    for (Map.Entry<String, Double> e : scores.entrySet()) {
      json.append("  \"")
          .append(e.getKey())
          .append("\": ")
          .append(e.getValue())
          .append(++i < scores.size() ? ",\n" : "\n");
    }
    return json.append("}\n").toString();
  }

  static Collection<RunResult> run(ChainedOptionsBuilder builder, Path json)
      throws RunnerException {
    return new Runner(builder.resultFormat(ResultFormatType.JSON).result(json.toString()).build())
        .run();
  }

  /**
   * Scores by {@code SimpleClass.method} or {@code SimpleClass.method[param]}.
   *
   * @param results JMH's results
   * @return primary scores
   */
  static Map<String, Double> scores(Collection<RunResult> results) {
    Map<String, Double> scores = new LinkedHashMap<>();
    for (RunResult r : results) {
      String benchmark = r.getParams().getBenchmark();
      String[] parts = benchmark.split("\\.", -1);
      String key = parts[parts.length - 2] + "." + parts[parts.length - 1];
      List<String> params = new ArrayList<>();
      for (String p : r.getParams().getParamsKeys()) {
        params.add(r.getParams().getParam(p));
      }
      if (!params.isEmpty()) {
        key += "[" + String.join(",", params) + "]";
      }
      scores.put(key, r.getPrimaryResult().getScore());
    }
    return scores;
  }

  /** A table row: a measurement, what it is compared with, and the target. */
  record Row(
      String number,
      String benchmark,
      String comparedWith,
      String measured,
      String ratio,
      String target,
      String verdict) {}

  static List<Row> rows(Map<String, Double> s) {
    List<Row> rows = new ArrayList<>();
    rows.add(
        ratioRow(
            "1",
            "issue and sign one certificate",
            "SigningBenchmarks.issueAndSign",
            "BC Ed25519 sign, 64 bytes",
            "SigningBenchmarks.bcEd25519Sign",
            0.75,
            "ratio of throughputs ≥ 0.75",
            s));
    rows.add(
        ratioRow(
            "2",
            "verify one certificate from JSON (cached status lists)",
            "SigningBenchmarks.verifyFromJson",
            "BC Ed25519 verify, 64 bytes",
            "SigningBenchmarks.bcEd25519Verify",
            0.80,
            "≥ 0.80",
            s));
    for (String doc : List.of("credential", "arrays", "structures", "unicode")) {
      rows.add(
          ratioRow(
              "3",
              "RFC 8785 canonicalization: "
                  + (doc.equals("credential")
                      ? "signed certificate"
                      : "RFC input " + doc + ".json"),
              "JcsBenchmarks.trainproof[" + doc + "]",
              "erdtman java-json-canonicalization 1.1",
              "JcsBenchmarks.erdtman[" + doc + "]",
              1.5,
              "≥ 1.5× faster",
              s));
    }
    Double decisions = s.get("EngineBenchmarks.decide");
    rows.add(
        new Row(
            "4",
            "assignment engine decision in memory (the pure function the sweep carries out), "
                + String.format(Locale.ROOT, "%,d", EngineBenchmarks.MEMBERS)
                + " preloaded members × "
                + EngineBenchmarks.REQUIREMENTS
                + " requirements, one thread",
            "—",
            decisions == null
                ? "not run"
                : String.format(Locale.ROOT, "%,.0f evaluations/s", decisions),
            "—",
            "≥ 2,000,000 / s",
            decisions == null ? "NOT RUN" : decisions >= 2_000_000 ? "PASS" : "MISS"));
    Double evals = s.get("AssignmentBenchmarks.sweepEvaluations");
    rows.add(
        new Row(
            "4 (info)",
            "the same through the public path: scheduler sweep on the in-memory store, "
                + AssignmentBenchmarks.MEMBERS
                + " members × "
                + AssignmentBenchmarks.REQUIREMENTS
                + " requirements, one thread (transactions, authorization, look-ups, audit)",
            "—",
            evals == null ? "not run" : String.format(Locale.ROOT, "%,.0f evaluations/s", evals),
            "—",
            "informational",
            evals == null ? "NOT RUN" : "—"));
    rows.add(
        timeRatioRow(
            "5",
            "renewal sweep on PostgreSQL, "
                + count(s, "row5.members")
                + " members × "
                + DbBenchmarks.REQUIREMENTS
                + " requirements, "
                + count(s, "row5.created")
                + " renewals due",
            "plain JDBC batch insert of the same assignment rows",
            "row5.sweep.s",
            "row5.plainInsert.s",
            3.0,
            "≤ 3× plain JDBC insert",
            s));
    Double writes = s.get("row5.plainWrites.s");
    Double reads = s.get("row5.plainRead.s");
    Double insert = s.get("row5.plainInsert.s");
    Double sweep = s.get("row5.sweep.s");
    if (writes != null && reads != null && insert != null && sweep != null) {
      rows.add(
          new Row(
              "5 (info)",
              "the floor of row 5: what the sweep reads and writes, done by hand in plain JDBC ("
                  + count(s, "row5.plainWrites.rows")
                  + " rows written: the renewals, their notices and audit entries; the facts"
                  + " of every member read 500 members a query)",
              "plain JDBC batch insert of the assignment rows",
              String.format(
                  Locale.ROOT,
                  "%.3f s (writes %.3f s + reads %.3f s) vs %.3f s",
                  writes + reads,
                  writes,
                  reads,
                  insert),
              String.format(
                  Locale.ROOT,
                  "%.2f× (the sweep: %.2f× this floor)",
                  (writes + reads) / insert,
                  sweep / (writes + reads)),
              "informational",
              "—"));
    }
    Double incremental = s.get("row5b.incremental.s");
    Double full = s.get("row5b.full.s");
    if (incremental == null || full == null) {
      rows.add(
          new Row(
              "5b",
              "incremental sweep on a quiet day on PostgreSQL",
              "the full sweep",
              "not run",
              "—",
              "≤ 0.05× the full sweep",
              "NOT RUN"));
    } else {
      double ratio = incremental / full;
      rows.add(
          new Row(
              "5b",
              "incremental sweep (sweep()) of "
                  + count(s, "row5.members")
                  + " members the day after row 5, nothing written since: "
                  + count(s, "row5b.visited")
                  + " members due (windows opening, reminders), "
                  + count(s, "row5b.created")
                  + " renewals created",
              "the full sweep (sweep(true)) of the next day, one node (row 9)",
              String.format(Locale.ROOT, "%.3f s vs %.3f s", incremental, full),
              String.format(Locale.ROOT, "%.3f×", ratio),
              "≤ 0.05× the full sweep",
              ratio <= 0.05 ? "PASS" : "MISS"));
    }
    rows.add(
        timeRatioRow(
            "6",
            "organization summary (StatusService.summary) on PostgreSQL, "
                + count(s, "row6.assignments")
                + " assignments",
            "one hand-written SQL aggregate, same numbers",
            "row6.summary.s",
            "row6.sql.s",
            1.5,
            "≤ 1.5× hand-written SQL",
            s));
    Double export = s.get("ExportBenchmarks.csvExport");
    rows.add(
        new Row(
            "7",
            "CSV export of "
                + String.format(Locale.ROOT, "%,d", ExportBenchmarks.ROWS)
                + " assignment rows in a JVM with -Xmx64m",
            "—",
            export == null
                ? "not run"
                : String.format(Locale.ROOT, "%.1f s for one export (single shot)", export),
            "—",
            "completes with -Xmx64m",
            export == null ? "NOT RUN" : "PASS"));
    rows.add(
        timeRatioRow(
            "8",
            "roster sync (RosterSync, full, apply valid rows) of "
                + count(s, "row8.members")
                + " new members with "
                + count(s, "row8.assignments")
                + " onboarding assignments on PostgreSQL",
            "plain JDBC batch inserts of the same member, terms and assignment rows",
            "row8.sync.s",
            "row8.plainInsert.s",
            3.0,
            "≤ 3× plain JDBC inserts",
            s));
    Double one = s.get("row9.nodes1.membersPerSecond");
    Double two = s.get("row9.nodes2.membersPerSecond");
    Double four = s.get("row9.nodes4.membersPerSecond");
    if (one == null || two == null || four == null) {
      rows.add(
          new Row(
              "9",
              "scheduler sweep with 1, 2, 4 nodes on one PostgreSQL",
              "1 node",
              "not run",
              "—",
              "2 nodes ≥ 1.3× one, no duplicates",
              "NOT RUN"));
    } else {
      double ratio = two / one;
      rows.add(
          new Row(
              "9",
              "daily scheduler sweep of "
                  + count(s, "row5.members")
                  + " members with 1, 2, 4 nodes (own JpaStore and pool each) on one PostgreSQL; duplicates checked: none",
              "1 node",
              String.format(Locale.ROOT, "%,.0f / %,.0f / %,.0f members/s", one, two, four),
              String.format(Locale.ROOT, "%.2f (4 nodes: %.2f)", ratio, four / one),
              "2 nodes ≥ 1.3× one, no duplicates",
              ratio >= 1.3 ? "PASS" : "MISS"));
    }
    rows.addAll(TenantBenchmarks.rows(s));
    return rows;
  }

  private static String count(Map<String, Double> s, String key) {
    Double v = s.get(key);
    return v == null ? "?" : String.format(Locale.ROOT, "%,.0f", v);
  }

  /** A row whose ratio is our time over the comparison's time (lower is better). */
  private static Row timeRatioRow(
      String n,
      String what,
      String peer,
      String key,
      String peerKey,
      double target,
      String targetText,
      Map<String, Double> s) {
    Double ours = s.get(key);
    Double theirs = s.get(peerKey);
    if (ours == null || theirs == null) {
      return new Row(n, what, peer, "not run", "—", targetText, "NOT RUN");
    }
    double ratio = ours / theirs;
    return new Row(
        n,
        what,
        peer,
        String.format(Locale.ROOT, "%.3f s vs %.3f s", ours, theirs),
        String.format(Locale.ROOT, "%.2f×", ratio),
        targetText,
        ratio <= target ? "PASS" : "MISS");
  }

  private static Row ratioRow(
      String n,
      String what,
      String key,
      String peer,
      String peerKey,
      double target,
      String targetText,
      Map<String, Double> s) {
    Double ours = s.get(key);
    Double theirs = s.get(peerKey);
    if (ours == null || theirs == null) {
      return new Row(n, what, peer, "not run", "—", targetText, "NOT RUN");
    }
    double ratio = ours / theirs;
    return new Row(
        n,
        what,
        peer,
        String.format(Locale.ROOT, "%,.0f ops/s vs %,.0f ops/s", ours, theirs),
        String.format(Locale.ROOT, "%.3f", ratio),
        targetText,
        ratio >= target ? "PASS" : "MISS");
  }

  static String markdown(Map<String, Double> scores, String command) {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmark results (issue 9)\n\n");
    md.append(
        "Ratios are taken within one run on one machine; absolute figures drift on shared machines.\n\n");
    md.append("- date: ")
        .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
        .append('\n');
    md.append("- machine: ")
        .append(System.getProperty("os.name"))
        .append(' ')
        .append(System.getProperty("os.arch"))
        .append(", ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores, ")
        .append(cpuModel())
        .append('\n');
    md.append("- JDK: ")
        .append(System.getProperty("java.vm.name"))
        .append(' ')
        .append(System.getProperty("java.runtime.version"))
        .append(" (")
        .append(System.getProperty("java.vendor"))
        .append(")\n");
    md.append("- runner JVM input arguments: ")
        .append(ManagementFactory.getRuntimeMXBean().getInputArguments())
        .append('\n');
    md.append("- command (from the repository root): `").append(command.strip()).append("`\n");
    md.append(
        "- raw results: `benchmarks/target/jmh-result.json` (JMH, rows 1-4), `benchmarks/target/jmh-result-export.json` (JMH, row 7), `benchmarks/target/db-result.json` (rows 5, 6, 8, 9: seconds, members per second and counts; rows 10 and 11 there too, or in `tenants-result.json` with `--tenants-only`)\n\n");
    md.append("| # | benchmark | compared with | measured | ratio | target | result |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (Row r : rows(scores)) {
      md.append("| ")
          .append(r.number())
          .append(" | ")
          .append(r.benchmark())
          .append(" | ")
          .append(r.comparedWith())
          .append(" | ")
          .append(r.measured())
          .append(" | ")
          .append(r.ratio())
          .append(" | ")
          .append(r.target())
          .append(" | ")
          .append(r.verdict())
          .append(" |\n");
    }
    md.append(
        "\nAll scores (JMH primary score: ops/s, higher is better, except the export: seconds for one export; rows 5, 6, 8, 9: seconds (`.s`), members per second or counts):\n\n| benchmark | score |\n|---|---|\n");
    scores.forEach(
        (k, v) ->
            md.append("| ")
                .append(k)
                .append(" | ")
                .append(String.format(Locale.ROOT, "%,.3f", v))
                .append(" |\n"));
    return md.toString();
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      return "cpu unknown";
    }
    return "cpu unknown";
  }
}
