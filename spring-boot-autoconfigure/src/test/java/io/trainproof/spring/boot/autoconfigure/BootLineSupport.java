package io.trainproof.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.organization.OrganizationService.NewOrganization;
import io.trainproof.signing.key.KeyAlgorithm;
import io.trainproof.signing.key.SigningKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * What the shared suites need from a Spring Boot line (its own auto-configurations), and their
 * helpers. A starter's test classes extend {@link TrainproofAutoConfigurationContract} and {@link
 * TrainproofRuntimeContract}.
 */
public abstract class BootLineSupport {

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
      TrainproofSchedulingAutoConfiguration.class,
      TrainproofMetricsAutoConfiguration.class,
      TrainproofWebIssuerAutoConfiguration.class
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

  protected static void assertFailure(
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

  protected static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
