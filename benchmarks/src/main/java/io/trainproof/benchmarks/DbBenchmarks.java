package io.trainproof.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.renewal.RenewalScheduler;
import io.trainproof.integrations.ImportMode;
import io.trainproof.integrations.roster.RosterOptions;
import io.trainproof.integrations.roster.RosterResult;
import io.trainproof.integrations.roster.RosterRow;
import io.trainproof.integrations.roster.RosterSync;
import io.trainproof.persistence.jpa.JpaStore;
import io.trainproof.persistence.jpa.SqlDialect;
import io.trainproof.testkit.Fixtures;
import io.trainproof.testkit.SettableClock;
import java.sql.Date;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Rows 5, 8 and 9: single-shot measurements on the local PostgreSQL, each data set in its own
 * schema ({@link PgDatabase}), the product through the JPA store on a pooled data source (as a host
 * runs it) and the plain-JDBC comparison on the same pool. Both sides use the driver's {@code
 * reWriteBatchedInserts=true}. Each figure is one measurement (seconds, or members per second); the
 * ratios are taken within the run.
 *
 * <p>Sizes: {@value #MEMBERS} members by default; {@code -Dtrainproof.bench.dbMembers=N} (a
 * multiple of {@value #SEED} or smaller than it) shrinks every row for the smoke test.
 */
final class DbBenchmarks {
  /** Members in rows 5, 8 and 9. */
  static final int MEMBERS = 100_000;

  /** Requirements (yearly, each for everyone) in rows 5, 8 and 9. */
  static final int REQUIREMENTS = 4;

  /** Members built through the services before the SQL copy (rows 5 and 9). */
  static final int SEED = 500;

  private DbBenchmarks() {}

  /**
   * Every database row, one after the other.
   *
   * @return the figures by name
   */
  static Map<String, Double> all() {
    Map<String, Double> out = new LinkedHashMap<>();
    out.putAll(sweeps());
    out.putAll(rosterSync());
    out.putAll(SummaryBenchmark.run());
    return out;
  }

  static int members() {
    return Integer.getInteger("trainproof.bench.dbMembers", MEMBERS);
  }

  static HikariDataSource pool(PgDatabase db, int size) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(db.source(true));
    config.setMaximumPoolSize(size);
    config.setAutoCommit(true);
    config.setPoolName(
        "bench-" + db.schema + "-" + size + "-" + UUID.randomUUID().toString().substring(0, 4));
    return new HikariDataSource(config);
  }

  static double secondsSince(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * Row 5 (the sweep on {@link Population#START}, a twelfth of the members in their renewal window,
   * against a plain batch insert of the assignment rows it created), row 5b (the incremental sweep
   * of the next day against the full sweep of the day after) and row 9 (the full sweeps of the next
   * three days with 1, 2 and 4 nodes).
   *
   * @return the figures
   */
  static Map<String, Double> sweeps() {
    int members = members();
    int seed = Math.min(SEED, members);
    int copies = Math.max(1, members / seed);
    members = seed * copies;
    Map<String, Double> out = new LinkedHashMap<>();
    try (PgDatabase db = PgDatabase.create();
        HikariDataSource pool = pool(db, 4)) {
      JpaStore store = JpaStore.create(pool, SqlDialect.POSTGRESQL);
      try {
        Population p = Population.build(Trainproof.builder().store(store), seed, REQUIREMENTS);
        copyPopulation(db, copies - 1);

        // What is there before the sweep, so what it wrote can be told apart afterwards.
        long auditBefore = Jdbc.count(pool, "SELECT coalesce(max(seq_no), 0) FROM tp_audit_entry");
        PgDatabase.execute(pool, "CREATE TABLE bench_outbox_before AS SELECT id FROM tp_outbox");

        long start = System.nanoTime();
        RenewalScheduler.SweepResult sweep = p.trainproof.scheduler().sweep();
        double sweepSeconds = secondsSince(start);
        if (sweep.members() != members) {
          throw new IllegalStateException(
              "the sweep visited " + sweep.members() + " of " + members);
        }
        Jdbc.Rows created =
            Jdbc.select(pool, "tp_assignment", "assigned_on = ?", Date.valueOf(Population.START));
        if (created.values().size() != sweep.created() || sweep.created() == 0) {
          throw new IllegalStateException(
              "the sweep created " + sweep.created() + ", found " + created.values().size());
        }
        int id = created.index("id");
        int order = created.index("id_order");
        int key = created.index("dedupe_key");
        Jdbc.Rows plain =
            created.map(
                row -> {
                  UUID fresh = UUID.randomUUID();
                  row[id] = fresh;
                  row[order] = Jdbc.idOrder(fresh);
                  row[key] = row[key] + "#plain";
                  return row;
                });
        double insertSeconds = Jdbc.insert(pool, List.of(plain));
        PgDatabase.execute(pool, "DELETE FROM tp_assignment WHERE dedupe_key LIKE '%#plain'");
        out.put("row5.members", (double) members);
        out.put("row5.created", (double) sweep.created());
        out.put("row5.sweep.s", sweepSeconds);
        out.put("row5.plainInsert.s", insertSeconds);

        // The floor (informational): the sweep's reads and writes done by hand in plain JDBC.
        // Every row it wrote (assignments, notices in the outbox, audit entries), re-keyed and
        // batch-inserted again; and the facts it read for every member, 500 members a query.
        Jdbc.Rows outbox =
            Jdbc.select(pool, "tp_outbox", "id NOT IN (SELECT id FROM bench_outbox_before)");
        Jdbc.Rows audit = Jdbc.select(pool, "tp_audit_entry", "seq_no > ?", auditBefore);
        int outboxId = outbox.index("id");
        int outboxKey = outbox.index("idempotency_key");
        int auditId = audit.index("id");
        int auditSeq = audit.index("seq_no");
        Jdbc.Rows plainOutbox =
            outbox.map(
                row -> {
                  row[outboxId] = UUID.randomUUID();
                  row[outboxKey] = row[outboxKey] + "#plain";
                  return row;
                });
        Jdbc.Rows plainAudit =
            audit.map(
                row -> {
                  row[auditId] = UUID.randomUUID();
                  row[auditSeq] = ((Number) row[auditSeq]).longValue() + 1_000_000_000L;
                  return row;
                });
        double writeSeconds = Jdbc.insert(pool, List.of(plain, plainOutbox, plainAudit));
        PgDatabase.execute(
            pool,
            "DELETE FROM tp_assignment WHERE dedupe_key LIKE '%#plain'",
            "DELETE FROM tp_outbox WHERE idempotency_key LIKE '%#plain'",
            "DELETE FROM tp_audit_entry WHERE seq_no > 1000000000",
            "DROP TABLE bench_outbox_before");
        double readSeconds = Jdbc.readFacts(pool);
        out.put(
            "row5.plainWrites.rows",
            (double)
                (plain.values().size() + plainOutbox.values().size() + plainAudit.values().size()));
        out.put("row5.plainWrites.s", writeSeconds);
        out.put("row5.plainRead.s", readSeconds);

        // Row 5b: the incremental sweep the day after, when row 5's sweep has stored every
        // member's next change date: it visits only the members with something due that day (a
        // window opening, a reminder threshold), against the full sweep of the next day (row 9's
        // one node). No member was written in between.
        p.clock.set(Population.START.plusDays(1).atTime(9, 0).atZone(Population.ZONE).toInstant());
        long quiet = System.nanoTime();
        RenewalScheduler.SweepResult incremental = p.trainproof.scheduler().sweep(false);
        out.put("row5b.incremental.s", secondsSince(quiet));
        out.put("row5b.visited", (double) incremental.members());
        out.put("row5b.created", (double) incremental.created());

        for (int day = 2, nodes = 1; nodes <= 4; day++, nodes *= 2) {
          p.clock.set(
              Population.START.plusDays(day).atTime(9, 0).atZone(Population.ZONE).toInstant());
          double rate = sweepOnNodes(db, p.clock, nodes, members);
          out.put("row9.nodes" + nodes + ".membersPerSecond", rate);
          if (nodes == 1) {
            out.put("row5b.full.s", members / rate);
          }
        }
        checkNoDuplicates(pool);
      } finally {
        store.close();
      }
    }
    return out;
  }

  /** Sweeps once with {@code nodes} Trainproof instances, each on its own store and pool. */
  private static double sweepOnNodes(PgDatabase db, SettableClock clock, int nodes, int members) {
    List<HikariDataSource> pools = new ArrayList<>();
    List<JpaStore> stores = new ArrayList<>();
    List<Trainproof> instances = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(nodes);
    try {
      for (int n = 0; n < nodes; n++) {
        HikariDataSource pool = pool(db, 2);
        pools.add(pool);
        JpaStore store = JpaStore.create(pool, SqlDialect.POSTGRESQL);
        stores.add(store);
        instances.add(Trainproof.builder().store(store).clock(clock).build());
      }
      // Each node opens its pool and factory before the clock starts.
      for (JpaStore store : stores) {
        store.inTransaction(tx -> tx.organizations().ids());
      }
      long start = System.nanoTime();
      List<Future<RenewalScheduler.SweepResult>> results = new ArrayList<>();
      for (Trainproof t : instances) {
        // why: the full sweep, so every member is visited whatever their next change date
        results.add(threads.submit(() -> t.scheduler().sweep(true)));
      }
      int visited = 0;
      for (Future<RenewalScheduler.SweepResult> f : results) {
        visited += f.get().members();
      }
      double seconds = secondsSince(start);
      if (visited != members) {
        throw new IllegalStateException(
            nodes + " nodes visited " + visited + " members of " + members);
      }
      return members / seconds;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a node's sweep failed", e.getCause());
    } finally {
      threads.shutdownNow();
      stores.forEach(JpaStore::close);
      pools.forEach(HikariDataSource::close);
    }
  }

  /** No member holds two open cycle assignments under one requirement; keys are unique. */
  static void checkNoDuplicates(HikariDataSource pool) {
    long doubled =
        Jdbc.count(
            pool,
            "SELECT count(*) FROM (SELECT member_id, requirement_id FROM tp_assignment"
                + " WHERE closure_state IS NULL AND reason <> 'POLICY_CHANGE' GROUP BY member_id, requirement_id"
                + " HAVING count(*) > 1) x");
    long keys =
        Jdbc.count(
            pool, "SELECT count(*) - count(DISTINCT (org_id, dedupe_key)) FROM tp_assignment");
    long messages =
        Jdbc.count(
            pool, "SELECT count(*) - count(DISTINCT (org_id, idempotency_key)) FROM tp_outbox");
    if (doubled != 0 || keys != 0 || messages != 0) {
      throw new IllegalStateException(
          "duplicates after the multi-node sweeps: "
              + doubled
              + " doubled open cycles, "
              + keys
              + " repeated assignment keys, "
              + messages
              + " repeated messages");
    }
  }

  /**
   * Row 8: a full roster sync of new members (each gets an onboarding assignment per requirement)
   * in apply-valid-rows mode, where each row has its own unit of work and the sync hires new active
   * members 500 per {@code hireAll} call, against plain batch inserts of the same member, terms and
   * assignment rows.
   *
   * @return the figures
   */
  static Map<String, Double> rosterSync() {
    int members = members();
    Map<String, Double> out = new LinkedHashMap<>();
    try (PgDatabase db = PgDatabase.create();
        HikariDataSource pool = pool(db, 4)) {
      JpaStore store = JpaStore.create(pool, SqlDialect.POSTGRESQL);
      try {
        SettableClock clock = Population.clockAt(Population.START);
        Trainproof tp = Trainproof.builder().store(store).clock(clock).build();
        Fixtures fx = Fixtures.organization(tp, Population.ZONE);
        for (int r = 0; r < REQUIREMENTS; r++) {
          Course course = fx.course("COURSE-" + r);
          fx.requirement(
              "Requirement " + r,
              Fixtures.terms(course, Population.START.minusYears(1))
                  .recurrence(
                      Recurrence.every(Period.ofYears(1), Recurrence.CountFrom.COMPLETION),
                      Period.ofDays(30))
                  .initialDueDays(30)
                  .build());
        }
        List<RosterRow> rows = new ArrayList<>(members);
        for (int i = 0; i < members; i++) {
          rows.add(
              RosterRow.active(
                  "HR-" + i,
                  "Member " + i,
                  WorkforceType.EMPLOYEE,
                  Set.of("staff"),
                  "Dept-" + (i % 20),
                  null,
                  Population.START.minusDays(i % 30)));
        }
        long start = System.nanoTime();
        RosterResult result =
            new RosterSync(tp)
                .apply(fx.officer(), rows, RosterOptions.full(ImportMode.APPLY_VALID_ROWS));
        double syncSeconds = secondsSince(start);
        if (!result.ok() || Jdbc.count(pool, "SELECT count(*) FROM tp_member") != members) {
          throw new IllegalStateException(
              "the roster sync did not add "
                  + members
                  + " members: "
                  + result.summary()
                  + " "
                  + result.errors().subList(0, Math.min(3, result.errors().size())));
        }
        long assignments = Jdbc.count(pool, "SELECT count(*) FROM tp_assignment");
        if (assignments != (long) members * REQUIREMENTS) {
          throw new IllegalStateException(
              assignments + " onboarding assignments for " + members + " members");
        }
        // The same rows again under fresh ids (and suffixed keys), members first.
        Jdbc.Rows memberRows = Jdbc.select(pool, "tp_member", "true");
        Map<Object, UUID> fresh = new HashMap<>();
        int mid = memberRows.index("id");
        int morder = memberRows.index("id_order");
        int ext = memberRows.index("external_id");
        Jdbc.Rows plainMembers =
            memberRows.map(
                row -> {
                  UUID id = UUID.randomUUID();
                  fresh.put(row[mid], id);
                  row[mid] = id;
                  row[morder] = Jdbc.idOrder(id);
                  row[ext] = row[ext] + "#plain";
                  return row;
                });
        Jdbc.Rows termRows = Jdbc.select(pool, "tp_member_terms", "true");
        int tmember = termRows.index("member_id");
        Jdbc.Rows plainTerms =
            termRows.map(
                row -> {
                  row[tmember] = fresh.get(row[tmember]);
                  return row;
                });
        Jdbc.Rows assignmentRows = Jdbc.select(pool, "tp_assignment", "true");
        int aid = assignmentRows.index("id");
        int aorder = assignmentRows.index("id_order");
        int amember = assignmentRows.index("member_id");
        int akey = assignmentRows.index("dedupe_key");
        Jdbc.Rows plainAssignments =
            assignmentRows.map(
                row -> {
                  UUID id = UUID.randomUUID();
                  row[aid] = id;
                  row[aorder] = Jdbc.idOrder(id);
                  row[amember] = fresh.get(row[amember]);
                  row[akey] = row[akey] + "#plain";
                  return row;
                });
        double insertSeconds =
            Jdbc.insert(pool, List.of(plainMembers, plainTerms, plainAssignments));
        out.put("row8.members", (double) members);
        out.put("row8.assignments", (double) assignments);
        out.put("row8.sync.s", syncSeconds);
        out.put("row8.plainInsert.s", insertSeconds);
      } finally {
        store.close();
      }
    }
    return out;
  }

  /**
   * Copies every member with its terms, assignments and completions (with their roles and policy
   * versions) {@code extra} times, in SQL: fresh ids, suffixed external ids and dedupe keys,
   * references remapped to the copies.
   */
  static void copyPopulation(PgDatabase db, int extra) {
    if (extra <= 0) {
      return;
    }
    String idOrder =
        "substr('89abcdef01234567', ('x' || substr(replace(%1$s::text, '-', ''), 1, 1))::bit(4)::int + 1, 1)"
            + " || substr(replace(%1$s::text, '-', ''), 2, 15)"
            + " || substr('89abcdef01234567', ('x' || substr(replace(%1$s::text, '-', ''), 17, 1))::bit(4)::int + 1, 1)"
            + " || substr(replace(%1$s::text, '-', ''), 18, 15)";
    PgDatabase.execute(
        db.dataSource,
        "CREATE TEMPORARY TABLE bench_member_map AS SELECT m.org_id, m.id AS src, g, gen_random_uuid() AS dst"
            + " FROM tp_member m CROSS JOIN generate_series(1, "
            + extra
            + ") g",
        "CREATE TEMPORARY TABLE bench_assignment_map AS SELECT a.org_id, a.id AS src, mm.g,"
            + " gen_random_uuid() AS dst FROM tp_assignment a"
            + " JOIN bench_member_map mm ON mm.org_id = a.org_id AND mm.src = a.member_id",
        "CREATE TEMPORARY TABLE bench_completion_map AS SELECT c.org_id, c.id AS src, mm.g,"
            + " gen_random_uuid() AS dst FROM tp_completion c"
            + " JOIN bench_member_map mm ON mm.org_id = c.org_id AND mm.src = c.member_id",
        "CREATE INDEX ON bench_assignment_map (src, g)",
        "CREATE INDEX ON bench_completion_map (src, g)",
        "INSERT INTO tp_member (id, org_id, external_id, id_order, display_name, engaged_on, version, swept_on)"
            + " SELECT mm.dst, m.org_id, m.external_id || '-c' || mm.g, "
            + String.format(idOrder, "mm.dst")
            + ", m.display_name || ' copy ' || mm.g, m.engaged_on, m.version, m.swept_on"
            + " FROM tp_member m JOIN bench_member_map mm ON mm.org_id = m.org_id AND mm.src = m.id",
        "INSERT INTO tp_member_terms (org_id, member_id, seq, effective_from, workforce_type, roles,"
            + " department, manager_id, status)"
            + " SELECT t.org_id, mm.dst, t.seq, t.effective_from, t.workforce_type, t.roles, t.department, t.manager_id, t.status"
            + " FROM tp_member_terms t JOIN bench_member_map mm ON mm.org_id = t.org_id AND mm.src = t.member_id",
        "INSERT INTO tp_assignment (id, org_id, member_id, course_id, requirement_id, reason, policy_version_id,"
            + " dedupe_key, assigned_on, assigned_at, assigned_by, anchor_on, due_on, started_on, closure_state,"
            + " closure_on, closure_recorded_at, closure_by, closure_reason, closure_completion_id, version, id_order)"
            + " SELECT am.dst, a.org_id, mm.dst, a.course_id, a.requirement_id, a.reason, a.policy_version_id,"
            + " a.dedupe_key || '#c' || mm.g, a.assigned_on, a.assigned_at, a.assigned_by, a.anchor_on, a.due_on,"
            + " a.started_on, a.closure_state, a.closure_on, a.closure_recorded_at, a.closure_by, a.closure_reason,"
            + " cm.dst, a.version, "
            + String.format(idOrder, "am.dst")
            + " FROM tp_assignment a JOIN bench_member_map mm ON mm.org_id = a.org_id AND mm.src = a.member_id"
            + " JOIN bench_assignment_map am ON am.org_id = a.org_id AND am.src = a.id AND am.g = mm.g"
            + " LEFT JOIN bench_completion_map cm ON cm.org_id = a.org_id"
            + " AND cm.src = a.closure_completion_id AND cm.g = mm.g",
        "INSERT INTO tp_completion (id, org_id, member_id, workforce_type, assignment_id, course_id, course_version_id,"
            + " content_sha256, reason, change_version_id, change_effective_on, assigned_on, due_on, completed_on,"
            + " recorded_at, score, passed, method, recorded_by, source, source_ref, justification, retention_until,"
            + " id_order)"
            + " SELECT cm.dst, c.org_id, mm.dst, c.workforce_type, am.dst, c.course_id, c.course_version_id,"
            + " c.content_sha256, c.reason, c.change_version_id, c.change_effective_on, c.assigned_on, c.due_on,"
            + " c.completed_on, c.recorded_at, c.score, c.passed, c.method, c.recorded_by, c.source, c.source_ref,"
            + " c.justification, c.retention_until, "
            + String.format(idOrder, "cm.dst")
            + " FROM tp_completion c JOIN bench_member_map mm ON mm.org_id = c.org_id AND mm.src = c.member_id"
            + " JOIN bench_completion_map cm ON cm.org_id = c.org_id AND cm.src = c.id AND cm.g = mm.g"
            + " JOIN bench_assignment_map am ON am.org_id = c.org_id AND am.src = c.assignment_id"
            + " AND am.g = mm.g",
        "INSERT INTO tp_completion_role (org_id, completion_id, role)"
            + " SELECT r.org_id, cm.dst, r.role FROM tp_completion_role r"
            + " JOIN bench_completion_map cm ON cm.org_id = r.org_id AND cm.src = r.completion_id",
        "INSERT INTO tp_completion_policy_version (org_id, completion_id, policy_version_id)"
            + " SELECT v.org_id, cm.dst, v.policy_version_id FROM tp_completion_policy_version v"
            + " JOIN bench_completion_map cm ON cm.org_id = v.org_id AND cm.src = v.completion_id",
        "DROP TABLE bench_member_map",
        "DROP TABLE bench_assignment_map",
        "DROP TABLE bench_completion_map",
        "ANALYZE");
  }
}
