package io.trainproof.persistence.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks SQL statements against the rule Citus needs for a query to go to one shard of tables
 * distributed by {@code org_id} (docs/SCALING.md): every reference to a distributed table (every
 * {@code tp_} table but the reference table {@code tp_organization}) is tied to {@code org_id}.
 *
 * <p>The check is lexical, over the statement's text: an {@code INSERT}'s column list names {@code
 * org_id}; every other reference's alias (or, unaliased, the table) has its {@code org_id} in a
 * predicate ({@code = }, {@code IN}, a row value with {@code IN}, or the right side of an equality
 * such as a join {@code a.org_id = m.org_id}); and a statement that reads or changes rows binds
 * {@code org_id} to a value somewhere, so joined tables are not tied only to each other. A
 * statement breaking the rule is reported as {@code "<table>: <kind> without org_id (by
 * <columns>)"}, the columns being those its predicates compare, so the report stays the same across
 * Hibernate versions' aliases and column orders.
 */
final class DistributableStatements {
  static final String REFERENCE_TABLE = "tp_organization";

  private static final Set<String> NOT_ALIASES =
      Set.of(
          "where",
          "set",
          "on",
          "join",
          "left",
          "right",
          "inner",
          "outer",
          "cross",
          "using",
          "order",
          "group",
          "limit",
          "for",
          "values",
          "select",
          "natural",
          "full",
          "returning",
          "offset",
          "fetch",
          "union",
          "except",
          "intersect",
          "having",
          "window",
          "default",
          "do",
          "as");

  private static final Pattern REFERENCE =
      Pattern.compile("\\b(from|join|update|into|using|,)\\s+(tp_\\w+)(?:\\s+(?:as\\s+)?(\\w+))?");

  private static final Pattern BOUND =
      Pattern.compile(
          "\\borg_id\\s*(=\\s*(\\?|\\$\\d|cast\\s*\\(|'|any\\s*\\()|in\\s*\\(\\s*(\\?|\\$\\d|select|'|cast))"
              + "|\\([^()]*\\borg_id\\s*(,[^()]*)?\\)\\s*in\\s*\\(");

  private static final Pattern COMPARED =
      Pattern.compile(
          "(?:\\w+\\.)?(\\w+)\\s*(?:=|<>|!=|<=|>=|<|>|\\bin\\b|\\bis\\b|\\blike\\b|\\bbetween\\b)");

  private DistributableStatements() {}

  /**
   * @param sql one statement as sent to the database
   * @return the rule's violations in it, one per offending table reference, or none
   */
  static Set<String> violations(String sql) {
    String s = normalized(sql);
    String kind = s.isEmpty() ? "" : s.split("[\\s(]", 2)[0];
    Set<String> out = new TreeSet<>();
    boolean anyDistributed = false;
    Matcher m = REFERENCE.matcher(s);
    while (m.find()) {
      String keyword = m.group(1);
      String table = m.group(2);
      if (table.equals(REFERENCE_TABLE)) {
        continue;
      }
      anyDistributed = true;
      String alias = m.group(3);
      if (alias != null && NOT_ALIASES.contains(alias)) {
        alias = null;
      }
      boolean tied =
          keyword.equals("into")
              ? insertNamesOrgId(s, m.end(2))
              : tiedToOrgId(s, alias == null ? null : alias);
      if (!tied) {
        out.add(table + ": " + kind + " without org_id (by " + comparedColumns(s) + ")");
      }
    }
    if (anyDistributed
        && out.isEmpty()
        && !(kind.equals("insert") && !s.contains(" where "))
        && !BOUND.matcher(s).find()) {
      out.add(
          "(statement): "
              + kind
              + " ties tables by org_id but binds it to no value (by "
              + comparedColumns(s)
              + ")");
    }
    return out;
  }

  /** Lower case, string literals blanked, whitespace collapsed. */
  static String normalized(String sql) {
    return sql.toLowerCase(Locale.ROOT)
        .replaceAll("'[^']*'", "''")
        .replaceAll("\"", "")
        .replaceAll("\\s+", " ")
        .trim();
  }

  private static boolean insertNamesOrgId(String s, int afterTable) {
    String rest = s.substring(afterTable).trim();
    if (!rest.startsWith("(")) {
      return false;
    }
    int close = rest.indexOf(')');
    return close > 0 && Pattern.compile("\\borg_id\\b").matcher(rest.substring(0, close)).find();
  }

  private static boolean tiedToOrgId(String s, @org.jspecify.annotations.Nullable String alias) {
    String column =
        alias == null ? "(?<![.\\w])org_id" : "\\b" + Pattern.quote(alias) + "\\.org_id";
    List<Pattern> tied = new ArrayList<>();
    tied.add(Pattern.compile(column + "\\s*(=|\\bin\\b)"));
    tied.add(Pattern.compile("=\\s*" + column + "\\b"));
    tied.add(Pattern.compile("\\([^()]*" + column + "\\s*(,[^()]*)?\\)\\s*in\\s*\\("));
    return tied.stream().anyMatch(p -> p.matcher(s).find());
  }

  private static String comparedColumns(String s) {
    int where = s.indexOf(" where ");
    if (where < 0) {
      return "nothing";
    }
    Set<String> columns = new TreeSet<>();
    Matcher m = COMPARED.matcher(s.substring(where + 7));
    while (m.find()) {
      String c = m.group(1);
      if (!c.matches("\\d+|and|or|not|null|where|select|exists|case|when|then|else|end")) {
        columns.add(c);
      }
    }
    return columns.isEmpty() ? "nothing" : String.join(", ", columns);
  }
}
