package io.trainproof.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.persistence.EntityManager;
import org.hibernate.Version;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which Hibernate ORM and Jakarta Persistence API this run tests the store on. The build passes the
 * versions it asked for ({@code hibernate.version} and {@code jakarta.persistence.version}, which
 * the {@code hibernate6} and {@code hibernate72} profiles change) as system properties, so a run
 * whose class path quietly brought another Hibernate fails here instead of passing as a test of the
 * version it named. A caller may also say which line it means ({@code
 * -Dtrainproof.hibernate.expect=6.6.}, as {@code .ci/run} does), which fails a run whose profile
 * was not applied at all (a misspelt {@code -P} only warns, and the build then asks for 7.4).
 */
class HibernateVersionTest {
  private static final Logger LOG = LoggerFactory.getLogger(HibernateVersionTest.class);

  @Test
  void theRunUsesTheHibernateTheBuildAskedFor() {
    String asked = System.getProperty("trainproof.hibernate.version");
    String expected = System.getProperty("trainproof.hibernate.expect");
    String running = Version.getVersionString();
    LOG.info(
        "the store runs on Hibernate ORM {} (the build asked for {}, the caller expects {})",
        running,
        asked,
        expected);
    assumeTrue(asked != null, "not run by the build: no trainproof.hibernate.version");
    assertThat(running).as("Hibernate ORM on the test class path").isEqualTo(asked);
    if (expected != null) {
      assertThat(running)
          .as("Hibernate ORM on the test class path, against -Dtrainproof.hibernate.expect")
          .startsWith(expected);
    }
  }

  @Test
  void theRunUsesTheJakartaPersistenceApiTheBuildAskedFor() {
    String asked = System.getProperty("trainproof.jakarta.persistence.version");
    String running = EntityManager.class.getPackage().getImplementationVersion();
    LOG.info("the store runs on Jakarta Persistence {} (the build asked for {})", running, asked);
    assumeTrue(asked != null, "not run by the build: no trainproof.jakarta.persistence.version");
    assertThat(running).as("jakarta.persistence-api on the test class path").isEqualTo(asked);
  }
}
