package io.trainproof.reliability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Every row of every table of the store, as text, read straight through JDBC (not through the store
 * under test). Two snapshots are equal when the database holds exactly the same rows. Immutable.
 *
 * @param rows table name to its rows (each row its columns joined), sorted
 */
record StoreSnapshot(Map<String, List<String>> rows) {

  /**
   * Reads every table.
   *
   * @param dataSource a plain data source on the schema
   * @param tables the tables
   * @param ignored columns left out, as {@code table.column}
   * @return the snapshot
   */
  static StoreSnapshot take(DataSource dataSource, List<String> tables, Set<String> ignored) {
    Map<String, List<String>> rows = new TreeMap<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String table : tables) {
        List<String> list = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData meta = rs.getMetaData();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              String column = meta.getColumnName(i);
              String value = ignored.contains(table + "." + column) ? "*" : rs.getString(i);
              row.append(i == 1 ? "" : " | ").append(column).append('=').append(value);
            }
            list.add(row.toString());
          }
        }
        list.sort(null);
        rows.put(table, List.copyOf(list));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot snapshot the store: " + e.getMessage(), e);
    }
    return new StoreSnapshot(Collections.unmodifiableMap(rows));
  }

  /**
   * What differs between two snapshots, for a failure message.
   *
   * @param other the other snapshot
   * @return the rows only in this one and only in the other, per table (at most a few each)
   */
  String diff(StoreSnapshot other) {
    StringBuilder sb = new StringBuilder();
    for (String table : rows.keySet()) {
      List<String> mine = rows.get(table);
      List<String> theirs = other.rows.getOrDefault(table, List.of());
      if (mine.equals(theirs)) {
        continue;
      }
      Set<String> a = new HashSet<>(mine);
      Set<String> b = new HashSet<>(theirs);
      sb.append(table).append(":\n");
      mine.stream()
          .filter(r -> !b.contains(r))
          .limit(3)
          .forEach(r -> sb.append("  - ").append(r).append('\n'));
      theirs.stream()
          .filter(r -> !a.contains(r))
          .limit(3)
          .forEach(r -> sb.append("  + ").append(r).append('\n'));
    }
    return sb.toString();
  }
}
