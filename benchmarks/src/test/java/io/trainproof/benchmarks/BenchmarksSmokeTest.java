package io.trainproof.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * CI's smoke test: every benchmark runs once, briefly and in this JVM (no fork), on small data, and
 * the table is written. Not for figures.
 */
@Tag("slow")
class BenchmarksSmokeTest {
  @TempDir Path dir;

  private static Collection<RunResult> runBriefly(String include) throws Exception {
    return new Runner(
            new OptionsBuilder()
                .include(include)
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .timeUnit(TimeUnit.SECONDS)
                .shouldFailOnError(true)
                .build())
        .run();
  }

  @Test
  void everyInMemoryBenchmarkRunsAndTheTableIsWritten() throws Exception {
    System.setProperty("trainproof.bench.members", "200");
    System.setProperty("trainproof.bench.decisionMembers", "200");
    Map<String, Double> scores =
        RunBenchmarks.scores(
            runBriefly(
                "io\\.trainproof\\.benchmarks\\.(Signing|Jcs|Assignment|Engine)Benchmarks\\..*"));
    // 5 signing (row 2's floor too), 2 x 4 canonicalization, 1 sweep, 1 engine decision.
    assertEquals(15, scores.size(), scores.toString());
    scores.forEach((k, v) -> assertTrue(v > 0, k));
    Path md = dir.resolve("RESULTS.md");
    Files.writeString(md, RunBenchmarks.markdown(scores, "smoke"));
    String table = Files.readString(md);
    assertTrue(table.contains("| 1 | issue and sign"), table);
    assertTrue(table.contains("| 4 | assignment engine decision"), table);
    assertTrue(table.contains("| 4 (info) | the same through the public path"), table);
  }

  @Test
  void rowTwosAlternatingCpuRatioRunsAndEveryOperationVerifies() {
    // a few rounds only: it throws unless every operation of every round verified
    VerifyCpuRatio.main(new String[] {"3", "20", "200"});
  }

  @Test
  void handWrittenSectionsAfterTheTableAreKept() {
    String old =
        "# Benchmark results (issue 9)\n\n| # | a |\n|---|---|\n\n## Notes\n\nkept\n\n## Rows 1-3 after fixes\n\nalso kept\n";
    String kept = RunBenchmarks.handWritten(old);
    assertEquals("\n## Notes\n\nkept\n\n## Rows 1-3 after fixes\n\nalso kept\n", kept);
    assertEquals("", RunBenchmarks.handWritten("# Benchmark results (issue 9)\n\n| # | a |\n"));
  }

  @Test
  void theDatabaseRowsRunOnPostgreSql() throws Exception {
    boolean required = "true".equalsIgnoreCase(System.getenv("TRAINPROOF_REQUIRE_DATABASES"));
    if (!required) {
      Assumptions.assumeTrue(
          PgDatabase.reachable(),
          "PostgreSQL is not reachable at "
              + PgDatabase.HOST
              + "; the database rows' smoke test is SKIPPED");
    }
    System.setProperty("trainproof.bench.dbMembers", "24");
    System.setProperty("trainproof.bench.summarySeedMembers", "12");
    System.setProperty("trainproof.bench.summaryCopies", "2");
    Map<String, Double> figures = DbBenchmarks.all();
    for (String key :
        new String[] {
          "row5.sweep.s",
          "row5.plainInsert.s",
          "row5b.incremental.s",
          "row5b.full.s",
          "row6.summary.s",
          "row6.sql.s",
          "row8.sync.s",
          "row8.plainInsert.s",
          "row9.nodes1.membersPerSecond",
          "row9.nodes2.membersPerSecond",
          "row9.nodes4.membersPerSecond"
        }) {
      assertTrue(figures.containsKey(key) && figures.get(key) > 0, key + " in " + figures);
    }
    for (RunBenchmarks.Row row : RunBenchmarks.rows(figures)) {
      if (List.of("5", "6", "8", "9").contains(row.number())) {
        assertTrue(!row.verdict().equals("NOT RUN"), row.toString());
      }
    }
  }

  @Test
  void theTenantRowsRunOnPostgreSql() {
    boolean required = "true".equalsIgnoreCase(System.getenv("TRAINPROOF_REQUIRE_DATABASES"));
    if (!required) {
      Assumptions.assumeTrue(
          PgDatabase.reachable(),
          "PostgreSQL is not reachable at "
              + PgDatabase.HOST
              + "; the tenant rows' smoke test is SKIPPED");
    }
    // Rows 10 and 11 at a tiny size: 2 templates of 24 members (four-week steps), copied into 3
    // organizations.
    System.setProperty("trainproof.bench.tenants", "3");
    System.setProperty("trainproof.bench.tenantTemplates", "2");
    System.setProperty("trainproof.bench.tenantStaff", "24");
    System.setProperty("trainproof.bench.tenantReads", "5");
    System.setProperty("trainproof.bench.tenantStepDays", "28");
    Map<String, Double> figures = TenantBenchmarks.tenants(line -> {});
    assertEquals(3.0, figures.get("row10.organizations"), figures.toString());
    for (String key :
        new String[] {
          "row10.members",
          "row10.rows",
          "row10.nodes1.membersPerSecond",
          "row10.nodes2.membersPerSecond",
          "row10.nodes4.membersPerSecond",
          "row10.incremental.s",
          "row11.members",
          "row11.baseline.summary.p99.ms",
          "row11.baseline.transcript.p99.ms",
          "row11.sweep.summary.p99.ms",
          "row11.sweep.transcript.p99.ms"
        }) {
      assertTrue(figures.containsKey(key) && figures.get(key) > 0, key + " in " + figures);
    }
    for (RunBenchmarks.Row row : RunBenchmarks.rows(figures)) {
      if (List.of("10", "11").contains(row.number())) {
        assertTrue(!row.verdict().equals("NOT RUN"), row.toString());
      }
    }
  }

  @Test
  void copySizesSpreadFrom20To200WithMeanAbout100() {
    long total = 0;
    int smallest = Integer.MAX_VALUE;
    int largest = 0;
    for (int g = 1; g <= TenantBenchmarks.TENANTS; g++) {
      int k = TenantCopy.size(g);
      total += k;
      smallest = Math.min(smallest, k);
      largest = Math.max(largest, k);
    }
    assertEquals(20, smallest);
    assertEquals(200, largest);
    assertEquals(200, TenantCopy.size(1));
    double mean = (double) total / TenantBenchmarks.TENANTS;
    assertTrue(mean > 95 && mean < 105, "mean " + mean);
  }

  @Test
  void theExportRunsOnPostgreSql() throws Exception {
    boolean required = "true".equalsIgnoreCase(System.getenv("TRAINPROOF_REQUIRE_DATABASES"));
    if (!required) {
      Assumptions.assumeTrue(
          PgDatabase.reachable(),
          "PostgreSQL is not reachable at "
              + PgDatabase.HOST
              + "; the export smoke test is SKIPPED");
    }
    System.setProperty("trainproof.bench.exportSeedMembers", "20");
    System.setProperty("trainproof.bench.exportCopies", "3");
    Collection<RunResult> results =
        runBriefly("io\\.trainproof\\.benchmarks\\.ExportBenchmarks\\..*");
    assertEquals(1, results.size());
  }
}
