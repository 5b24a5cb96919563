package io.trainproof.reliability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/** Small JDBC reads for assertions, straight to the database. Stateless; thread-safe. */
final class Sql {
  private Sql() {}

  /**
   * The first column of every row of a query, as text.
   *
   * @param dataSource where to run it
   * @param query the query
   * @return the values, sorted
   */
  static Set<String> strings(DataSource dataSource, String query) {
    Set<String> values = new TreeSet<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(query + ": " + e.getMessage(), e);
    }
    return values;
  }

  /**
   * A single number.
   *
   * @param dataSource where to run it
   * @param query a query returning one row with one number
   * @return the number
   */
  static long number(DataSource dataSource, String query) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(query + ": " + e.getMessage(), e);
    }
  }
}
