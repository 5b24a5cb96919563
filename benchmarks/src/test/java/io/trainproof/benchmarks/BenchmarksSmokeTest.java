package io.trainproof.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * CI's smoke test: every benchmark runs once, briefly and in this JVM (no fork), on small data,
 * and the table is written. Not for figures.
 */
class BenchmarksSmokeTest {
  @TempDir Path dir;

  private static Collection<RunResult> runBriefly(String include) throws Exception {
    return new Runner(new OptionsBuilder()
        .include(include)
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(100))
        .timeUnit(TimeUnit.SECONDS)
        .shouldFailOnError(true)
        .build()).run();
  }

  @Test
  void everyInMemoryBenchmarkRunsAndTheTableIsWritten() throws Exception {
    System.setProperty("trainproof.bench.members", "200");
    Map<String, Double> scores = RunBenchmarks.scores(
        runBriefly("io\\.trainproof\\.benchmarks\\.(Signing|Jcs|Assignment)Benchmarks\\..*"));
    // 4 signing, 2 x 4 canonicalization, 1 assignment.
    assertEquals(13, scores.size(), scores.toString());
    scores.forEach((k, v) -> assertTrue(v > 0, k));
    Path md = dir.resolve("RESULTS.md");
    Files.writeString(md, RunBenchmarks.markdown(scores, "smoke"));
    String table = Files.readString(md);
    assertTrue(table.contains("| 1 | issue and sign"), table);
    assertTrue(table.contains("| 4 | assignment evaluation"), table);
  }

  @Test
  void theExportRunsOnPostgreSql() throws Exception {
    boolean required = "true".equalsIgnoreCase(System.getenv("TRAINPROOF_REQUIRE_DATABASES"));
    if (!required) {
      Assumptions.assumeTrue(PgDatabase.reachable(), "PostgreSQL is not reachable at " + PgDatabase.HOST
          + "; the export smoke test is SKIPPED");
    }
    System.setProperty("trainproof.bench.exportSeedMembers", "20");
    System.setProperty("trainproof.bench.exportCopies", "3");
    Collection<RunResult> results = runBriefly("io\\.trainproof\\.benchmarks\\.ExportBenchmarks\\..*");
    assertEquals(1, results.size());
  }
}
