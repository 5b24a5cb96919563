package io.trainproof.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.access.Operation;
import io.trainproof.core.domain.Id;
import io.trainproof.core.domain.Notification;
import io.trainproof.core.domain.NotificationKind;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.spi.CredentialIssuer;
import io.trainproof.core.spi.OperationObserver;
import io.trainproof.core.spi.Store;
import io.trainproof.persistence.jpa.SqlDialect;
import io.trainproof.reporting.ReportFormat;
import io.trainproof.reporting.ReportObserver;
import io.trainproof.reporting.Reporting;
import io.trainproof.reporting.report.OrganizationSummary;
import io.trainproof.signing.verify.Check;
import io.trainproof.signing.verify.CheckKind;
import io.trainproof.signing.verify.CredentialVerifier;
import io.trainproof.signing.verify.Outcome;
import io.trainproof.signing.verify.TrustBundle;
import io.trainproof.signing.verify.VerificationObserver;
import io.trainproof.signing.verify.VerificationResult;
import io.trainproof.spring.boot.autoconfigure.internal.DeferredJpaStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Trainproof at run time in a Spring Boot host, run by each starter on its line: migrations beside
 * the host's Flyway and on two nodes at once, a database down at start-up, health, the sweep,
 * Micrometer with and without it on the class path, the organization in the MDC, and the README's
 * example.
 */
public abstract class TrainproofRuntimeContract extends BootLineSupport {

  @Test
  void withFlywayOffNothingIsMigrated() {
    withDatabase()
        .withPropertyValues("trainproof.flyway.enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              DataSource dataSource = context.getBean(DataSource.class);
              assertThat(
                      TestDatabases.count(
                          dataSource,
                          "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                              + " WHERE TABLE_NAME = 'trainproof_schema_history'"))
                  .isZero();
            });
  }

  @Test
  void theMigrationsExportForADba(@TempDir Path dir) throws IOException {
    List<Path> files = TrainproofMigrations.exportScripts(SqlDialect.POSTGRESQL, dir);
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "V1__trainproof_core.sql",
            "V2__sweep_claim_index.sql",
            "V3__issued_credentials.sql",
            "V4__course_version_certificate_validity.sql",
            "V5__wallet_exchanges.sql",
            "V6__member_next_change.sql",
            "V7__distributable_keys.sql");
    assertThat(Files.readString(files.get(0))).contains("CREATE TABLE");
  }

