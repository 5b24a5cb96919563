package io.trainproof.persistence.jpa.internal;

import jakarta.persistence.Query;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * INSERT statements built from column lists: one row through the provider, or many rows per
 * statement, through the provider or on the JDBC connection. Nulls are inlined as the literal NULL,
 * so no parameter needs its type guessed (a typeless null parameter is refused by some databases).
 * Stateless; thread-safe (each call works in the session it is given).
 */
final class MultiRowInserts {
  /** Bound values per multi-row INSERT: well under every database's parameter limit. */
  private static final int VALUES_PER_STATEMENT = 8_000;

  private MultiRowInserts() {}

  /**
   * Inserts one row through the provider.
   *
   * @return the update count
   */
  static int insert(
      JpaSession session,
      String table,
      String[] columns,
      @Nullable Object[] values,
      String suffix) {
    StringBuilder sql = intoValues(table, columns);
    List<Object> bound = new ArrayList<>();
    appendRow(sql, values, bound, true);
    sql.append(suffix);
    return nativeQuery(session, sql.toString(), bound).executeUpdate();
  }

  /** {@link #insertRows} through the provider's native queries. */
  static List<UUID> throughProvider(
      JpaSession session,
      String table,
      String[] columns,
      List<@Nullable Object[]> rows,
      String suffix,
      boolean returning) {
    return insertRows(session, table, columns, rows, suffix, returning, false);
  }

  /**
   * {@link #insertRows} on the transaction's own JDBC connection: for thousands of bound values the
   * provider's native-query machinery (parsing the text for parameters, binding each value through
   * its type system, reading result metadata) cost more CPU than the database spent on the rows.
   */
  static List<UUID> onConnection(
      JpaSession session,
      String table,
      String[] columns,
      List<@Nullable Object[]> rows,
      String suffix,
      boolean returning) {
    return insertRows(session, table, columns, rows, suffix, returning, true);
  }

  /**
   * Inserts rows with multi-row INSERT statements, each ending in {@code suffix}. Nulls are
   * inlined, so rows are grouped by which of their values are null, and each statement holds a
   * power of two rows of one group: a table's bulk inserts use a handful of distinct statement
   * texts (the provider and the database cache plans by text; texts that varied with the data would
   * fill those caches). With {@code returning} each statement's result rows are read (the suffix
   * ends in PostgreSQL's {@code RETURNING id}) and the ids they name are returned; otherwise the
   * list is empty.
   */
  private static List<UUID> insertRows(
      JpaSession session,
      String table,
      String[] columns,
      List<@Nullable Object[]> rows,
      String suffix,
      boolean returning,
      boolean onConnection) {
    Map<BitSet, List<@Nullable Object[]>> byNulls = new LinkedHashMap<>();
    for (Object[] values : rows) {
      BitSet nulls = new BitSet(values.length);
      for (int i = 0; i < values.length; i++) {
        nulls.set(i, values[i] == null);
      }
      byNulls.computeIfAbsent(nulls, n -> new ArrayList<>()).add(values);
    }
    List<UUID> ids = new ArrayList<>();
    int most = Integer.highestOneBit(Math.max(1, VALUES_PER_STATEMENT / columns.length));
    for (List<@Nullable Object[]> all : byNulls.values()) {
      int from = 0;
      while (from < all.size()) {
        int size = Integer.highestOneBit(Math.min(most, all.size() - from));
        List<@Nullable Object[]> chunk = all.subList(from, from + size);
        from += size;
        StringBuilder sql = intoValues(table, columns);
        List<Object> bound = new ArrayList<>(size * columns.length);
        for (int r = 0; r < size; r++) {
          if (r > 0) {
            sql.append(", ");
          }
          appendRow(sql, chunk.get(r), bound, !onConnection);
        }
        sql.append(suffix);
        if (onConnection) {
          ids.addAll(executeOnConnection(session, sql.toString(), bound, returning));
        } else if (returning) {
          for (Object id : nativeQuery(session, sql.toString(), bound).getResultList()) {
            ids.add(JpaSession.toUuid(id));
          }
        } else {
          nativeQuery(session, sql.toString(), bound).executeUpdate();
        }
      }
    }
    return ids;
  }

  private static StringBuilder intoValues(String table, String[] columns) {
    return new StringBuilder("INSERT INTO ")
        .append(table)
        .append(" (")
        .append(String.join(", ", columns))
        .append(") VALUES ");
  }

  private static Query nativeQuery(JpaSession session, String sql, List<Object> bound) {
    Query query = session.em().createNativeQuery(sql);
    for (int i = 0; i < bound.size(); i++) {
      query.setParameter(i + 1, bound.get(i));
    }
    return query;
  }

  /**
   * Appends one parenthesized VALUES row: a null inlined as NULL, anything else a parameter added
   * to {@code bound} (numbered for JPA's positional parameters, bare for JDBC's).
   */
  private static void appendRow(
      StringBuilder sql, @Nullable Object[] values, List<Object> bound, boolean numbered) {
    sql.append('(');
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sql.append(", ");
      }
      Object value = values[i];
      if (value == null) {
        sql.append("NULL");
      } else {
        bound.add(value);
        sql.append('?');
        if (numbered) {
          sql.append(bound.size());
        }
      }
    }
    sql.append(')');
  }

  /**
   * Runs one multi-row INSERT on the transaction's connection. Instants bind as UTC offset
   * date-times, as the provider binds them to {@code timestamp with time zone}.
   */
  private static List<UUID> executeOnConnection(
      JpaSession session, String sql, List<Object> bound, boolean returning) {
    return session.onConnection(
        "bulk insert",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < bound.size(); i++) {
              Object value = bound.get(i);
              statement.setObject(
                  i + 1,
                  value instanceof Instant instant
                      ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)
                      : value);
            }
            List<UUID> ids = new ArrayList<>();
            if (returning) {
              try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                  ids.add(JpaSession.toUuid(rows.getObject(1)));
                }
              }
            } else {
              statement.executeUpdate();
            }
            return ids;
          }
        });
  }
}
