package io.trainproof.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Copies template organizations ({@link TenantPopulation}) into many organizations in SQL, read
 * generically from the catalog ({@code information_schema.columns} and the foreign keys in {@code
 * pg_constraint}), so it keeps working when the schema changes.
 *
 * <p>Copy {@code g} (1..n) of template {@code t} keeps the template's {@code k(g)} lowest-ranked
 * members ({@link #size}) and every row that belongs to the organization and to no member left out.
 * Every {@code uuid} column is remapped to {@code md5(value || ':' || g)::uuid}, so references stay
 * consistent without map tables (the organization id too: the copy's rows land in the new
 * organization); {@code id_order} columns are recomputed from the new {@code id} (the store's
 * {@code Mapper.idOrder}: each 64-bit half's sign bit flipped, as hex); everything else is copied
 * as it is. Nothing is suffixed: every unique key but a primary key holds {@code org_id} or a
 * remapped id. A table with {@code org_id} is filtered by its own column; a table without one
 * reaches it through the parents its foreign keys name (recursively). A row "belongs to a member"
 * when one of its {@code uuid} columns, or one of its parents' (through the foreign keys), holds a
 * member's id (found from the data: a column counts when any template row's value is a member id,
 * e.g. {@code member_id}, {@code manager_id}, {@code recipient_id}).
 *
 * <p>What this does not remap: ids written inside text ({@code dedupe_key}, {@code
 * idempotency_key}, audit {@code subject_id} and {@code details}, outbox payloads) still name the
 * template's ids. Those keys are unique per organization, so they stay unique; new rows the product
 * writes in a copy use the copy's ids. The audit hash chains of the copies do not verify (each
 * entry's hash covers the template's ids and organization); the sweep only appends to them, reading
 * the last entry's hash.
 *
 * <p>At the end the templates are deleted (children first) and the database is vacuumed and
 * analyzed, so the first measured sweep does not pay for setting hint bits on rows the copy wrote.
 */
final class TenantCopy {
  /** The organizations table: copied with a new id and a distinct name. */
  static final String ORGANIZATION = "tp_organization";

  /** The members table: its rows are ranked by the template. */
  static final String MEMBER = "tp_member";

  private TenantCopy() {}

  /**
   * The number of members copy {@code g} keeps: copy 1 keeps 200 (row 11's organization), the
   * others a deterministic spread over 20..200 with mean about 100 (more small practices than
   * large: {@code 20 + 180 u^1.25} for {@code u} the fractional part of {@code g} times the golden
   * ratio).
   *
   * @param g the copy, from 1
   * @return members to keep
   */
  static int size(int g) {
    if (g == 1) {
      return 200;
    }
    double u = (g * 0.6180339887498949) % 1.0;
    return 20 + (int) Math.round(180 * Math.pow(u, 1.25));
  }

  /** A foreign key: child columns referencing parent columns, in order. */
  record ForeignKey(
      String child, List<String> columns, String parent, List<String> parentColumns) {}

  /** What the catalog says about the schema. */
  record Catalog(
      Map<String, Map<String, String>> columns, Map<String, List<ForeignKey>> foreignKeys) {
    boolean hasOrg(String table) {
      return columns.get(table).containsKey("org_id");
    }

    /** Tables, every parent before its children. */
    List<String> parentsFirst() {
      Map<String, Set<String>> waitingOn = new TreeMap<>();
      for (String t : columns.keySet()) {
        Set<String> parents = new LinkedHashSet<>();
        for (ForeignKey fk : foreignKeys.getOrDefault(t, List.of())) {
          if (!fk.parent().equals(t) && columns.containsKey(fk.parent())) {
            parents.add(fk.parent());
          }
        }
        waitingOn.put(t, parents);
      }
      List<String> out = new ArrayList<>();
      Deque<String> ready = new ArrayDeque<>();
      waitingOn.forEach(
          (t, ps) -> {
            if (ps.isEmpty()) {
              ready.add(t);
            }
          });
      while (!ready.isEmpty()) {
        String t = ready.poll();
        out.add(t);
        waitingOn.forEach(
            (child, ps) -> {
              if (ps.remove(t) && ps.isEmpty()) {
                ready.add(child);
              }
            });
      }
      if (out.size() != columns.size()) {
        throw new IllegalStateException("the foreign keys have a cycle: " + waitingOn);
      }
      return out;
    }
  }

  static Catalog catalog(Connection c) throws SQLException {
    Map<String, Map<String, String>> columns = new TreeMap<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT k.table_name, k.column_name, k.data_type FROM information_schema.columns k"
                    + " JOIN information_schema.tables t ON t.table_schema = k.table_schema"
                    + " AND t.table_name = k.table_name AND t.table_type = 'BASE TABLE'"
                    + " WHERE k.table_schema = current_schema() AND k.table_name LIKE 'tp\\_%'"
                    + " AND k.is_generated = 'NEVER' ORDER BY k.table_name, k.ordinal_position");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        columns
            .computeIfAbsent(rs.getString(1), t -> new LinkedHashMap<>())
            .put(rs.getString(2), rs.getString(3));
      }
    }
    Map<String, List<ForeignKey>> fks = new TreeMap<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT cl.relname, pl.relname,"
                    + " ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, i)"
                    + "   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i),"
                    + " ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, i)"
                    + "   JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i)"
                    + " FROM pg_constraint k JOIN pg_class cl ON cl.oid = k.conrelid"
                    + " JOIN pg_class pl ON pl.oid = k.confrelid"
                    + " JOIN pg_namespace n ON n.oid = cl.relnamespace"
                    + " WHERE k.contype = 'f' AND n.nspname = current_schema()"
                    + " ORDER BY cl.relname, k.conname");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        String child = rs.getString(1);
        fks.computeIfAbsent(child, t -> new ArrayList<>())
            .add(
                new ForeignKey(
                    child,
                    List.of((String[]) rs.getArray(3).getArray()),
                    rs.getString(2),
                    List.of((String[]) rs.getArray(4).getArray())));
      }
    }
    return new Catalog(columns, fks);
  }

  /** The rows of a table with the organization and the highest member rank each depends on. */
  private record Source(String from, String org, String need) {}

  /**
   * The table as {@code x}, joined to its parents (recursively) for the organization and the
   * members its rows belong to.
   */
  private static Source source(
      Catalog cat, Map<String, Map<String, String>> memberColumns, String table) {
    List<String> joins = new ArrayList<>();
    List<String> orgs = new ArrayList<>();
    List<String> ranks = new ArrayList<>();
    walk(cat, memberColumns, table, "x", joins, orgs, ranks, 0);
    if (orgs.isEmpty()) {
      throw new IllegalStateException(table + " reaches no org_id through its foreign keys");
    }
    StringBuilder from = new StringBuilder(table).append(" x");
    joins.forEach(j -> from.append(' ').append(j));
    String org = orgs.size() == 1 ? orgs.get(0) : "COALESCE(" + String.join(", ", orgs) + ")";
    String need = "GREATEST(-1" + (ranks.isEmpty() ? "" : ", " + String.join(", ", ranks)) + ")";
    return new Source(from.toString(), org, need);
  }

  private static void walk(
      Catalog cat,
      Map<String, Map<String, String>> memberColumns,
      String table,
      String alias,
      List<String> joins,
      List<String> orgs,
      List<String> ranks,
      int depth) {
    if (depth > 4) {
      throw new IllegalStateException("foreign keys nested too deep at " + table);
    }
    if (cat.hasOrg(table)) {
      orgs.add(alias + ".org_id");
    }
    for (Map.Entry<String, String> column :
        memberColumns.getOrDefault(table, Map.of()).entrySet()) {
      String r = alias + "_r" + ranks.size();
      String value =
          column.getValue().equals("uuid")
              ? alias + "." + column.getKey()
              : asUuid(alias + "." + column.getKey());
      joins.add("LEFT JOIN bench_owner " + r + " ON " + r + ".id = " + value);
      ranks.add(r + ".rank");
    }
    int n = 0;
    for (ForeignKey fk : cat.foreignKeys().getOrDefault(table, List.of())) {
      if (fk.parent().equals(ORGANIZATION) || fk.parent().equals(table)) {
        continue;
      }
      String p = alias + "p" + n++;
      StringJoiner on = new StringJoiner(" AND ");
      for (int i = 0; i < fk.columns().size(); i++) {
        on.add(p + "." + fk.parentColumns().get(i) + " = " + alias + "." + fk.columns().get(i));
      }
      joins.add("LEFT JOIN " + fk.parent() + " " + p + " ON " + on);
      walk(cat, memberColumns, fk.parent(), p, joins, orgs, ranks, depth + 1);
    }
  }

  /** The id_order of a new id whose hex digits (no dashes) are {@code hex}. */
  static String idOrder(String hex) {
    String flip = "'0123456789abcdef', '89abcdef01234567'";
    return "translate(substr(%1$s, 1, 1), %2$s) || substr(%1$s, 2, 15) || translate(substr(%1$s, 17, 1), %2$s) || substr(%1$s, 18, 15)"
        .formatted(hex, flip);
  }

  /** The select list of a copy, from {@code x} (the template row) and {@code c} (the copy). */
  private static String copied(Catalog cat, String table) {
    Map<String, String> columns = cat.columns().get(table);
    StringJoiner out = new StringJoiner(", ");
    for (Map.Entry<String, String> col : columns.entrySet()) {
      String name = col.getKey();
      if (col.getValue().equals("uuid")) {
        out.add("md5(x." + name + "::text || ':' || c.g)::uuid");
      } else if (name.equals("id_order") && "uuid".equals(columns.get("id"))) {
        out.add(idOrder("md5(x.id::text || ':' || c.g)"));
      } else if (table.equals(ORGANIZATION) && name.equals("name")) {
        out.add("x.name || ' ' || c.g");
      } else {
        out.add("x." + name);
      }
    }
    return out.toString();
  }

  /**
   * Copies the templates into {@code organizations} organizations, deletes the templates, vacuums
   * and analyzes.
   *
   * @param ds the database
   * @param templates the templates, each with its members by rank
   * @param organizations how many organizations to make
   * @return rows written per table
   */
  static Map<String, Long> copy(
      DataSource ds, List<TenantPopulation.Template> templates, int organizations) {
    if (templates.isEmpty()) {
      throw new IllegalArgumentException("no templates to copy");
    }
    Map<String, Long> written = new LinkedHashMap<>();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute(
          "CREATE TABLE bench_owner (template uuid NOT NULL, id uuid PRIMARY KEY, rank int NOT NULL)");
      s.execute(
          "CREATE TABLE bench_copy (g int PRIMARY KEY, template uuid NOT NULL, k int NOT NULL)");
      try (PreparedStatement rank =
              c.prepareStatement("INSERT INTO bench_owner (template, id, rank) VALUES (?, ?, ?)");
          PreparedStatement copy =
              c.prepareStatement("INSERT INTO bench_copy (g, template, k) VALUES (?, ?, ?)")) {
        for (TenantPopulation.Template t : templates) {
          for (int r = 0; r < t.byRank().size(); r++) {
            rank.setObject(1, t.organization());
            rank.setObject(2, t.byRank().get(r));
            rank.setInt(3, r);
            rank.addBatch();
          }
        }
        rank.executeBatch();
        for (int g = 1; g <= organizations; g++) {
          TenantPopulation.Template t = templates.get((g - 1) % templates.size());
          copy.setInt(1, g);
          copy.setObject(2, t.organization());
          copy.setInt(3, Math.min(size(g), t.byRank().size()));
          copy.addBatch();
        }
        copy.executeBatch();
      }
      s.execute("CREATE TABLE bench_template AS SELECT DISTINCT template AS id FROM bench_owner");
      s.execute("ANALYZE bench_owner");
      s.execute("ANALYZE bench_copy");
      s.execute("ANALYZE bench_template");
      Catalog cat = catalog(c);
      owners(s, cat);
      Map<String, Map<String, String>> memberColumns = memberColumns(c, cat);
      // why: a bulk load; the indexes no constraint needs are built again at the end (faster
      // than maintained row by row), and the foreign keys are checked once, set-based, at the end
      // instead of by a trigger per row (session_replication_role: the server's superuser only;
      // without it the triggers check every row as it is inserted).
      List<String> indexes = dropIndexes(s);
      boolean replica = replica(s, true);
      for (String table : cat.parentsFirst()) {
        String insert =
            "INSERT INTO "
                + table
                + " ("
                + String.join(", ", cat.columns().get(table).keySet())
                + ") SELECT "
                + copied(cat, table);
        if (table.equals(ORGANIZATION)) {
          insert += " FROM " + table + " x JOIN bench_copy c ON c.template = x.id";
        } else {
          Source src = source(cat, memberColumns, table);
          insert +=
              " FROM (SELECT x.*, "
                  + src.org()
                  + " AS bench_org, "
                  + src.need()
                  + " AS bench_need FROM "
                  + src.from()
                  + " WHERE "
                  + src.org()
                  + " IN (SELECT id FROM bench_template)"
                  + ") x JOIN bench_copy c ON c.template = x.bench_org AND x.bench_need < c.k";
        }
        written.put(table, (long) s.executeUpdate(insert));
        // why: the next tables join this one; the planner must know how large it now is
        s.execute("ANALYZE " + table);
      }
      deleteTemplates(s, cat);
      for (String index : indexes) {
        s.execute(index);
      }
      if (replica) {
        replica(s, false);
      }
      checkForeignKeys(s, cat);
      s.execute("DROP TABLE bench_owner");
      s.execute("DROP TABLE bench_copy");
      s.execute("DROP TABLE bench_template");
      // Only this schema's tables: other schemas of the database are not ours to vacuum.
      s.execute("VACUUM ANALYZE " + String.join(", ", cat.columns().keySet()));
    } catch (SQLException e) {
      throw new IllegalStateException("the tenant copy failed: " + e.getMessage(), e);
    }
    return written;
  }

  /**
   * The columns of each table that name a member or a row of theirs: uuid columns (not org_id), and
   * text columns such as an audit entry's subject, where some template row's value is the id of a
   * row in {@code bench_owner}.
   */
  private static Map<String, Map<String, String>> memberColumns(Connection c, Catalog cat)
      throws SQLException {
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (Map.Entry<String, Map<String, String>> t : cat.columns().entrySet()) {
      for (Map.Entry<String, String> col : t.getValue().entrySet()) {
        String type = col.getValue();
        boolean text = type.equals("character varying") || type.equals("text");
        if (!(type.equals("uuid") || text) || col.getKey().equals("org_id")) {
          continue;
        }
        try (Statement s = c.createStatement();
            ResultSet rs =
                s.executeQuery(
                    "SELECT EXISTS (SELECT 1 FROM "
                        + t.getKey()
                        + " x WHERE "
                        + (text ? asUuid("x." + col.getKey()) : "x." + col.getKey())
                        + " IN (SELECT id FROM bench_owner))")) {
          rs.next();
          if (rs.getBoolean(1)) {
            out.computeIfAbsent(t.getKey(), k -> new LinkedHashMap<>()).put(col.getKey(), type);
          }
        }
      }
    }
    return out;
  }

  /**
   * Adds to {@code bench_owner} (which holds the members with their rank) every template row with a
   * uuid {@code id} that belongs to a member, with that member's rank: assignments, completions,
   * attestations, certificates and so on, so that text columns naming them (an audit entry's
   * subject) are told apart too.
   */
  private static void owners(Statement s, Catalog cat) throws SQLException {
    Map<String, Map<String, String>> members = memberColumns(s.getConnection(), cat);
    for (String table : cat.parentsFirst()) {
      if (table.equals(ORGANIZATION)
          || !"uuid".equals(cat.columns().get(table).get("id"))
          || table.equals(MEMBER)) {
        continue;
      }
      Source src = source(cat, members, table);
      s.execute(
          "INSERT INTO bench_owner (template, id, rank) SELECT "
              + src.org()
              + ", x.id, "
              + src.need()
              + " FROM "
              + src.from()
              + " WHERE "
              + src.need()
              + " >= 0 ON CONFLICT (id) DO NOTHING");
    }
    s.execute("ANALYZE bench_owner");
  }

  /** A text column's value as a uuid when it is one (lowercase, as Java writes ids), else null. */
  static String asUuid(String column) {
    return "CASE WHEN "
        + column
        + " ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN "
        + column
        + "::uuid END";
  }

  /** Drops the indexes that back no constraint; returns the statements that create them. */
  private static List<String> dropIndexes(Statement s) throws SQLException {
    List<String> out = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (ResultSet rs =
        s.executeQuery(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema()"
                + " AND i.tablename LIKE 'tp\\_%' AND NOT EXISTS (SELECT 1 FROM pg_constraint k"
                + " JOIN pg_namespace n ON n.oid = k.connamespace"
                + " WHERE n.nspname = i.schemaname AND k.conname = i.indexname)"
                + " ORDER BY i.tablename, i.indexname")) {
      while (rs.next()) {
        names.add(rs.getString(1));
        out.add(rs.getString(2));
      }
    }
    for (String name : names) {
      s.execute("DROP INDEX " + name);
    }
    return out;
  }

  /** Turns the foreign-key triggers off (replica) or on again; false when not permitted. */
  private static boolean replica(Statement s, boolean on) {
    try {
      s.execute("SET session_replication_role = " + (on ? "replica" : "DEFAULT"));
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /** Every foreign key holds: no child row names a parent that is not there. */
  private static void checkForeignKeys(Statement s, Catalog cat) throws SQLException {
    for (List<ForeignKey> fks : cat.foreignKeys().values()) {
      for (ForeignKey fk : fks) {
        StringJoiner present = new StringJoiner(" AND ");
        StringJoiner match = new StringJoiner(" AND ");
        for (int i = 0; i < fk.columns().size(); i++) {
          present.add("x." + fk.columns().get(i) + " IS NOT NULL");
          match.add("p." + fk.parentColumns().get(i) + " = x." + fk.columns().get(i));
        }
        try (ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM "
                    + fk.child()
                    + " x WHERE "
                    + present
                    + " AND NOT EXISTS (SELECT 1 FROM "
                    + fk.parent()
                    + " p WHERE "
                    + match
                    + ")")) {
          rs.next();
          if (rs.getLong(1) != 0) {
            throw new IllegalStateException(
                "the copy broke a foreign key: "
                    + rs.getLong(1)
                    + " rows of "
                    + fk.child()
                    + " "
                    + fk.columns()
                    + " name no "
                    + fk.parent());
          }
        }
      }
    }
  }

  /** Deletes the templates' rows, children first. */
  private static void deleteTemplates(Statement s, Catalog cat) throws SQLException {
    List<String> order = new ArrayList<>(cat.parentsFirst());
    Collections.reverse(order);
    for (String table : order) {
      ForeignKey up = null;
      for (ForeignKey fk : cat.foreignKeys().getOrDefault(table, List.of())) {
        if (up == null && !fk.parent().equals(ORGANIZATION) && cat.hasOrg(fk.parent())) {
          up = fk;
        }
      }
      if (table.equals(ORGANIZATION)) {
        s.execute("DELETE FROM " + table + " WHERE id IN (SELECT id FROM bench_template)");
      } else if (cat.hasOrg(table)) {
        s.execute("DELETE FROM " + table + " WHERE org_id IN (SELECT id FROM bench_template)");
      } else if (up != null) {
        // why through the parent's key: the child's key index starts with the foreign key
        s.execute(
            "DELETE FROM "
                + table
                + " WHERE ("
                + String.join(", ", up.columns())
                + ") IN (SELECT "
                + String.join(", ", up.parentColumns())
                + " FROM "
                + up.parent()
                + " WHERE org_id IN (SELECT id FROM bench_template))");
      } else {
        Source src = source(cat, Map.of(), table);
        s.execute(
            "DELETE FROM "
                + table
                + " WHERE ctid IN (SELECT x.ctid FROM "
                + src.from()
                + " WHERE "
                + src.org()
                + " IN (SELECT id FROM bench_template))");
      }
    }
  }
}
