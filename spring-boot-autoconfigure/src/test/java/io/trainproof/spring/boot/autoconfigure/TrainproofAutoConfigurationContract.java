package io.trainproof.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.organization.OrganizationService.NewOrganization;
import io.trainproof.core.spi.CredentialIssuer;
import io.trainproof.core.spi.Store;
import io.trainproof.persistence.jpa.JpaStore;
import io.trainproof.persistence.jpa.SqlDialect;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import io.trainproof.spring.boot.autoconfigure.internal.DeferredJpaStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The auto-configuration's behaviour, run by each starter on its Spring Boot line (a subclass names
 * the line's own auto-configurations). Every conditional: with and without a data source, with an
 * entity manager factory, with and without Micrometer, a host bean replacing each default, {@code
 * trainproof.enabled=false}, wrong properties naming the property and the value.
 */
public abstract class TrainproofAutoConfigurationContract {

  /**
   * @return the Boot line's own auto-configurations to add (its health indicator)
   */
  protected abstract List<Class<?>> lineAutoConfigurations();

  /**
   * @return the Boot line's {@code FlywayAutoConfiguration}
   */
  protected abstract Class<?> hostFlywayAutoConfiguration();

  /**
   * @return a runner with Trainproof's auto-configurations and the line's
   */
  protected ApplicationContextRunner runner() {
    Class<?>[] ours = {
      TrainproofAutoConfiguration.class,
      TrainproofObservationAutoConfiguration.class,
      TrainproofSchedulingAutoConfiguration.class
    };
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ours))
        .withConfiguration(AutoConfigurations.of(lineAutoConfigurations().toArray(Class<?>[]::new)))
        .withPropertyValues("trainproof.scheduler.cron=0 0 3 * * *");
  }

  /**
   * @return a runner with a fresh H2 database as the host's data source
   */
  protected ApplicationContextRunner withDatabase() {
    JdbcDataSource database = TestDatabases.newH2();
    return runner().withBean(DataSource.class, () -> database);
  }

  @Test
  void withoutADataSourceThereIsNoStoreAndNoTrainproof() {
    runner()
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(Store.class);
              assertThat(context).doesNotHaveBean(Trainproof.class);
              assertThat(context).hasSingleBean(TrainproofProperties.class);
            });
  }

  @Test
  void onTheHostsDataSourceItMigratesAndRuns() {
    withDatabase()
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(DeferredJpaStore.class);
              assertThat(context.getBean(DeferredJpaStore.class).isOpen()).isTrue();
              DataSource dataSource = context.getBean(DataSource.class);
              assertThat(
                      TestDatabases.count(
                          dataSource,
                          "SELECT COUNT(*) FROM \"trainproof_schema_history\" WHERE \"success\""
                              + " AND \"type\" = 'SQL'"))
                  .isEqualTo(3);
              Organization org = createOrganization(context.getBean(Trainproof.class));
              assertThat(TestDatabases.count(dataSource, "SELECT COUNT(*) FROM tp_organization"))
                  .isEqualTo(1);
              assertThat(org.name()).isEqualTo("Harbor Dental");
              assertThat(context).hasSingleBean(TrainproofSweep.class);
              assertThat(context).doesNotHaveBean(CredentialIssuer.class);
            });
  }

  @Test
  void disabledConfiguresNothing() {
    withDatabase()
        .withPropertyValues("trainproof.enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(Store.class);
              assertThat(context).doesNotHaveBean(Trainproof.class);
              assertThat(context).doesNotHaveBean(TrainproofSweep.class);
              assertThat(context).doesNotHaveBean(TrainproofProperties.class);
            });
  }

  @Test
  void theHostsStoreReplacesTheJpaStore() {
    InMemoryStore store = new InMemoryStore();
    withDatabase()
        .withBean(Store.class, () -> store)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(Store.class)).isSameAs(store);
              assertThat(context).doesNotHaveBean(TrainproofMigrations.class);
              createOrganization(context.getBean(Trainproof.class));
            });
  }

  @Test
  void withoutADataSourceTheHostsStoreIsEnough() {
    runner()
        .withBean(Store.class, InMemoryStore::new)
        .run(context -> createOrganization(context.getBean(Trainproof.class)));
  }

  @Test
  void theHostsTrainproofReplacesOurs() {
    Trainproof own = Trainproof.builder().store(new InMemoryStore()).build();
    withDatabase()
        .withBean(Trainproof.class, () -> own)
        .run(context -> assertThat(context.getBean(Trainproof.class)).isSameAs(own));
  }

  @Test
  void aClockNamedTrainproofClockReplacesOursAndTheHostsClockIsNotTaken() {
    Clock fixed = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    Clock hostClock = Clock.system(ZoneId.of("Asia/Kathmandu"));
    withDatabase()
        .withBean(TrainproofAutoConfiguration.CLOCK, Clock.class, () -> fixed)
        .run(context -> assertThat(context.getBean(Trainproof.class).clock()).isSameAs(fixed));
    withDatabase()
        .withBean("hostClock", Clock.class, () -> hostClock)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBeanProvider(Clock.class).getIfUnique()).isSameAs(hostClock);
              assertThat(context.getBean(Trainproof.class).clock()).isNotSameAs(hostClock);
            });
  }

  @Test
  void theHostsEntityManagerFactoryIsUsedWhenItMapsTrainproofsEntities() {
    JdbcDataSource database = TestDatabases.newH2();
    new TrainproofMigrations(database, TrainproofMigrations.DEFAULT_TABLE).migrate(SqlDialect.H2);
    JpaStore hostUnit = JpaStore.create(database, SqlDialect.H2);
    try {
      runner()
          .withBean(DataSource.class, () -> database)
          .withBean(jakarta.persistence.EntityManagerFactory.class, hostUnit::entityManagerFactory)
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                DeferredJpaStore store = context.getBean(DeferredJpaStore.class);
                assertThat(store.open().entityManagerFactory())
                    .isSameAs(hostUnit.entityManagerFactory());
                createOrganization(context.getBean(Trainproof.class));
              });
    } finally {
      hostUnit.close();
    }
  }

  @Test
  void theIssuerComesFromTheKeyLocation(@TempDir Path dir) throws IOException {
    Path key = writeKey(dir);
    withDatabase()
        .withPropertyValues(
            "trainproof.issuer.key-location=file:" + key,
            "trainproof.issuer.did=did:web:training.example.com")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(CredentialIssuer.class);
            });
  }

  @Test
  void aMissingKeyFileFailsNamingThePropertyAndTheValue(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-key.pem");
    withDatabase()
        .withPropertyValues(
            "trainproof.issuer.key-location=file:" + missing,
            "trainproof.issuer.did=did:web:training.example.com")
        .run(
            context -> assertFailure(context, "trainproof.issuer.key-location", "no-such-key.pem"));
  }

  @Test
  void aKeyWithoutADidFailsNamingTheProperty(@TempDir Path dir) throws IOException {
    Path key = writeKey(dir);
    withDatabase()
        .withPropertyValues("trainproof.issuer.key-location=file:" + key)
        .run(context -> assertFailure(context, "trainproof.issuer.did", "(not set)"));
  }

  @Test
  void aFileThatIsNotAKeyFailsWithoutShowingItsContent(@TempDir Path dir) throws IOException {
    Path notKey = dir.resolve("secret.pem");
    Files.writeString(notKey, "s3cr3t-not-a-key", StandardCharsets.UTF_8);
    withDatabase()
        .withPropertyValues(
            "trainproof.issuer.key-location=file:" + notKey,
            "trainproof.issuer.did=did:web:training.example.com")
        .run(
            context -> {
              assertFailure(context, "trainproof.issuer", "secret.pem");
              assertThat(context.getStartupFailure()).hasStackTraceContaining("secret.pem");
              assertThat(stackTrace(context.getStartupFailure())).doesNotContain("s3cr3t");
            });
  }

  @Test
  void aWrongCronFailsNamingThePropertyAndTheValue() {
    withDatabase()
        .withPropertyValues("trainproof.scheduler.cron=every hour")
        .run(context -> assertFailure(context, "trainproof.scheduler.cron", "every hour"));
  }

  @Test
  void dueSoonDaysOutOfRangeFailsNamingThePropertyAndTheValue() {
    withDatabase()
        .withPropertyValues("trainproof.due-soon-days=500")
        .run(context -> assertFailure(context, "trainproof.due-soon-days", "500"));
  }

  @Test
  void aHistoryTableThatIsNotAnIdentifierFails() {
    withDatabase()
        .withPropertyValues("trainproof.flyway.table=x; DROP TABLE y")
        .run(context -> assertFailure(context, "trainproof.flyway.table", "x; DROP TABLE y"));
  }

  @Test
  void theFailureAnalyzerNamesThePropertyAndTheValue() {
    var analysis =
        new io.trainproof.spring.boot.autoconfigure.internal.TrainproofPropertyFailureAnalyzer()
            .analyze(new TrainproofPropertyException("trainproof.scheduler.cron", "x", "is bad"));
    assertThat(analysis).isNotNull();
    assertThat(analysis.getDescription()).contains("trainproof.scheduler.cron").contains("'x'");
    assertThat(analysis.getAction()).contains("trainproof.scheduler.cron");
  }

  @Test
  void theFailureAnalyzerAndTheAutoConfigurationsAreRegistered() throws IOException {
    StringBuilder factories = new StringBuilder();
    for (java.net.URL url :
        java.util.Collections.list(
            getClass().getClassLoader().getResources("META-INF/spring.factories"))) {
      try (var in = url.openStream()) {
        factories.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(factories.toString())
        .contains(
            "io.trainproof.spring.boot.autoconfigure.internal.TrainproofPropertyFailureAnalyzer");
    StringBuilder imports = new StringBuilder();
    for (java.net.URL url :
        java.util.Collections.list(
            getClass()
                .getClassLoader()
                .getResources(
                    "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"))) {
      try (var in = url.openStream()) {
        imports.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    for (Class<?> type : lineAutoConfigurations()) {
      assertThat(imports.toString()).contains(type.getName());
    }
    assertThat(imports.toString())
        .contains(TrainproofAutoConfiguration.class.getName())
        .contains(TrainproofSchedulingAutoConfiguration.class.getName())
        .contains(TrainproofObservationAutoConfiguration.class.getName());
  }

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
            "V1__trainproof_core.sql", "V2__sweep_claim_index.sql", "V3__issued_credentials.sql");
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
                  .isEqualTo(3);
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
        .isEqualTo(3);
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
                      java.time.Duration.ofDays(1),
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
                  Clock.fixed(
                      sweep.createdAt().plus(java.time.Duration.ofHours(25)), ZoneOffset.UTC);
              TrainproofHealth health =
                  new TrainproofHealth(
                      context.getBean(Store.class), sweep, java.time.Duration.ofDays(1), later);
              TrainproofHealth.Report report = health.check();
              assertThat(report.up()).isFalse();
              assertThat(report.details()).containsKey("sweep");
            });
  }

  @Test
  void schedulerOffMeansNoSweep() {
    withDatabase()
        .withPropertyValues("trainproof.scheduler.enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(Trainproof.class);
              assertThat(context).doesNotHaveBean(TrainproofSweep.class);
            });
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
              SimpleMeterRegistry meters = new SimpleMeterRegistry();
              context.getBean("trainproofSweepMetrics", MeterBinder.class).bindTo(meters);
              assertThat(meters.get("trainproof.sweep.last.success").timeGauge().value())
                  .isPositive();
              assertThat(meters.get("trainproof.sweep.failures").gauge().value()).isZero();
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
              assertThat(context).doesNotHaveBean("trainproofSweepMetrics");
              assertThat(context.getBean(TrainproofSweep.class).runNow()).isPresent();
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

  /**
   * @param trainproof an instance
   * @return a new organization in it
   */
  protected static Organization createOrganization(Trainproof trainproof) {
    return trainproof
        .organizations()
        .create(
            Actor.platform("vendor-admin"),
            NewOrganization.of("Harbor Dental", ZoneId.of("America/New_York")));
  }

  /**
   * @param dir a folder
   * @return a PKCS#8 PEM file of a new Ed25519 key in it
   * @throws IOException when it cannot be written
   */
  protected static Path writeKey(Path dir) throws IOException {
    SigningKey key =
        SigningKey.generate(
            KeyAlgorithm.ED25519, "did:web:training.example.com#key-1", new SecureRandom());
    Path file = dir.resolve("issuer-key.pem");
    Files.writeString(file, key.toPkcs8Pem(), StandardCharsets.US_ASCII);
    return file;
  }

  private static void assertFailure(
      AssertableApplicationContext context, String property, String value) {
    assertThat(context).hasFailed();
    Throwable failure = context.getStartupFailure();
    TrainproofPropertyException cause = null;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TrainproofPropertyException e) {
        cause = e;
      }
    }
    assertThat(cause).as("a TrainproofPropertyException in %s", failure).isNotNull();
    assertThat(cause.property()).startsWith(property);
    assertThat(cause.getMessage()).contains(property).contains(value);
  }

  private static String stackTrace(Throwable t) {
    java.io.StringWriter out = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }
}
