package io.trainproof.benchmarks;

import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.Course;
import io.trainproof.core.domain.Recurrence;
import io.trainproof.persistence.jpa.JpaStore;
import io.trainproof.persistence.jpa.SqlDialect;
import io.trainproof.reporting.Reporting;
import io.trainproof.reporting.export.ExportResult;
import io.trainproof.testkit.Fixtures;
import io.trainproof.testkit.SettableClock;
import java.io.Writer;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Row 7: the CSV export of {@value #ROWS} assignment rows, streamed to a writer that only counts,
 * in a forked JVM with {@code -Xmx64m}. The rows cannot live in the JVM's heap (the in-memory store
 * would need far more than 64 MB), so they are in the JPA store on the local PostgreSQL: {@value
 * #SEED_MEMBERS} members are hired through the services (each gets an onboarding assignment for
 * each of {@value #REQUIREMENTS} requirements), then SQL copies those members, their terms and
 * their assignments (fresh ids, suffixed external ids and dedupe keys) until there are {@value
 * #ROWS} assignments. {@code -Dtrainproof.bench.exportSeedMembers=N} and {@code
 * -Dtrainproof.bench.exportCopies=N} shrink it for the smoke test.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx64m", "-XX:+ExitOnOutOfMemoryError"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ExportBenchmarks {
  /** Assignment rows exported. */
  public static final int ROWS = 1_000_000;

  static final int SEED_MEMBERS = 500;
  static final int REQUIREMENTS = 10;
  static final ZoneId ZONE = ZoneId.of("America/Chicago");
  static final LocalDate START = LocalDate.of(2026, 1, 5);

  private PgDatabase db;
  private JpaStore store;
  private Reporting reporting;
  private Fixtures fx;
  private long expected;

  /** Builds the data set once per fork. */
  @Setup(Level.Trial)
  public void setUp() {
    int seed = Integer.getInteger("trainproof.bench.exportSeedMembers", SEED_MEMBERS);
    int copies =
        Integer.getInteger("trainproof.bench.exportCopies", ROWS / (SEED_MEMBERS * REQUIREMENTS));
    db = PgDatabase.create();
    try {
      build(seed, copies);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  private void build(int seed, int copies) {
    store = JpaStore.create(db.dataSource, SqlDialect.POSTGRESQL);
    SettableClock clock = SettableClock.at(START.atTime(9, 0).atZone(ZONE).toInstant());
    Trainproof trainproof = Trainproof.builder().store(store).clock(clock).build();
    fx = Fixtures.organization(trainproof, ZONE);
    for (int r = 0; r < REQUIREMENTS; r++) {
      Course course = fx.course("COURSE-" + r);
      fx.requirement(
          "Requirement " + r,
          Fixtures.terms(course, START.minusYears(1))
              .recurrence(
                  Recurrence.every(Period.ofYears(1), Recurrence.CountFrom.COMPLETION),
                  Period.ofDays(60))
              .build());
    }
    for (int m = 0; m < seed; m++) {
      fx.hire(START.minusDays(m % 200), "Dept-" + (m % 20), "staff");
    }
    copy(db, copies - 1);
    expected = (long) seed * REQUIREMENTS * copies;
    reporting = Reporting.builder(trainproof).clock(clock).build();
  }

  /**
   * Copies every member, its terms and its assignments {@code extra} times, in SQL.
   *
   * @param db the database
   * @param extra copies to add
   */
  static void copy(PgDatabase db, int extra) {
    if (extra <= 0) {
      return;
    }
    // Mapper.idOrder: each 64-bit half's sign bit flipped, as 32 hex digits.
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
        "INSERT INTO tp_member (id, org_id, external_id, id_order, display_name, engaged_on, version, swept_on)"
            + " SELECT mm.dst, m.org_id, m.external_id || '-c' || mm.g, "
            + String.format(idOrder, "mm.dst")
            + ", m.display_name || ' copy ' || mm.g, m.engaged_on, m.version, m.swept_on"
            + " FROM tp_member m JOIN bench_member_map mm ON mm.org_id = m.org_id AND mm.src = m.id",
        "INSERT INTO tp_member_terms (org_id, member_id, seq, effective_from, workforce_type, roles,"
            + " department, manager_id, status)"
            + " SELECT t.org_id, mm.dst, t.seq, t.effective_from, t.workforce_type, t.roles, t.department, t.manager_id, t.status"
            + " FROM tp_member_terms t JOIN bench_member_map mm ON mm.org_id = t.org_id AND mm.src = t.member_id",
        // The fresh id is drawn in a subquery, once per row (a volatile call in a subquery's
        // select list is not flattened), and used for both id and id_order.
        "INSERT INTO tp_assignment (id, org_id, member_id, course_id, requirement_id, reason, policy_version_id,"
            + " dedupe_key, assigned_on, assigned_at, assigned_by, anchor_on, due_on, started_on, closure_state,"
            + " closure_on, closure_recorded_at, closure_by, closure_reason, closure_completion_id, version, id_order)"
            + " SELECT x.nid, x.org_id, x.dst, x.course_id, x.requirement_id, x.reason, x.policy_version_id,"
            + " x.dedupe_key || '#c' || x.g, x.assigned_on, x.assigned_at, x.assigned_by, x.anchor_on, x.due_on,"
            + " x.started_on, x.closure_state, x.closure_on, x.closure_recorded_at, x.closure_by, x.closure_reason,"
            + " x.closure_completion_id, x.version, "
            + String.format(idOrder, "x.nid")
            + " FROM (SELECT gen_random_uuid() AS nid, a.*, mm.dst, mm.g"
            + " FROM tp_assignment a JOIN bench_member_map mm ON mm.org_id = a.org_id AND mm.src = a.member_id"
            + " OFFSET 0) x",
        "DROP TABLE bench_member_map",
        "ANALYZE");
  }

  /** Drops the schema. */
  @TearDown(Level.Trial)
  public void tearDown() {
    try {
      store.close();
    } finally {
      db.close();
    }
  }

  /**
   * Streams the whole export, 1,000 rows a page, into a writer that counts characters.
   *
   * @return the export's counts
   */
  @Benchmark
  public ExportResult csvExport() {
    CountingWriter out = new CountingWriter();
    ExportResult result = reporting.assignmentExport().csv(fx.officer(), START, out);
    if (result.rows() != expected) {
      throw new IllegalStateException("exported " + result.rows() + " rows, expected " + expected);
    }
    return result;
  }

  /** A writer that keeps nothing. */
  static final class CountingWriter extends Writer {
    long chars;

    @Override
    public void write(char[] buffer, int offset, int length) {
      chars += length;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
