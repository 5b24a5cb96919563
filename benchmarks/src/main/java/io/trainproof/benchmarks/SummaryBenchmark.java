package io.trainproof.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.status.AssignmentSummary;
import io.trainproof.persistence.jpa.JpaStore;
import io.trainproof.persistence.jpa.SqlDialect;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Row 6: the organization summary ({@code StatusService.summary}, the store's assignment aggregate)
 * over {@value #ASSIGNMENTS} assignments on PostgreSQL, against one hand-written SQL aggregate that
 * returns the same numbers (checked, group by group). The data set is a {@link Population} of
 * {@value #SEED} members x {@value #REQUIREMENTS} requirements built through the services and swept
 * once (so a twelfth hold an open renewal), copied in SQL ({@link DbBenchmarks#copyPopulation}) to
 * {@value #ASSIGNMENTS} completed and open assignments, read as of {@link #AS_OF} (open renewals
 * are pending, due soon or overdue by then). Each side runs {@value #RUNS} times, alternating; the
 * figures are the medians. {@code -Dtrainproof.bench.summarySeedMembers=N} and {@code
 * -Dtrainproof.bench.summaryCopies=N} shrink it for the smoke test.
 */
final class SummaryBenchmark {
  static final int ASSIGNMENTS = 1_000_000;
  static final int SEED = 500;
  static final int REQUIREMENTS = 10;
  static final int RUNS = 5;
  static final int DUE_SOON_DAYS = 30;
  static final LocalDate AS_OF = Population.START.plusDays(20);

  private SummaryBenchmark() {}

  static Map<String, Double> run() {
    int seed = Integer.getInteger("trainproof.bench.summarySeedMembers", SEED);
    int copies =
        Integer.getInteger("trainproof.bench.summaryCopies", ASSIGNMENTS / (SEED * REQUIREMENTS));
    Map<String, Double> out = new LinkedHashMap<>();
    try (PgDatabase db = PgDatabase.create();
        HikariDataSource pool = DbBenchmarks.pool(db, 4)) {
      JpaStore store = JpaStore.create(pool, SqlDialect.POSTGRESQL);
      try {
        Population p =
            Population.build(
                Trainproof.builder().store(store).dueSoonDays(DUE_SOON_DAYS), seed, REQUIREMENTS);
        p.trainproof.scheduler().sweep();
        DbBenchmarks.copyPopulation(db, copies - 1);
        long assignments = Jdbc.count(pool, "SELECT count(*) FROM tp_assignment");
        UUID org = p.fx.org().id().value();
        double[] product = new double[RUNS];
        double[] sql = new double[RUNS];
        List<AssignmentSummary> ours = null;
        List<AssignmentSummary> theirs = null;
        for (int i = 0; i < RUNS; i++) {
          long start = System.nanoTime();
          ours = p.trainproof.status().summary(p.fx.officer(), AS_OF);
          product[i] = DbBenchmarks.secondsSince(start);
          start = System.nanoTime();
          theirs = handWritten(pool, org, AS_OF, DUE_SOON_DAYS);
          sql[i] = DbBenchmarks.secondsSince(start);
        }
        if (!ours.equals(theirs)) {
          throw new IllegalStateException(
              "the hand-written SQL disagrees with the product:\\n" + ours + "\\n" + theirs);
        }
        out.put("row6.assignments", (double) assignments);
        out.put("row6.summary.s", median(product));
        out.put("row6.sql.s", median(sql));
      } finally {
        store.close();
      }
    }
    return out;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** The hand-written aggregate: the same rules as {@link AssignmentSummary} states them. */
  static final String SQL =
      """
      WITH terms AS (
        SELECT DISTINCT ON (t.member_id) t.member_id, t.department, t.workforce_type, t.roles, t.status
        FROM tp_member_terms t JOIN tp_member m ON m.org_id = t.org_id AND m.id = t.member_id
        WHERE t.org_id = ? AND t.effective_from <= ?
        ORDER BY t.member_id, t.seq DESC
      ), due AS (
        SELECT DISTINCT ON (c.assignment_id) c.assignment_id, c.new_due_on
        FROM tp_assignment_due_change c WHERE c.org_id = ? AND c.granted_on <= ?
        ORDER BY c.assignment_id, c.seq DESC
      ), per_member AS (
        SELECT t.member_id, t.department, t.workforce_type, t.roles,
          count(*) FILTER (WHERE a.open AND a.due_now > ?::date) AS pending,
          count(*) FILTER (WHERE a.open AND a.due_now <= ?::date AND a.due_now >= ?::date) AS due_soon,
          count(*) FILTER (WHERE a.open AND a.due_now < ?::date) AS overdue,
          count(*) FILTER (WHERE NOT a.open AND a.closure_state = 'COMPLETED') AS completed,
          count(*) FILTER (WHERE NOT a.open AND a.closure_state = 'WAIVED') AS waived
        FROM terms t
        LEFT JOIN (
          SELECT x.member_id, x.closure_state, NOT (x.closure_state IS NOT NULL AND x.closure_on <= ?) AS open,
            COALESCE(d.new_due_on, x.due_on) AS due_now
          FROM tp_assignment x LEFT JOIN due d ON d.assignment_id = x.id
          WHERE x.org_id = ? AND x.assigned_on <= ?
        ) a ON a.member_id = t.member_id
        WHERE t.status = 'ACTIVE'
        GROUP BY t.member_id, t.department, t.workforce_type, t.roles
      )
      SELECT department, workforce_type, roles, count(*),
        count(*) FILTER (WHERE overdue > 0), count(*) FILTER (WHERE overdue = 0 AND due_soon > 0),
        count(*) FILTER (WHERE overdue = 0 AND due_soon = 0 AND pending > 0),
        sum(pending), sum(due_soon), sum(overdue), sum(completed), sum(waived)
      FROM per_member GROUP BY department, workforce_type, roles
      """;

  static List<AssignmentSummary> handWritten(
      HikariDataSource pool, UUID org, LocalDate asOf, int dueSoonDays) {
    Date d = Date.valueOf(asOf);
    Date soon = Date.valueOf(asOf.plusDays(dueSoonDays));
    ObjectMapper json = new ObjectMapper();
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement(SQL)) {
      Object[] params = {org, d, org, d, soon, soon, d, d, d, org, d};
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      List<AssignmentSummary> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          List<String> roles =
              json.readValue(rs.getString(3), new TypeReference<List<String>>() {});
          out.add(
              new AssignmentSummary(
                  rs.getString(1),
                  WorkforceType.valueOf(rs.getString(2)),
                  Set.copyOf(roles),
                  rs.getLong(4),
                  rs.getLong(5),
                  rs.getLong(6),
                  rs.getLong(7),
                  rs.getLong(8),
                  rs.getLong(9),
                  rs.getLong(10),
                  rs.getLong(11),
                  rs.getLong(12)));
        }
      }
      out.sort(AssignmentSummary.ORDER);
      return out;
    } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("the hand-written summary failed: " + e.getMessage(), e);
    }
  }
}
