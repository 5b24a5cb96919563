package io.trainproof.examples.features;

import io.trainproof.core.Actor;
import io.trainproof.core.Trainproof;
import io.trainproof.core.domain.Organization;
import io.trainproof.core.domain.WorkforceMember;
import io.trainproof.core.domain.WorkforceType;
import io.trainproof.core.organization.OrganizationService;
import io.trainproof.core.workforce.WorkforceService;
import io.trainproof.persistence.jpa.JpaStore;
import io.trainproof.persistence.jpa.SqlDialect;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceUnitTransactionType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Embedding Trainproof in a host that already has its own persistence unit: the host adds
 * Trainproof's mapping file to its unit, runs Trainproof's migrations with its own Flyway (or
 * Liquibase), and hands its {@link EntityManagerFactory} to {@link JpaStore#using}. The host keeps
 * owning the factory. Run: {@code java -cp examples/target/trainproof.jar
 * io.trainproof.examples.features.EmbedWithHostEntityManagerFactory}.
 */
public final class EmbedWithHostEntityManagerFactory {
  private EmbedWithHostEntityManagerFactory() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:host-app;DB_CLOSE_DELAY=-1");

    // 1. The host's migrations include Trainproof's location next to its own.
    Flyway.configure()
        .dataSource(dataSource)
        .locations(SqlDialect.H2.migrationLocation() /* , "classpath:db/host-app" */)
        .load()
        .migrate();

    // 2. The host's persistence unit lists Trainproof's mapping file beside its own entities.
    PersistenceConfiguration unit =
        new PersistenceConfiguration("host-app")
            .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
            .mappingFile(JpaStore.MAPPING_FILE)
            .property("jakarta.persistence.nonJtaDataSource", dataSource)
            .property("hibernate.jdbc.batch_size", "50")
            .property("hibernate.order_inserts", "true")
            .property("hibernate.default_batch_fetch_size", "64")
            .property("hibernate.jdbc.time_zone", "UTC");
    try (EntityManagerFactory hostFactory = Persistence.createEntityManagerFactory(unit)) {
      // 3. Trainproof runs on the host's factory; the host closes it.
      Trainproof trainproof =
          Trainproof.builder()
              .store(JpaStore.using(hostFactory, SqlDialect.H2))
              .clock(Clock.systemUTC())
              .build();
      Organization org =
          trainproof
              .organizations()
              .create(
                  Actor.platform("vendor-admin"),
                  OrganizationService.NewOrganization.of(
                      "Harbor Dental", ZoneId.of("America/New_York")));
      Actor officer = Actor.complianceOfficer("u-1", org.id());
      WorkforceMember m =
          trainproof
              .workforce()
              .hire(
                  officer,
                  new WorkforceService.NewMember(
                      "HR-1",
                      "A. Hygienist",
                      WorkforceType.EMPLOYEE,
                      Set.of("hygienist"),
                      "Clinic",
                      null,
                      LocalDate.now(Clock.systemUTC())));
      System.out.println(
          "Hired "
              + m.externalId()
              + " into "
              + org.name()
              + " through the host's EntityManagerFactory; "
              + trainproof.audit().verify(officer).entriesChecked()
              + " audit entries, chain intact="
              + trainproof.audit().verify(officer).intact());
    }
  }
}