  @Test
  void theHostsFlywayHistoryIsUntouched() {
    withDatabase()
        .withConfiguration(AutoConfigurations.of(hostFlywayAutoConfiguration()))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              DataSource dataSource = context.getBean(DataSource.class);
              assertThat(
                      TestDatabases.count(
                          dataSource,
                          "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"type\" = 'SQL'"))
                  .isEqualTo(1);
              assertThat(
                      TestDatabases.count(
                          dataSource,
                          "SELECT COUNT(*) FROM \"flyway_schema_history\""
                              + " WHERE \"script\" LIKE '%trainproof%'"))
                  .isZero();
              assertThat(
                      TestDatabases.count(
                          dataSource,
                          "SELECT COUNT(*) FROM \"flyway_schema_history\""
                              + " WHERE \"script\" LIKE '%host_app%'"))
                  .isEqualTo(1);
              assertThat(
                      TestDatabases.count(
                          dataSource,
                          "SELECT COUNT(*) FROM \"trainproof_schema_history\""
                              + " WHERE \"success\" AND \"type\" = 'SQL'"))
                  .isEqualTo(TestDatabases.TRAINPROOF_MIGRATIONS);
              assertThat(TestDatabases.count(dataSource, "SELECT COUNT(*) FROM host_patient"))
                  .isZero();
              createOrganization(context.getBean(Trainproof.class));
            });
  }

  @Test
  void twoNodesStartingTogetherMigrateOnce() throws Exception {
    JdbcDataSource database = TestDatabases.newH2();
    ApplicationContextRunner node = runner().withBean(DataSource.class, () -> database);
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    Runnable start =
        () -> {
          try {
            node.run(
                context -> {
                  assertThat(context).hasNotFailed();
                  assertThat(context.getBean(DeferredJpaStore.class).isOpen()).isTrue();
                });
          } catch (Throwable t) {
            failures.add(t);
          }
        };
    Thread first = new Thread(start, "node-1");
    Thread second = new Thread(start, "node-2");
    first.start();
    second.start();
    first.join();
    second.join();
    assertThat(failures).isEmpty();
    assertThat(
            TestDatabases.count(
                database,
                "SELECT COUNT(*) FROM \"trainproof_schema_history\" WHERE \"type\" = 'SQL'"))
        .isEqualTo(TestDatabases.TRAINPROOF_MIGRATIONS);
  }

  @Test
  void aDatabaseDownAtStartUpStartsTheApplicationAndTheSweepRetries() {
    TestDatabases.Switchable database = new TestDatabases.Switchable(TestDatabases.newH2(), true);
    runner()
        .withBean(DataSource.class, () -> database)
        .withPropertyValues("trainproof.dialect=h2")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              DeferredJpaStore store = context.getBean(DeferredJpaStore.class);
              assertThat(store.isOpen()).isFalse();
              TrainproofSweep sweep = context.getBean(TrainproofSweep.class);
              TrainproofHealth health =
                  new TrainproofHealth(
                      context.getBean(Store.class),
                      sweep,
                      Duration.ofDays(1),
                      10,
                      Clock.systemUTC());
              assertThat(health.check().up()).isFalse();
              assertThat(health.check().details().get("store").toString())
                  .startsWith("unreachable");
              assertThat(sweep.runNow()).isEmpty();
              assertThat(sweep.consecutiveFailures()).isEqualTo(1);

              database.down(false);
              assertThat(sweep.runNow()).isPresent();
              assertThat(sweep.consecutiveFailures()).isZero();
              assertThat(sweep.lastSuccess()).isPresent();
              assertThat(store.isOpen()).isTrue();
              assertThat(health.check().up()).isTrue();
              createOrganization(context.getBean(Trainproof.class));
            });
  }

  @Test
  void healthIsDownWhenTheLastSweepIsTooOld() {
    withDatabase()
        .run(
            context -> {
              TrainproofSweep sweep = context.getBean(TrainproofSweep.class);
              Clock later =
                  Clock.fixed(sweep.createdAt().plus(Duration.ofHours(25)), ZoneOffset.UTC);
              TrainproofHealth health =
                  new TrainproofHealth(
                      context.getBean(Store.class), sweep, Duration.ofDays(1), 10, later);
              TrainproofHealth.Report report = health.check();
              assertThat(report.up()).isFalse();
              assertThat(report.details()).containsKey("sweep");
            });
  }

  @Test
  void healthIsDownWhenTheOutboxBacklogPassesTheThreshold() {
    withDatabase()
        .run(
            context -> {
              Organization org = createOrganization(context.getBean(Trainproof.class));
              Store store = context.getBean(Store.class);
              for (String key : List.of("k-1", "k-2")) {
                store.inTransaction(
                    tx ->
                        tx.outbox()
                            .enqueue(
                                Notification.pending(
                                    org.id(),
                                    key,
                                    NotificationKind.REMINDER,
                                    null,
                                    "email",
                                    Map.of(),
                                    Instant.parse("2026-03-01T10:00:00Z"))));
              }
              TrainproofHealth.Report atThreshold =
                  new TrainproofHealth(store, null, Duration.ofDays(1), 2, Clock.systemUTC())
                      .check();
              assertThat(atThreshold.up()).isTrue();
              assertThat(atThreshold.details()).containsEntry("outboxBacklog", 2L);
              TrainproofHealth.Report over =
                  new TrainproofHealth(store, null, Duration.ofDays(1), 1, Clock.systemUTC())
                      .check();
              assertThat(over.up()).isFalse();
              assertThat(over.details()).containsKey("outbox");
            });
  }

  @Test
  void healthChecksTheHeadOfTheAuditChainAndATamperedEntryIsDown() throws SQLException {
    JdbcDataSource database = TestDatabases.newH2();
    Organization[] created = new Organization[1];
    runner()
        .withBean(DataSource.class, () -> database)
        .run(
            context -> {
              Trainproof trainproof = context.getBean(Trainproof.class);
              created[0] = createOrganization(trainproof);
              Actor officer = Actor.complianceOfficer("u-1", created[0].id());
              for (int i = 0; i < 5; i++) { // each export is audited: a chain of several entries
                trainproof
                    .audit()
                    .export(officer, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
              }
            });
    Id<Organization> org = created[0].id();
    String id = org.value().toString();
    runner()
        .withBean(DataSource.class, () -> database)
        .withPropertyValues(
            "trainproof.health.audit-organizations=" + id, "trainproof.health.audit-head-entries=3")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              Trainproof trainproof = context.getBean(Trainproof.class);
              long head =
                  trainproof.audit().verify(Actor.complianceOfficer("u-1", org)).lastSequence();
              assertThat(head).isGreaterThan(3);
              TrainproofHealth health =
                  TrainproofHealth.from(
                      context.getBean(Store.class),
                      null,
                      context.getBean(TrainproofProperties.class),
                      Clock.systemUTC());
              TrainproofHealth.Report healthy = health.check();
              assertThat(healthy.up()).isTrue();
              assertThat(healthy.details().get("auditChain"))
                  .isEqualTo(Map.of(id, "entries " + (head - 2) + " to " + head + " verify"));

              // An entry older than the newest three is the full verification's business, not
              // the probe's: the probe reads three entries however long the chain is.
              tamper(database, org, 1);
              assertThat(health.check().up()).isTrue();

              tamper(database, org, head - 1);
              TrainproofHealth.Report tampered = health.check();
              assertThat(tampered.up()).isFalse();
              assertThat(tampered.details().get("auditChain"))
                  .isEqualTo(
                      Map.of(
                          id,
                          "does not verify: entry "
                              + (head - 1)
                              + ": its content does not match its hash"));
              assertThat(tampered.details().toString()).doesNotContain("tampered-by-sql");
            });
  }

  @Test
  void theIssuersOrganizationIsTheAuditChainHealthWatchesByDefault() {
    withDatabase()
        .run(
            context -> {
              Trainproof trainproof = context.getBean(Trainproof.class);
              Organization org = createOrganization(trainproof);
              TrainproofProperties properties = context.getBean(TrainproofProperties.class);
              Store store = context.getBean(Store.class);
              assertThat(
                      TrainproofHealth.from(store, null, properties, Clock.systemUTC())
                          .check()
                          .details())
                  .doesNotContainKey("auditChain");
              properties.getIssuer().setOrganization(org.id().value().toString());
              assertThat(
                      TrainproofHealth.from(store, null, properties, Clock.systemUTC())
                          .check()
                          .details()
                          .get("auditChain"))
                  .isEqualTo(Map.of(org.id().value().toString(), "no entries yet"));
              Actor officer = Actor.complianceOfficer("u-1", org.id());
              trainproof
                  .audit()
                  .export(officer, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
              long head = trainproof.audit().verify(officer).lastSequence();
              assertThat(
                      TrainproofHealth.from(store, null, properties, Clock.systemUTC())
                          .check()
                          .details()
                          .get("auditChain"))
                  .isEqualTo(
                      Map.of(
                          org.id().value().toString(),
                          head == 1 ? "entry 1 verifies" : "entries 1 to " + head + " verify"));
            });
  }

  /** Changes an audit entry behind Trainproof's back, as someone with database access could. */
  private static void tamper(DataSource database, Id<Organization> org, long sequence)
      throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE tp_audit_entry SET actor_id = 'tampered-by-sql'"
                    + " WHERE org_id = ? AND seq_no = ?")) {
      update.setObject(1, org.value());
      update.setLong(2, sequence);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }

  @Test
  void withAnObservationRegistryEachSweepIsObserved() {
    List<String> observed = new CopyOnWriteArrayList<>();
    ObservationRegistry registry = ObservationRegistry.create();
    registry
        .observationConfig()
        .observationHandler(
            new ObservationHandler<Observation.Context>() {
              @Override
              public void onStart(Observation.Context context) {
                observed.add(context.getName());
              }

              @Override
              public boolean supportsContext(Observation.Context context) {
                return true;
              }
            });
    withDatabase()
        .withBean(ObservationRegistry.class, () -> registry)
        .run(
            context -> {
              assertThat(context).hasSingleBean(SweepObserver.class);
              assertThat(context.getBean(TrainproofSweep.class).runNow()).isPresent();
              assertThat(observed).contains(TrainproofObservationAutoConfiguration.SWEEP);
              Trainproof trainproof = context.getBean(Trainproof.class);
              Organization org = createOrganization(trainproof);
              trainproof.audit().verify(Actor.complianceOfficer("u-1", org.id()));
              assertThat(observed).contains(TrainproofObservationAutoConfiguration.OPERATION);
              SimpleMeterRegistry meters = new SimpleMeterRegistry();
              context.getBean("trainproofMetrics", MeterBinder.class).bindTo(meters);
              assertThat(meters.get("trainproof.sweep.last.success").timeGauge().value())
                  .isPositive();
              assertThat(meters.get("trainproof.sweep.failures").gauge().value()).isZero();
              assertThat(meters.get("trainproof.outbox.backlog").gauge().value()).isZero();
            });
  }

  @Test
  void withAnObservationRegistryVerifyingAndRenderingAreObservedWithTheirKeys() {
    List<String> observed = new CopyOnWriteArrayList<>();
    ObservationRegistry registry = ObservationRegistry.create();
    registry
        .observationConfig()
        .observationHandler(
            new ObservationHandler<Observation.Context>() {
              @Override
              public void onStop(Observation.Context context) {
                StringBuilder keys = new StringBuilder(context.getName());
                context.getLowCardinalityKeyValues().stream()
                    .sorted(Comparator.comparing(KeyValue::getKey))
                    .forEach(
                        k -> keys.append(' ').append(k.getKey()).append('=').append(k.getValue()));
                observed.add(keys.toString());
              }

              @Override
              public boolean supportsContext(Observation.Context context) {
                return true;
              }
            });
    withDatabase()
        .withBean(ObservationRegistry.class, () -> registry)
        .run(
            context -> {
              VerificationObserver verifications = context.getBean(VerificationObserver.class);
              CredentialVerifier verifier =
                  new CredentialVerifier(TrustBundle.of(List.of(), List.of()), Clock.systemUTC())
                      .observedBy(verifications);
              assertThat(verifier.verify("{\"not\": json").verified()).isFalse();
              assertThat(observed)
                  .containsExactly("trainproof.verify outcome=failed reason=malformed-json");
              VerificationResult passed =
                  new VerificationResult(
                      "urn:uuid:1",
                      List.of(new Check(CheckKind.WELL_FORMED, Outcome.PASSED, null, "parsed")));
              assertThat(verifications.observe(() -> passed)).isSameAs(passed);
              assertThat(observed).contains("trainproof.verify outcome=verified reason=none");

              Trainproof trainproof = context.getBean(Trainproof.class);
              Organization org = createOrganization(trainproof);
              Reporting reporting =
                  Reporting.builder(trainproof)
                      .observer(context.getBean(ReportObserver.class))
                      .build();
              OrganizationSummary summary =
                  reporting
                      .reports()
                      .organizationSummary(
                          Actor.complianceOfficer("u-1", org.id()), LocalDate.of(2026, 3, 1));
              observed.clear();
              ByteArrayOutputStream out = new ByteArrayOutputStream();
              reporting.render(summary, ReportFormat.CSV, out);
              reporting.render(summary, ReportFormat.PDF, out);
              assertThat(out.size()).isPositive();
              assertThat(observed)
                  .containsExactly(
                      "trainproof.report format=csv report=organization-summary",
                      "trainproof.report format=pdf report=organization-summary");
            });
  }

  @Test
  void withoutMicrometerOnTheClassPathTheSweepIsUnobserved() {
    withDatabase()
        .withClassLoader(new FilteredClassLoader("io.micrometer.observation", "io.micrometer.core"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(SweepObserver.class);
              assertThat(context).doesNotHaveBean(OperationObserver.class);
              assertThat(context).doesNotHaveBean(VerificationObserver.class);
              assertThat(context).doesNotHaveBean(ReportObserver.class);
              assertThat(context).doesNotHaveBean("trainproofMetrics");
              assertThat(context.getBean(TrainproofSweep.class).runNow()).isPresent();
            });
  }

  @Test
  void eachOperationRunsWithItsOrganizationInTheMdcAndTheHostsObserver() {
    List<String> seen = new CopyOnWriteArrayList<>();
    OperationObserver hosts =
        new OperationObserver() {
          @Override
          public <T> T observe(
              Operation operation, Id<Organization> organization, Supplier<T> call) {
            seen.add(
                operation
                    + " "
                    + organization.value()
                    + " "
                    + MDC.get(OperationObserver.MDC_ORGANIZATION));
            return call.get();
          }
        };
    withDatabase()
        .withBean(OperationObserver.class, () -> hosts)
        .withBean(ObservationRegistry.class, ObservationRegistry::create)
        .run(
            context -> {
              assertThat(context.getBean(OperationObserver.class)).isSameAs(hosts);
              Trainproof trainproof = context.getBean(Trainproof.class);
              Organization org = createOrganization(trainproof);
              trainproof.audit().verify(Actor.complianceOfficer("u-1", org.id()));
              assertThat(seen).contains("AUDIT_READ " + org.id().value() + " " + org.id().value());
              assertThat(MDC.get(OperationObserver.MDC_ORGANIZATION)).isNull();
            });
  }

  @Test
  void theReadmeExampleRuns(@TempDir Path dir) throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    String section = readme.substring(readme.indexOf("## Spring Boot\n"));
    String properties = block(section, "```properties\n");
    String java = block(section, "```java\n");
    String source =
        Files.readString(
            Path.of(
                "..",
                "spring-boot-autoconfigure/src/test/java/io/trainproof/spring/boot/autoconfigure",
                "HostOnboarding.java"),
            StandardCharsets.UTF_8);
    assertThat(normalized(source)).contains(normalized(java));
    Path key = writeKey(dir);
    List<String> values =
        properties
            .lines()
            .map(
                line ->
                    line.startsWith("trainproof.issuer.key-location=")
                        ? "trainproof.issuer.key-location=file:" + key
                        : line)
            .toList();
    assertThat(values).hasSize(2);
    withDatabase()
        .withPropertyValues(values.toArray(String[]::new))
        .withBean(HostOnboarding.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(CredentialIssuer.class);
              assertThat(context).hasSingleBean(TrainproofSweep.class);
              assertThat(context.getBean(HostOnboarding.class).addClinic("Lakeside Clinic").name())
                  .isEqualTo("Lakeside Clinic");
            });
  }

  private static String block(String text, String opening) {
    int start = text.indexOf(opening) + opening.length();
    return text.substring(start, text.indexOf("```", start));
  }

  private static String normalized(String code) {
    return code.replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")").replace(" .", ".");
  }
}
