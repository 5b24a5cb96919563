package io.trainproof.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.Id;
import io.trainproof.core.renewal.RenewalScheduler;
import io.trainproof.persistence.jpa.JpaStore;
import io.trainproof.persistence.jpa.SqlDialect;
import io.trainproof.reporting.Reporting;
import io.trainproof.testkit.SettableClock;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Rows 10 and 11 (issue 22): many practices on one PostgreSQL. The population: {@link
 * TenantPopulation}'s templates (built through the services over two years), copied in SQL by
 * {@link TenantCopy} into {@value #TENANTS} organizations of 20 to 200 members ({@code
 * -Dtrainproof.bench.tenants=N} makes N; {@code -Dtrainproof.bench.tenantTemplates} and {@code
 * -Dtrainproof.bench.tenantStaff} shrink the templates for the smoke test, {@code
 * -Dtrainproof.bench.tenantStepDays} lengthens the steps of their history).
 *
 * <p>Row 10: the full sweep ({@code scheduler().sweep(true)}) across every organization with 1, 2
 * and 4 nodes, each node its own Trainproof, JpaStore and pool (as row 9), each on a new day;
 * checked: the nodes together visited every member once (the sum of visited is the member count,
 * and every member's sweep mark is that day), and no duplicate open cycle, assignment key or
 * message key. Then, informational, the incremental {@code sweep()} of the next day on one node.
 *
 * <p>Row 11: one officer's reads of the 200-member organization through the public API on a node of
 * its own (its own Trainproof, JpaStore and pool, as a web node): the organization summary ({@code
 * StatusService.summary}, what row 6 measures) and a member's transcript ({@code
 * ReportService.memberTranscript}, a different member each time), one pair every {@value
 * #READ_PAUSE_MS} ms. Latencies in ms, p50 and p99: first with nothing else running (baseline),
 * then while the one-node full sweep runs.
 */
final class TenantBenchmarks {
  /** Organizations in rows 10 and 11. */
  static final int TENANTS = 5_000;

  /** Template organizations built through the services. */
  static final int TEMPLATES = 4;

  /** Members of each template at go-live (it ends with about 30 % more, leavers included). */
  static final int STAFF = 200;

  /** Pause between two read pairs of row 11. */
  static final int READ_PAUSE_MS = 20;

  /** Read pairs of row 11's baseline (after as many for warm-up). */
  static final int BASELINE_READS = 200;

  /** At most this many read pairs during the sweep. */
  static final int MAX_READS = 10_000;

  private TenantBenchmarks() {}

  static int organizations() {
    return Integer.getInteger("trainproof.bench.tenants", TENANTS);
  }

  /**
   * Rows 10 and 11 on a fresh database.
   *
   * @param progress told what is being done (the runner prints it)
   * @return the figures
   */
  static Map<String, Double> tenants(Consumer<String> progress) {
    String kept = System.getProperty("trainproof.bench.tenantSchema");
    if (kept != null) {
      return readsOnKeptSchema(kept, progress);
    }
    int organizations = organizations();
    int templates = Integer.getInteger("trainproof.bench.tenantTemplates", TEMPLATES);
    int staff = Integer.getInteger("trainproof.bench.tenantStaff", STAFF);
    int baselineReads = Integer.getInteger("trainproof.bench.tenantReads", BASELINE_READS);
    Map<String, Double> out = new LinkedHashMap<>();
    try (PgDatabase db = PgDatabase.create();
        HikariDataSource pool = DbBenchmarks.pool(db, 4)) {
      progress.accept("rows 10-11: schema " + db.schema);
      progress.accept(
          "rows 10-11: building " + templates + " templates of " + staff + " members (2 years)");
      long start = System.nanoTime();
      JpaStore store = JpaStore.create(pool, SqlDialect.POSTGRESQL);
      TenantPopulation p;
      try {
        p =
            TenantPopulation.build(
                Trainproof.builder().store(store),
                templates,
                staff,
                Integer.getInteger("trainproof.bench.tenantStepDays", TenantPopulation.STEP_DAYS));
      } finally {
        store.close();
      }
      // A host's relay would have delivered two years of notices: marked delivered in SQL (the
      // dispatcher, one transaction per notice, would take most of the build's time).
      PgDatabase.execute(
          pool,
          "UPDATE tp_outbox SET delivered_at = created_at, attempts = 1 WHERE delivered_at IS NULL");
      double templateSeconds = DbBenchmarks.secondsSince(start);
      progress.accept(
          String.format(
              Locale.ROOT,
              "rows 10-11: templates built in %.1f s (%d completions, %d attestations); copying into %d organizations",
              templateSeconds,
              p.completions,
              p.attestations,
              organizations));
      start = System.nanoTime();
      Map<String, Long> rows = TenantCopy.copy(db.dataSource, p.templates, organizations);
      double copySeconds = DbBenchmarks.secondsSince(start);
      long members = Jdbc.count(pool, "SELECT count(*) FROM tp_member");
      long orgs = Jdbc.count(pool, "SELECT count(*) FROM tp_organization");
      if (orgs != organizations) {
        throw new IllegalStateException(
            orgs + " organizations after the copy, not " + organizations);
      }
      out.put("row10.organizations", (double) orgs);
      out.put("row10.members", (double) members);
      out.put("row10.rows", (double) rows.values().stream().mapToLong(Long::longValue).sum());
      out.put("row10.templates.s", templateSeconds);
      out.put("row10.copy.s", copySeconds);
      progress.accept(
          String.format(
              Locale.ROOT,
              "rows 10-11: copied in %.1f s: %,d members, rows per table %s",
              copySeconds,
              members,
              rows));

      SettableClock clock = Population.clockAt(TenantPopulation.START);
      try (HikariDataSource readPool = DbBenchmarks.pool(db, 2)) {
        JpaStore readStore = JpaStore.create(readPool, SqlDialect.POSTGRESQL);
        try {
          Reads reads = baseline(pool, readStore, clock, baselineReads, out);
          progress.accept("rows 10-11: baseline reads done; sweeping");

          for (int day = 0, nodes = 1; nodes <= 4; day++, nodes *= 2) {
            LocalDate on = TenantPopulation.START.plusDays(day);
            clock.set(on.atTime(9, 0).atZone(Population.ZONE).toInstant());
            double seconds =
                sweepOnNodes(db, clock, nodes, members, nodes == 1 ? reads : null, out);
            long missed =
                Jdbc.count(
                    pool,
                    "SELECT count(*) FROM tp_member WHERE swept_on IS DISTINCT FROM ?",
                    Date.valueOf(on));
            if (missed != 0) {
              throw new IllegalStateException(missed + " members not swept on " + on);
            }
            out.put("row10.nodes" + nodes + ".s", seconds);
            out.put("row10.nodes" + nodes + ".membersPerSecond", members / seconds);
            progress.accept(
                String.format(
                    Locale.ROOT,
                    "rows 10-11: %d node(s): %.1f s, %,.0f members/s, cores %.0f %% busy, %.0f %%"
                        + " stolen",
                    nodes,
                    seconds,
                    members / seconds,
                    100 * out.getOrDefault("row10.nodes" + nodes + ".cpuBusy", Double.NaN),
                    100 * out.getOrDefault("row10.nodes" + nodes + ".cpuSteal", Double.NaN)));
          }
          DbBenchmarks.checkNoDuplicates(pool);

          // Informational: what a real night costs, the incremental sweep of the next day.
          LocalDate next = TenantPopulation.START.plusDays(3);
          clock.set(next.atTime(9, 0).atZone(Population.ZONE).toInstant());
          try (HikariDataSource nightPool = DbBenchmarks.pool(db, 2)) {
            JpaStore nightStore = JpaStore.create(nightPool, SqlDialect.POSTGRESQL);
            try {
              Trainproof night = Trainproof.builder().store(nightStore).clock(clock).build();
              nightStore.inTransaction(tx -> tx.organizations().ids());
              long quiet = System.nanoTime();
              RenewalScheduler.SweepResult result = night.scheduler().sweep();
              out.put("row10.incremental.s", DbBenchmarks.secondsSince(quiet));
              out.put("row10.incremental.visited", (double) result.members());
              out.put("row10.incremental.created", (double) result.created());
            } finally {
              nightStore.close();
            }
          }
          DbBenchmarks.checkNoDuplicates(pool);
        } finally {
          readStore.close();
        }
      }
    }
    return out;
  }

  /**
   * Row 11 alone on a population a full run kept ({@code -Dtrainproof.bench.keepSchema=true}, then
   * {@code -Dtrainproof.bench.tenantSchema=NAME}): the baseline reads, then the reads during a
   * one-node full sweep of the day after the last day swept. Row 10 is not measured (its sweeps on
   * 2 and 4 nodes are not repeated).
   */
  private static Map<String, Double> readsOnKeptSchema(String schema, Consumer<String> progress) {
    int baselineReads = Integer.getInteger("trainproof.bench.tenantReads", BASELINE_READS);
    Map<String, Double> out = new LinkedHashMap<>();
    try (PgDatabase db = PgDatabase.existing(schema);
        HikariDataSource pool = DbBenchmarks.pool(db, 2)) {
      long members = Jdbc.count(pool, "SELECT count(*) FROM tp_member");
      long lastDay = Jdbc.count(pool, "SELECT max(swept_on) - DATE '2000-01-01' FROM tp_member");
      LocalDate on = LocalDate.of(2000, 1, 1).plusDays(lastDay + 1);
      out.put("row10.members", (double) members);
      out.put(
          "row10.organizations", (double) Jdbc.count(pool, "SELECT count(*) FROM tp_organization"));
      SettableClock clock = Population.clockAt(on);
      try (HikariDataSource readPool = DbBenchmarks.pool(db, 2)) {
        JpaStore readStore = JpaStore.create(readPool, SqlDialect.POSTGRESQL);
        try {
          Reads reads = baseline(pool, readStore, clock, baselineReads, out);
          progress.accept("row 11 on " + schema + ": baseline reads done; sweeping " + on);
          clock.set(on.atTime(9, 0).atZone(Population.ZONE).toInstant());
          double seconds = sweepOnNodes(db, clock, 1, members, reads, out);
          out.put("row11.sweep.s", seconds);
          progress.accept(
              String.format(
                  Locale.ROOT, "row 11: one-node full sweep of %s took %.1f s", on, seconds));
        } finally {
          readStore.close();
        }
      }
    }
    return out;
  }

  /**
   * Row 11's reader, the officer of the largest organization on a node of its own (its own
   * Trainproof on {@code readStore}), after its warm-up and its baseline reads (put in {@code out}
   * as {@code row11.baseline.*}, with {@code row11.members}).
   */
  private static Reads baseline(
      HikariDataSource pool,
      JpaStore readStore,
      SettableClock clock,
      int baselineReads,
      Map<String, Double> out) {
    UUID largest = largest(pool);
    List<UUID> readMembers = membersOf(pool, largest);
    out.put("row11.members", (double) readMembers.size());
    Trainproof reader = Trainproof.builder().store(readStore).clock(clock).build();
    Reads reads =
        new Reads(
            reader,
            Reporting.builder(reader).build(),
            Actor.complianceOfficer("officer-1", new Id<>(largest)),
            readMembers,
            clock);
    reads.run(baselineReads, new AtomicBoolean()); // warm-up
    reads.run(baselineReads, new AtomicBoolean()).put("row11.baseline", out);
    return reads;
  }

  /** Rows 10 and 11 (issue 22): many organizations on one PostgreSQL. */
  static List<RunBenchmarks.Row> rows(Map<String, Double> s) {
    List<RunBenchmarks.Row> rows = new ArrayList<>();
    Double one = s.get("row10.nodes1.membersPerSecond");
    Double two = s.get("row10.nodes2.membersPerSecond");
    Double four = s.get("row10.nodes4.membersPerSecond");
    String target10 = "4 nodes ≥ 2.5× one node; no duplicate, no missed member";
    if (one == null || two == null || four == null) {
      rows.add(
          new RunBenchmarks.Row(
              "10",
              "nightly full sweep across many organizations on one PostgreSQL, 1, 2, 4 nodes",
              "1 node",
              "not run",
              "—",
              target10,
              "NOT RUN"));
    } else {
      double ratio = four / one;
      rows.add(
          new RunBenchmarks.Row(
              "10",
              "nightly full sweep (sweep(true)) of "
                  + count(s, "row10.members")
                  + " members in "
                  + count(s, "row10.organizations")
                  + " organizations of 20 to 200 (two years of history) with 1, 2, 4 nodes (own"
                  + " JpaStore and pool each) on one PostgreSQL; every member visited once, no"
                  + " duplicates (checked)",
              "1 node",
              String.format(
                  Locale.ROOT,
                  "%,.0f / %,.0f / %,.0f members/s (%.1f / %.1f / %.1f s; the machine's cores"
                      + " %.0f / %.0f / %.0f %% busy)",
                  one,
                  two,
                  four,
                  s.getOrDefault("row10.nodes1.s", Double.NaN),
                  s.getOrDefault("row10.nodes2.s", Double.NaN),
                  s.getOrDefault("row10.nodes4.s", Double.NaN),
                  100 * s.getOrDefault("row10.nodes1.cpuBusy", Double.NaN),
                  100 * s.getOrDefault("row10.nodes2.cpuBusy", Double.NaN),
                  100 * s.getOrDefault("row10.nodes4.cpuBusy", Double.NaN)),
              String.format(Locale.ROOT, "%.2f (2 nodes: %.2f)", ratio, two / one),
              target10,
              ratio >= 2.5 ? "PASS" : "MISS"));
    }
    Double incremental = s.get("row10.incremental.s");
    if (incremental != null) {
      rows.add(
          new RunBenchmarks.Row(
              "10 (info)",
              "the incremental nightly sweep (sweep()) of the next day, one node: "
                  + count(s, "row10.incremental.visited")
                  + " members due, "
                  + count(s, "row10.incremental.created")
                  + " assignments created",
              "—",
              String.format(Locale.ROOT, "%.3f s", incremental),
              "—",
              "informational",
              "—"));
    }
    Double summary = s.get("row11.sweep.summary.p99.ms");
    Double transcript = s.get("row11.sweep.transcript.p99.ms");
    String target11 = "p99 ≤ 50 ms";
    if (summary == null || transcript == null) {
      rows.add(
          new RunBenchmarks.Row(
              "11",
              "organization summary and member transcript of one 200-member organization while"
                  + " the sweep runs",
              "the same with no sweep",
              "not run",
              "—",
              target11,
              "NOT RUN"));
    } else {
      rows.add(
          new RunBenchmarks.Row(
              "11",
              "organization summary (StatusService.summary) and member transcript"
                  + " (ReportService.memberTranscript) of one "
                  + count(s, "row11.members")
                  + "-member organization, as its officer on a node of its own, while row 10's"
                  + " one-node sweep runs ("
                  + count(s, "row11.sweep.reads")
                  + " pairs, one every "
                  + READ_PAUSE_MS
                  + " ms)",
              "the same with no sweep running",
              String.format(
                  Locale.ROOT,
                  "summary p50 %.1f ms, p99 %.1f ms; transcript p50 %.1f ms, p99 %.1f ms"
                      + " (no sweep: summary %.1f / %.1f ms, transcript %.1f / %.1f ms)",
                  s.getOrDefault("row11.sweep.summary.p50.ms", Double.NaN),
                  summary,
                  s.getOrDefault("row11.sweep.transcript.p50.ms", Double.NaN),
                  transcript,
                  s.getOrDefault("row11.baseline.summary.p50.ms", Double.NaN),
                  s.getOrDefault("row11.baseline.summary.p99.ms", Double.NaN),
                  s.getOrDefault("row11.baseline.transcript.p50.ms", Double.NaN),
                  s.getOrDefault("row11.baseline.transcript.p99.ms", Double.NaN)),
              "—",
              target11,
              summary <= 50 && transcript <= 50 ? "PASS" : "MISS"));
    }
    return rows;
  }

  private static String count(Map<String, Double> s, String key) {
    Double v = s.get(key);
    return v == null ? "?" : String.format(Locale.ROOT, "%,.0f", v);
  }

  /** The organization with the most members (copy 1: 200 unless the templates are smaller). */
  private static UUID largest(HikariDataSource pool) {
    return membersQuery(
            pool,
            "SELECT org_id FROM tp_member GROUP BY org_id ORDER BY count(*) DESC, org_id LIMIT 1",
            null)
        .get(0);
  }

  private static List<UUID> membersOf(HikariDataSource pool, UUID org) {
    return membersQuery(pool, "SELECT id FROM tp_member WHERE org_id = ? ORDER BY id", org);
  }

  private static List<UUID> membersQuery(HikariDataSource pool, String sql, UUID param) {
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      if (param != null) {
        s.setObject(1, param);
      }
      List<UUID> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getObject(1, UUID.class));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
    }
  }

  /** Row 11's reader: the summary and a transcript, a pair at a time. */
  private static final class Reads {
    final Trainproof trainproof;
    final Reporting reporting;
    final Actor officer;
    final List<UUID> members;
    final SettableClock clock;
    int next;

    Reads(
        Trainproof trainproof,
        Reporting reporting,
        Actor officer,
        List<UUID> members,
        SettableClock clock) {
      this.trainproof = trainproof;
      this.reporting = reporting;
      this.officer = officer;
      this.members = members;
      this.clock = clock;
    }

    /** Up to {@code max} pairs, stopping early when {@code stop} is set. */
    Latencies run(int max, AtomicBoolean stop) {
      List<Double> summary = new ArrayList<>();
      List<Double> transcript = new ArrayList<>();
      try {
        while (summary.size() < max && !stop.get()) {
          LocalDate today = LocalDate.ofInstant(clock.instant(), Population.ZONE);
          long t = System.nanoTime();
          if (trainproof.status().summary(officer, today).isEmpty()) {
            throw new IllegalStateException("an empty summary of " + officer.organization());
          }
          double summaryMs = (System.nanoTime() - t) / 1e6;
          UUID member = members.get(next++ % members.size());
          t = System.nanoTime();
          reporting.reports().memberTranscript(officer, new Id<>(member), today);
          transcript.add((System.nanoTime() - t) / 1e6);
          summary.add(summaryMs);
          Thread.sleep(READ_PAUSE_MS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new Latencies(summary, transcript);
    }
  }

  /** Latencies in ms, one per read pair. */
  record Latencies(List<Double> summary, List<Double> transcript) {
    void put(String prefix, Map<String, Double> out) {
      if (summary.isEmpty()) {
        throw new IllegalStateException(prefix + ": no read completed");
      }
      out.put(prefix + ".reads", (double) summary.size());
      out.put(prefix + ".summary.p50.ms", percentile(summary, 0.50));
      out.put(prefix + ".summary.p99.ms", percentile(summary, 0.99));
      out.put(prefix + ".transcript.p50.ms", percentile(transcript, 0.50));
      out.put(prefix + ".transcript.p99.ms", percentile(transcript, 0.99));
    }
  }

  /** The nearest-rank percentile. */
  static double percentile(List<Double> values, double q) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /**
   * One full sweep with {@code nodes} Trainproof instances, each on its own store and pool; with
   * {@code reads}, row 11's reader runs from the sweep's start to its end.
   *
   * @return the seconds from the start of the sweeps to the end of the last
   */
  private static double sweepOnNodes(
      PgDatabase db,
      SettableClock clock,
      int nodes,
      long members,
      Reads reads,
      Map<String, Double> out) {
    List<HikariDataSource> pools = new ArrayList<>();
    List<JpaStore> stores = new ArrayList<>();
    List<Trainproof> instances = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(nodes + 1);
    AtomicBoolean stop = new AtomicBoolean();
    try {
      for (int n = 0; n < nodes; n++) {
        HikariDataSource pool = DbBenchmarks.pool(db, 2);
        pools.add(pool);
        JpaStore store = JpaStore.create(pool, SqlDialect.POSTGRESQL);
        stores.add(store);
        instances.add(Trainproof.builder().store(store).clock(clock).build());
      }
      // Each node opens its pool and factory before the clock starts.
      for (JpaStore store : stores) {
        store.inTransaction(tx -> tx.organizations().ids());
      }
      Future<Latencies> reading =
          reads == null ? null : threads.submit(() -> reads.run(MAX_READS, stop));
      long start = System.nanoTime();
      HostCpu cpuBefore = HostCpu.now();
      List<Future<RenewalScheduler.SweepResult>> results = new ArrayList<>();
      for (Trainproof t : instances) {
        // why: the full sweep, so every member is visited whatever their next change date
        results.add(threads.submit(() -> t.scheduler().sweep(true)));
      }
      long visited = 0;
      for (Future<RenewalScheduler.SweepResult> f : results) {
        visited += f.get().members();
      }
      double seconds = DbBenchmarks.secondsSince(start);
      HostCpu cpuAfter = HostCpu.now();
      if (cpuBefore != null && cpuAfter != null) {
        // why: how busy the machine's cores were (nodes, reader and PostgreSQL together)
        out.put("row10.nodes" + nodes + ".cpuBusy", cpuAfter.busyShareSince(cpuBefore));
        out.put("row10.nodes" + nodes + ".cpuSteal", cpuAfter.stealShareSince(cpuBefore));
      }
      stop.set(true);
      if (reading != null) {
        reading.get().put("row11.sweep", out);
      }
      if (visited != members) {
        throw new IllegalStateException(
            nodes + " nodes visited " + visited + " members of " + members);
      }
      return seconds;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a node's sweep or the reader failed", e.getCause());
    } finally {
      stop.set(true);
      threads.shutdownNow();
      stores.forEach(JpaStore::close);
      pools.forEach(HikariDataSource::close);
    }
  }
}
