package io.trainproof.spring.boot.starter;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.spring.boot.autoconfigure.TestDatabases;
import io.trainproof.spring.boot.autoconfigure.TrainproofAutoConfigurationContract;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;

/** The shared auto-configuration suite on Spring Boot 4.0, and this line's health indicator. */
class Boot4AutoConfigurationTest extends TrainproofAutoConfigurationContract {

  @Override
  protected List<Class<?>> lineAutoConfigurations() {
    return List.of(TrainproofHealthAutoConfiguration.class);
  }

  @Override
  protected Class<?> hostFlywayAutoConfiguration() {
    return FlywayAutoConfiguration.class;
  }

  @Test
  void healthIsUpOnAWorkingDatabase() {
    withDatabase()
        .run(
            context -> {
              HealthIndicator health =
                  context.getBean("trainproofHealthIndicator", HealthIndicator.class);
              assertThat(health.health().getStatus()).isEqualTo(Status.UP);
              assertThat(health.health().getDetails()).containsEntry("store", "reachable");
            });
  }

  @Test
  void healthIsDownWhileTheDatabaseIsDown() {
    TestDatabases.Switchable database = new TestDatabases.Switchable(TestDatabases.newH2(), true);
    runner()
        .withBean(DataSource.class, () -> database)
        .withPropertyValues("trainproof.dialect=h2")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              HealthIndicator health =
                  context.getBean("trainproofHealthIndicator", HealthIndicator.class);
              assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
              database.down(false);
              assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            });
  }

  @Test
  void withoutHealthSupportOnTheClassPathThereIsNoIndicator() {
    withDatabase()
        .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean("trainproofHealthIndicator");
            });
  }

  @Test
  void theStoreRunsOnTheHibernateLineThisBootManages() throws ReflectiveOperationException {
    String version =
        (String) Class.forName("org.hibernate.Version").getMethod("getVersionString").invoke(null);
    assertThat(version).startsWith("7.2.");
  }
}
