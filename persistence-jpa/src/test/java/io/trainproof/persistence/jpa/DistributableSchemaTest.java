package io.trainproof.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL schema against Citus's rules for tables distributed by {@code org_id}
 * (docs/SCALING.md): every table but {@code tp_organization} (a reference table) carries {@code
 * org_id}; every primary key and unique key includes it; every foreign key between distributed
 * tables includes it on both sides. Read from the catalog after the migrations ran.
 *
 * <p>Since migration V7 the schema meets the rules: {@code citus-schema-gaps.txt} (test resources)
 * lists no violation. A violation not on the list fails (a new table or key breaking the rules),
 * and so does a listed one that is gone (take it off the list), so the list stays empty.
 */
@Tag("database")
class DistributableSchemaTest {
  private static final String REFERENCE_TABLE = "tp_organization";

  @Test
  void theSchemaBreaksNoCitusRuleBeyondTheKnownGaps() throws Exception {
    Set<String> found;
    try (TestDatabase db = TestDatabase.create(SqlDialect.POSTGRESQL);
        Connection c = db.dataSource().getConnection()) {
      found = violations(c);
    }
    Set<String> known = knownGaps();
    Set<String> added = new TreeSet<>(found);
    added.removeAll(known);
    Set<String> gone = new TreeSet<>(known);
    gone.removeAll(found);
    assertThat(added)
        .as("new violations of the Citus rules (docs/SCALING.md); every key includes org_id")
        .isEmpty();
    assertThat(gone)
        .as("fixed gaps still listed in citus-schema-gaps.txt; take them off the list")
        .isEmpty();
  }

  static Set<String> knownGaps() throws IOException {
    try (InputStream in =
        DistributableSchemaTest.class.getResourceAsStream("/citus-schema-gaps.txt")) {
      assertThat(in).as("citus-schema-gaps.txt on the test class path").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  static Set<String> violations(Connection c) throws SQLException {
    Set<String> out = new TreeSet<>();
    Set<String> tables = new TreeSet<>();
    Set<String> withOrg = new TreeSet<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT t.table_name, EXISTS (SELECT 1 FROM information_schema.columns k"
                    + " WHERE k.table_schema = t.table_schema AND k.table_name = t.table_name"
                    + " AND k.column_name = 'org_id')"
                    + " FROM information_schema.tables t WHERE t.table_schema = current_schema()"
                    + " AND t.table_type = 'BASE TABLE' AND t.table_name LIKE 'tp\\_%'");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        tables.add(r.getString(1));
        if (r.getBoolean(2)) {
          withOrg.add(r.getString(1));
        }
      }
    }
    assertThat(tables).as("the migrated tables").contains(REFERENCE_TABLE, "tp_member");
    for (String t : tables) {
      if (!t.equals(REFERENCE_TABLE) && !withOrg.contains(t)) {
        out.add(t + ": no org_id column");
      }
    }
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT con.conname, con.contype, tbl.relname, ref.relname,"
                    + " ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, o)"
                    + "   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n"
                    + "   ORDER BY k.o),"
                    + " ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, o)"
                    + "   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n"
                    + "   ORDER BY k.o)"
                    + " FROM pg_constraint con JOIN pg_class tbl ON tbl.oid = con.conrelid"
                    + " JOIN pg_namespace ns ON ns.oid = tbl.relnamespace"
                    + " LEFT JOIN pg_class ref ON ref.oid = con.confrelid"
                    + " WHERE ns.nspname = current_schema() AND con.contype IN ('p', 'u', 'f')"
                    + " AND tbl.relname LIKE 'tp\\_%'");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        String name = r.getString(1);
        String type = r.getString(2);
        String table = r.getString(3);
        String ref = r.getString(4);
        List<String> cols = strings(r.getArray(5));
        List<String> refCols = strings(r.getArray(6));
        if (table.equals(REFERENCE_TABLE)) {
          continue;
        }
        switch (type) {
          case "p" -> {
            if (!cols.contains("org_id")) {
              out.add(table + ": primary key (" + String.join(", ", cols) + ") lacks org_id");
            }
          }
          case "u" -> {
            if (!cols.contains("org_id")) {
              out.add(
                  table + ": unique " + name + " (" + String.join(", ", cols) + ") lacks org_id");
            }
          }
          default -> {
            if (!REFERENCE_TABLE.equals(ref)
                && (!cols.contains("org_id") || !refCols.contains("org_id"))) {
              out.add(
                  table
                      + ": foreign key ("
                      + String.join(", ", cols)
                      + ") -> "
                      + ref
                      + " ("
                      + String.join(", ", refCols)
                      + ") lacks org_id");
            }
          }
        }
      }
    }
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT ix.relname, tbl.relname,"
                    + " ARRAY(SELECT a.attname::text FROM unnest(i.indkey) WITH ORDINALITY k(n, o)"
                    + "   JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n"
                    + "   ORDER BY k.o)"
                    + " FROM pg_index i JOIN pg_class ix ON ix.oid = i.indexrelid"
                    + " JOIN pg_class tbl ON tbl.oid = i.indrelid"
                    + " JOIN pg_namespace ns ON ns.oid = tbl.relnamespace"
                    + " WHERE ns.nspname = current_schema() AND i.indisunique"
                    + " AND tbl.relname LIKE 'tp\\_%'"
                    + " AND NOT EXISTS (SELECT 1 FROM pg_constraint con"
                    + "   WHERE con.conindid = i.indexrelid)");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        List<String> cols = strings(r.getArray(3));
        if (!r.getString(2).equals(REFERENCE_TABLE) && !cols.contains("org_id")) {
          out.add(
              r.getString(2)
                  + ": unique index "
                  + r.getString(1)
                  + " ("
                  + String.join(", ", cols)
                  + ") lacks org_id");
        }
      }
    }
    return out;
  }

  private static List<String> strings(Array array) throws SQLException {
    return Arrays.asList((String[]) array.getArray());
  }
}
