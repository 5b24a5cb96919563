package io.trainproof.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.spi.Store;
import io.trainproof.testkit.StoreContract;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/**
 * The storage contract on PostgreSQL with every statement the store sends recorded at the JDBC
 * boundary, then checked against Citus's rule for tables distributed by {@code org_id}
 * (docs/SCALING.md, {@link DistributableStatements}): each statement reaches one tenant's rows.
 *
 * <p>The statements that must reach several tenants by their nature (the outbox relay and retention
 * work across all organizations, a look-up by a secret that names no organization) are listed with
 * their reason in {@code citus-statement-exceptions.txt} (test resources). After the whole suite, a
 * violation not listed fails, and so does a listed one the suite no longer produces; the second
 * check needs every contract case to have run, so it is left out when a test filter ran only some.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("database")
class PostgreSqlStatementLogTest extends StoreContract {
  private final StatementLog log = new StatementLog();
  private final Set<String> ran = ConcurrentHashMap.newKeySet();
  private @Nullable TestDatabase database;
  private @Nullable JpaStore shared;

  @BeforeAll
  void start() {
    database = TestDatabase.create(SqlDialect.POSTGRESQL);
    shared = newStore();
  }

  private JpaStore newStore() {
    return JpaStore.create(
        log.record(Objects.requireNonNull(database).dataSource()),
        SqlDialect.POSTGRESQL,
        Map.of("hibernate.hbm2ddl.auto", "validate"));
  }

  @Override
  protected Store createStore() {
    return Objects.requireNonNull(shared);
  }

  @Override
  protected Store openAnotherStore() {
    return newStore();
  }

  @AfterEach
  void noteRun(TestInfo test) {
    test.getTestMethod().ifPresent(m -> ran.add(m.getName()));
  }

  @AfterAll
  void checkTheStatements() throws Exception {
    try {
      Map<String, String> found = new TreeMap<>();
      for (String sql : log.statements()) {
        for (String violation : DistributableStatements.violations(sql)) {
          found.putIfAbsent(violation, sql);
        }
      }
      assertThat(log.statements())
          .as("the statement log recorded the suite's statements")
          .hasSizeGreaterThan(50);
      Set<String> known = exceptions();
      Map<String, String> added = new TreeMap<>(found);
      added.keySet().removeAll(known);
      assertThat(added)
          .as(
              "statements that do not reach one organization's rows (docs/SCALING.md); filter by"
                  + " org_id, or list one that must reach several tenants in"
                  + " citus-statement-exceptions.txt with its reason")
          .isEmpty();
      if (ran.containsAll(contractCases())) {
        Set<String> gone = new TreeSet<>(known);
        gone.removeAll(found.keySet());
        assertThat(gone)
            .as("listed in citus-statement-exceptions.txt but no longer issued; take them off")
            .isEmpty();
      }
    } finally {
      if (shared != null) {
        shared.close();
      }
      if (database != null) {
        database.close();
      }
    }
  }

  /** The names of the contract's test methods, this class's and its interfaces'. */
  private Set<String> contractCases() {
    Set<String> names = new TreeSet<>();
    for (Class<?> c = getClass(); c != null; c = c.getSuperclass()) {
      collect(c, names);
    }
    return names;
  }

  private static void collect(Class<?> type, Set<String> names) {
    for (Method m : type.getDeclaredMethods()) {
      if (m.isAnnotationPresent(Test.class)) {
        names.add(m.getName());
      }
    }
    for (Class<?> i : type.getInterfaces()) {
      collect(i, names);
    }
  }

  /** The listed exceptions: each line {@code <violation> # <reason>}; blank and # lines skipped. */
  static Set<String> exceptions() throws IOException {
    try (InputStream in =
        PostgreSqlStatementLogTest.class.getResourceAsStream("/citus-statement-exceptions.txt")) {
      assertThat(in).as("citus-statement-exceptions.txt on the test class path").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .map(l -> l.contains("  #") ? l.substring(0, l.indexOf("  #")).strip() : l)
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
