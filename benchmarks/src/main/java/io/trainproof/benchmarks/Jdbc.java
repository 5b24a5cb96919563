package io.trainproof.benchmarks;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/** The plain-JDBC side of rows 5 and 8: rows read back, then written again with batch inserts. */
final class Jdbc {
  /** Rows per JDBC batch. */
  static final int BATCH = 1_000;

  private Jdbc() {}

  /** Rows of one table, with their column names. */
  record Rows(String table, List<String> columns, List<Object[]> values) {
    int index(String column) {
      int i = columns.indexOf(column);
      if (i < 0) {
        throw new IllegalArgumentException(table + " has no column " + column);
      }
      return i;
    }

    /**
     * The rows with each row rewritten.
     *
     * @param change rewrites one row (a copy)
     * @return the new rows
     */
    Rows map(UnaryOperator<Object[]> change) {
      List<Object[]> changed = new ArrayList<>(values.size());
      for (Object[] row : values) {
        changed.add(change.apply(row.clone()));
      }
      return new Rows(table, columns, changed);
    }
  }

  static Rows select(DataSource ds, String table, String where, Object... params) {
    try (Connection c = ds.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT * FROM " + table + " WHERE " + where)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          columns.add(md.getColumnName(i));
        }
        List<Object[]> rows = new ArrayList<>();
        while (rs.next()) {
          Object[] row = new Object[columns.size()];
          for (int i = 0; i < row.length; i++) {
            row[i] = rs.getObject(i + 1);
          }
          rows.add(row);
        }
        return new Rows(table, columns, rows);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
    }
  }

  /**
   * Inserts the tables' rows, in order, in one transaction with JDBC batches of {@value #BATCH}.
   *
   * @param ds the data source
   * @param tables the rows
   * @return seconds from taking the connection to the commit
   */
  static double insert(DataSource ds, List<Rows> tables) {
    long start = System.nanoTime();
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      for (Rows t : tables) {
        String sql =
            "INSERT INTO "
                + t.table()
                + " ("
                + String.join(", ", t.columns())
                + ") VALUES ("
                + String.join(", ", Collections.nCopies(t.columns().size(), "?"))
                + ")";
        try (PreparedStatement s = c.prepareStatement(sql)) {
          int pending = 0;
          for (Object[] row : t.values()) {
            for (int i = 0; i < row.length; i++) {
              s.setObject(i + 1, row[i]);
            }
            s.addBatch();
            if (++pending == BATCH) {
              s.executeBatch();
              pending = 0;
            }
          }
          if (pending > 0) {
            s.executeBatch();
          }
        }
      }
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * Reads, by hand, the facts a sweep reads: for every member, 500 members a query and in id order,
   * the member and its terms, its assignments and their due-date changes, its completions with
   * their roles, policy versions and evidence, and its certifications; every column of every row.
   * Each table's rows are looked up by an indexed key with {@code = ANY(?)}.
   *
   * @param ds the data source
   * @return seconds for the whole read
   */
  static double readFacts(DataSource ds) {
    long start = System.nanoTime();
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      List<UUID> members = new ArrayList<>();
      UUID org = new UUID(0, 0);
      try (PreparedStatement s =
              c.prepareStatement("SELECT id, org_id FROM tp_member ORDER BY id");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          members.add(rs.getObject(1, UUID.class));
          org = rs.getObject(2, UUID.class);
        }
      }
      for (int from = 0; from < members.size(); from += 500) {
        Array batch =
            c.createArrayOf(
                "uuid", members.subList(from, Math.min(members.size(), from + 500)).toArray());
        readAll(c, "SELECT * FROM tp_member WHERE org_id = ? AND id = ANY(?)", org, batch);
        readAll(
            c, "SELECT * FROM tp_member_terms WHERE org_id = ? AND member_id = ANY(?)", org, batch);
        Array assignments =
            c.createArrayOf(
                "uuid",
                readAll(
                        c,
                        "SELECT * FROM tp_assignment"
                            + " WHERE org_id = ? AND member_id = ANY(?) ORDER BY assigned_at, id",
                        org,
                        batch)
                    .toArray());
        readAll(
            c,
            "SELECT * FROM tp_assignment_due_change WHERE org_id = ? AND assignment_id = ANY(?)",
            org,
            assignments);
        Array completions =
            c.createArrayOf(
                "uuid",
                readAll(
                        c,
                        "SELECT * FROM tp_completion"
                            + " WHERE org_id = ? AND member_id = ANY(?) ORDER BY completed_on, recorded_at, id",
                        org,
                        batch)
                    .toArray());
        readAll(
            c,
            "SELECT * FROM tp_completion_role WHERE org_id = ? AND completion_id = ANY(?)",
            org,
            completions);
        readAll(
            c,
            "SELECT * FROM tp_completion_policy_version WHERE org_id = ? AND completion_id = ANY(?)",
            org,
            completions);
        readAll(
            c,
            "SELECT * FROM tp_completion_evidence WHERE org_id = ? AND completion_id = ANY(?)",
            org,
            completions);
        readAll(
            c,
            "SELECT * FROM tp_certification WHERE org_id = ? AND member_id = ANY(?)",
            org,
            batch);
      }
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Reads every column of every row; gives the first column (the row's id) of each. */
  private static List<Object> readAll(Connection c, String sql, Object... params)
      throws SQLException {
    List<Object> ids = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          ids.add(rs.getObject(1));
          for (int k = 2; k <= columns; k++) {
            rs.getObject(k);
          }
        }
      }
    }
    return ids;
  }

  static long count(DataSource ds, String sql, Object... params) {
    try (Connection c = ds.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
    }
  }

  /** The JPA store's id_order column for an id (each 64-bit half's sign bit flipped, as hex). */
  static String idOrder(UUID id) {
    return String.format(
        "%016x%016x",
        id.getMostSignificantBits() ^ Long.MIN_VALUE,
        id.getLeastSignificantBits() ^ Long.MIN_VALUE);
  }
}
