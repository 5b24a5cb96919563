package io.trainproof.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.memory.InMemoryStore;
import io.trainproof.core.spi.CredentialIssuer;
import io.trainproof.core.spi.Store;
import io.trainproof.persistence.jpa.JpaStore;
import io.trainproof.persistence.jpa.SqlDialect;
import io.trainproof.spring.boot.autoconfigure.internal.DeferredJpaStore;
import io.trainproof.spring.boot.autoconfigure.internal.TrainproofPropertyFailureAnalyzer;
import io.trainproof.web.TrainproofWebIssuer;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * The auto-configuration's conditionals, run by each starter on its Spring Boot line: with and
 * without a data source, with an entity manager factory, a host bean replacing each default, {@code
 * trainproof.enabled=false}, wrong properties naming the property and the value.
 */
public abstract class TrainproofAutoConfigurationContract extends BootLineSupport {

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
                  .isEqualTo(TestDatabases.TRAINPROOF_MIGRATIONS);
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
        // Trainproof reads its clock to the microsecond (a wrapper), so compare what it reads
        .run(
            context ->
                assertThat(context.getBean(Trainproof.class).clock().instant())
                    .isEqualTo(fixed.instant()));
    withDatabase()
        .withBean("hostClock", Clock.class, () -> hostClock)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBeanProvider(Clock.class).getIfUnique()).isSameAs(hostClock);
              assertThat(context.getBean(Trainproof.class).clock().getZone())
                  .as("Trainproof's own UTC clock, not the host's Kathmandu one")
                  .isEqualTo(ZoneOffset.UTC);
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
          .withBean(EntityManagerFactory.class, hostUnit::entityManagerFactory)
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
  void theWebModuleServesTheConfiguredIssuerForTheConfiguredOrganization(@TempDir Path dir)
      throws IOException {
    Path key = writeKey(dir);
    String organization = "5b0f7c4e-2d7a-4c43-9f5e-0d6f1f3b2a11";
    withDatabase()
        .withPropertyValues(
            "trainproof.issuer.key-location=file:" + key,
            "trainproof.issuer.did=did:web:training.example.com",
            "trainproof.issuer.organization=" + organization)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              TrainproofWebIssuer web = context.getBean(TrainproofWebIssuer.class);
              assertThat(web.organization().toString()).isEqualTo(organization);
              assertThat(web.history().did()).isEqualTo("did:web:training.example.com");
            });
    withDatabase()
        .withPropertyValues(
            "trainproof.issuer.key-location=file:" + key,
            "trainproof.issuer.did=did:web:training.example.com")
        .run(context -> assertThat(context).doesNotHaveBean(TrainproofWebIssuer.class));
    withDatabase()
        .withPropertyValues(
            "trainproof.issuer.key-location=file:" + key,
            "trainproof.issuer.did=did:web:training.example.com",
            "trainproof.issuer.organization=clinic-1")
        .run(context -> assertFailure(context, "trainproof.issuer.organization", "clinic-1"));
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
        new TrainproofPropertyFailureAnalyzer()
            .analyze(new TrainproofPropertyException("trainproof.scheduler.cron", "x", "is bad"));
    assertThat(analysis).isNotNull();
    assertThat(analysis.getDescription()).contains("trainproof.scheduler.cron").contains("'x'");
    assertThat(analysis.getAction()).contains("trainproof.scheduler.cron");
  }

  @Test
  void theFailureAnalyzerAndTheAutoConfigurationsAreRegistered() throws IOException {
    StringBuilder factories = new StringBuilder();
    for (URL url :
        Collections.list(getClass().getClassLoader().getResources("META-INF/spring.factories"))) {
      try (var in = url.openStream()) {
        factories.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(factories.toString())
        .contains(
            "io.trainproof.spring.boot.autoconfigure.internal.TrainproofPropertyFailureAnalyzer");
    StringBuilder imports = new StringBuilder();
    for (URL url :
        Collections.list(
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
        .contains(TrainproofObservationAutoConfiguration.class.getName())
        .contains(TrainproofMetricsAutoConfiguration.class.getName())
        .contains(TrainproofWebIssuerAutoConfiguration.class.getName())
        .contains("io.trainproof.web.TrainproofWebAutoConfiguration");
  }

  @Test
  void aNegativeBacklogThresholdFailsNamingTheProperty() {
    // the line's health indicator (in runner()) checks the threshold when it is created
    withDatabase()
        .withPropertyValues("trainproof.health.outbox-backlog-threshold=-1")
        .run(context -> assertFailure(context, "trainproof.health.outbox-backlog-threshold", "-1"));
  }

  @Test
  void anAuditOrganizationThatIsNotAnIdFailsNamingThePropertyAndTheValue() {
    assertThat(new TrainproofProperties().getHealth().getAuditHeadEntries())
        .as("the default the metadata shows")
        .isEqualTo(TrainproofHealth.DEFAULT_AUDIT_HEAD_ENTRIES);
    withDatabase()
        .withPropertyValues(
            "trainproof.health.audit-organizations=6c0e4b8e-9d7a-4b43-9a55-0d6f3e1c2a11,Harbor")
        .run(context -> assertFailure(context, "trainproof.health.audit-organizations", "Harbor"));
    withDatabase()
        .withPropertyValues("trainproof.health.audit-head-entries=0")
        .run(context -> assertFailure(context, "trainproof.health.audit-head-entries", "0"));
  }

  @Test
  void theSweepRunsOnTheHostsTaskScheduler() {
    List<Trigger> scheduled = new CopyOnWriteArrayList<>();
    ThreadPoolTaskScheduler host =
        new ThreadPoolTaskScheduler() {
          private static final long serialVersionUID = 1L;

          @Override
          public ScheduledFuture<?> schedule(Runnable task, Trigger trigger) {
            scheduled.add(trigger);
            return super.schedule(task, trigger);
          }
        };
    host.initialize();
    try {
      withDatabase()
          .withBean("taskScheduler", TaskScheduler.class, () -> host)
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean("trainproofTaskScheduler");
                assertThat(context.getBean(TrainproofSweep.class).isRunning()).isTrue();
                assertThat(scheduled).singleElement().isInstanceOf(CronTrigger.class);
              });
    } finally {
      host.shutdown();
    }
  }

  @Test
  void withoutAHostTaskSchedulerTheSweepHasItsOwn() {
    withDatabase()
        .run(
            context -> {
              assertThat(context).hasBean("trainproofTaskScheduler");
              assertThat(context.getBean(TrainproofSweep.class).isRunning()).isTrue();
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
}
