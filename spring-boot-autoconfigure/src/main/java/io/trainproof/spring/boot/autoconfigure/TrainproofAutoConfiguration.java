package io.trainproof.spring.boot.autoconfigure;

import io.trainproof.core.Trainproof;
import io.trainproof.core.event.TrainproofListener;
import io.trainproof.core.notification.NotificationSink;
import io.trainproof.core.spi.CredentialIssuer;
import io.trainproof.core.spi.OperationObserver;
import io.trainproof.core.spi.Store;
import io.trainproof.persistence.jpa.JpaStore;
import io.trainproof.persistence.jpa.SqlDialect;
import io.trainproof.signing.SigningCredentialIssuer;
import io.trainproof.spring.boot.autoconfigure.internal.DeferredJpaStore;
import io.trainproof.spring.boot.autoconfigure.internal.IssuerFromProperties;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Configures Trainproof in a Spring Boot host: its clock (a bean named {@value #CLOCK} that is not
 * injected where the host asks for a {@link Clock}), the store on the host's {@link DataSource}
 * (the host's {@link EntityManagerFactory} when its persistence unit maps Trainproof's entities,
 * else a factory of Trainproof's own), Trainproof's migrations with their own history table, the
 * credential issuer from {@code trainproof.issuer.key-location}, and the {@link Trainproof}
 * instance. Every bean backs off when the host defines one of the same type (the clock: of the same
 * name). Off with {@code trainproof.enabled=false}.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
      "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
      "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
      "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
    })
@ConditionalOnProperty(
    prefix = "trainproof",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
@EnableConfigurationProperties(TrainproofProperties.class)
public class TrainproofAutoConfiguration {
  /** The name of Trainproof's clock bean; define a {@link Clock} of this name to replace it. */
  public static final String CLOCK = "trainproofClock";

  /** Created by Spring. */
  public TrainproofAutoConfiguration() {}

  /**
   * @return the system clock in UTC; not a default candidate, so the host's own {@link Clock}
   *     injections are unaffected
   */
  @Bean(name = CLOCK, defaultCandidate = false)
  @ConditionalOnMissingBean(name = CLOCK)
  Clock trainproofClock() {
    return Clock.systemUTC();
  }

  /**
   * @param properties the properties
   * @param clock Trainproof's clock
   * @return the issuer signing with the key at {@code trainproof.issuer.key-location}
   */
  @Bean
  @ConditionalOnMissingBean(CredentialIssuer.class)
  @ConditionalOnProperty(prefix = "trainproof.issuer", name = "key-location")
  SigningCredentialIssuer trainproofCredentialIssuer(
      TrainproofProperties properties, @Qualifier(CLOCK) Clock clock) {
    return IssuerFromProperties.create(properties.getIssuer(), clock);
  }

  /**
   * @return the instance, on the store, with the issuer, notification sink, listeners and operation
   *     observer the context has
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(Store.class)
  Trainproof trainproof(
      Store store,
      @Qualifier(CLOCK) Clock clock,
      TrainproofProperties properties,
      ObjectProvider<CredentialIssuer> issuer,
      ObjectProvider<NotificationSink> sink,
      ObjectProvider<TrainproofListener> listeners,
      ObjectProvider<OperationObserver> observer) {
    int dueSoonDays = properties.getDueSoonDays();
    if (dueSoonDays < 0 || dueSoonDays > 365) {
      throw new TrainproofPropertyException(
          "trainproof.due-soon-days", dueSoonDays, "must be between 0 and 365");
    }
    Trainproof.Builder builder =
        Trainproof.builder().store(store).clock(clock).dueSoonDays(dueSoonDays);
    issuer.ifUnique(builder::credentialIssuer);
    sink.ifUnique(builder::notificationSink);
    observer.ifUnique(builder::operationObserver);
    listeners.orderedStream().forEach(builder::listener);
    return builder.build();
  }

  /** The JPA store on the host's data source, when the host defines no store of its own. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(DataSource.class)
  @ConditionalOnMissingBean(Store.class)
  static class JpaStoreConfiguration {
    @Bean
    @ConditionalOnMissingBean
    TrainproofMigrations trainproofMigrations(
        DataSource dataSource, TrainproofProperties properties) {
      return new TrainproofMigrations(dataSource, properties.getFlyway().getTable());
    }

    @Bean(destroyMethod = "close")
    DeferredJpaStore trainproofStore(
        DataSource dataSource,
        TrainproofProperties properties,
        TrainproofMigrations migrations,
        ObjectProvider<EntityManagerFactory> hostFactories) {
      SqlDialect configured = properties.getDialect();
      boolean migrate = properties.getFlyway().isEnabled();
      return new DeferredJpaStore(
          () -> {
            SqlDialect dialect = configured != null ? configured : SqlDialect.detect(dataSource);
            if (migrate) {
              migrations.migrate(dialect);
            }
            EntityManagerFactory host = hostFactories.getIfUnique();
            if (host != null && mapsTrainproof(host)) {
              return JpaStore.using(host, dialect);
            }
            return JpaStore.create(dataSource, dialect);
          });
    }

    /**
     * Opens the store once every singleton exists (so after the host's own Flyway ran); a database
     * that is down only logs, and the store opens on first use.
     */
    @Bean
    SmartInitializingSingleton trainproofStoreOpener(DeferredJpaStore store) {
      return () -> {
        boolean unused = store.tryOpen();
      };
    }

    private static boolean mapsTrainproof(EntityManagerFactory factory) {
      Set<Class<?>> mapped = new HashSet<>();
      for (EntityType<?> entity : factory.getMetamodel().getEntities()) {
        mapped.add(entity.getJavaType());
      }
      return mapped.containsAll(JpaStore.entityClasses());
    }
  }
}
