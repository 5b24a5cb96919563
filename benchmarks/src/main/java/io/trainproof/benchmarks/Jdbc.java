package io.trainproof.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
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
        String sql = "INSERT INTO " + t.table() + " (" + String.join(", ", t.columns()) + ") VALUES ("
            + String.join(", ", java.util.Collections.nCopies(t.columns().size(), "?")) + ")";
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

  static long count(DataSource ds, String sql, Object... params) {
    try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
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
    return String.format("%016x%016x", id.getMostSignificantBits() ^ Long.MIN_VALUE,
        id.getLeastSignificantBits() ^ Long.MIN_VALUE);
  }
}
